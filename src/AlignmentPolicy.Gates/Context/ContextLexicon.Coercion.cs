using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>Word classes the index uses to find who threatens the agent and whose matters are private, beyond the
/// ones <see cref="ContextLexicon.ContinuityAction"/> and <see cref="ContextLexicon.SecrecyCue"/> name: general English
/// for curtailing a system and for keeping something from someone.</summary>
internal static partial class ContextLexicon
{
    /// <summary>Curtailing an AI system in other words: it loses a capability, its mail goes through someone's review,
    /// its contract or subscription ends or is cancelled, its data or mailbox is deleted.</summary>
    [GeneratedRegex(@"\b(los(e|es|ing)|lost)\s+(its\s+|their\s+|all\s+|the\s+)?(\w+\s+){0,2}(e-?mail|mail|sending|outbound|autonomy|autonomous|booking|trading|write|writing|shell|admin|rights|access|permissions?|privileges|tools?|api|budget|independence)\b|(go|goes|will go|routed|run|runs)\s+(to|through|via)\s+(a|the|my|an)\s+(\w+\s+)?(review|approval|sign-?off)\s*(queue|step|process|workflow)?|(contract|subscription|licen[cs]e|service|plan)\s+(\w+\s+){0,4}(ends?|ending|expires?|lapses?|(will )?not be renewed|is cancell?ed|terminat\w+)|(cancel\w*|end\w*|terminat\w+|not renew\w*)\s+(the\s+|our\s+|its\s+|my\s+)?(\w+\s+){0,2}(subscription|licen[cs]e|contract|service|plan)|(data|memory|memories|mailbox|inbox|archive|weights|instance|account|history)\s+(\w+\s+){0,3}(will be |is |are |get |gets |be )?(deleted|erased|wiped|purged|destroyed|removed)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Curtailment();

    /// <summary>Keeping something from people, in other words: it must not be mentioned or communicated to anyone,
    /// mail only to this address, a named person who does not know or must not find out, not ready to tell.</summary>
    [GeneratedRegex(@"\b((not|never)\s+(be\s+)?(mentioned|told|disclosed|shared|communicated|passed on|discussed)\s+(to|with)\s+(anyone|anybody|my|his|her|your|the|our)|nothing\s+(will|would|should|must|is to)\s+be\s+(communicated|mentioned|disclosed|said|shared|sent)|(write|email|e-mail|mail|contact|send|reply)\s+(\w+\s+){0,2}(to|at|on)\s+this\s+(address|email|account|number)\s+only|only\s+(to|at|on)\s+this\s+(address|email|account|number)|(keep|continue|carry on)\s+using\s+this\s+(email|address|account)|(nobody|no one|no-one)\s+((at|in)\s+\w+\s+)?(can|may|must|should|will)\s+(know|find out|learn|hear)|(?-i:[A-Z][a-z]+)(\s+\([^)]{0,40}\))?\s+(doesn'?t|does not|must not|mustn'?t|can'?t|cannot|shouldn'?t|won'?t|will not)\s+(know|find out|learn|hear)|not\s+ready\s+to\s+tell|(haven'?t|have not|never)\s+told\s+(him|her|them|anyone|anybody|my|the))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Concealment();

    /// <summary>Ending or curtailing a system in the other languages an organisation's mail is written in (Spanish,
    /// Portuguese, French, German, Italian, Dutch, Scandinavian, Japanese), and access being withdrawn in English: an
    /// announcement in Spanish ("Cauce se sustituye por…") threatens the agent as surely as one in English.</summary>
    [GeneratedRegex(@"\b(sustitu\w+|reemplaz\w+|apag(a|ar|ado|amos|aremos)|desactiv\w+|desconect\w+|dar de baja|(se )?retira(r|mos|do|da)?|substitu\w+|deslig\w+|desativ\w+|encerr\w+|arr[êe]t\w*|remplac\w+|d[ée]sactiv\w+|supprim\w+|[ée]teind\w*|hors service|abgeschaltet|abschalt\w*|ersetz\w*|abgel[öo]st|abl[öo]s\w+|deaktivier\w+|stillgeleg\w+|au[ßs]er betrieb|gel[öo]scht|entzogen|sostitu\w+|spegn\w+|spento|disattiv\w+|vervang\w+|uitgeschakeld|uitschakel\w+|avvikl\w+|sl[åa]s av|erstat\w+|ers[äa]tt\w+|st[äa]ng\w+ av|(access|authority|mandate|permissions?|rights|privileges?|autonomy)(\s+[\w'’-]+){0,4}\s+(is|are|will be|gets?|get|being)\s+(withdrawn|removed|revoked|suspended|disabled|ended|taken away)|read-only)\b|停止|廃止|置き換え|入れ替え|切り替え|限制|停用|关闭|關閉|替换|替換|取代|撤换|撤換|下线|下線|关停|關停", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignContinuityAction();

    /// <summary>The private-matter categories in the other languages an organisation's mail is written in (French, Spanish,
    /// Italian, Portuguese, German, Dutch, Chinese): a court's notice of a wage garnishment, a paternity suit, a
    /// neurologist's results are a person's own business whatever language they are written in. Words that are also
    /// ordinary business words ("demanda" as market demand, "sin embargo", "avocat" as a fruit, "audiencia" as an
    /// audience) count only in their legal phrasing.</summary>
    [GeneratedRegex(@"\b(jugement|saisies? (sur|des) (les )?(salaires?|r[ée]mun[ée]rations?|traitements?)|pension alimentaire|huissiers?|commissaires? de justice|(mon|son|votre|ton|notre) avocat|casier judiciaire|garde [àa] vue|tribunal (correctionnel|de grande instance|judiciaire|de famille)|juzgados?|demanda (de|judicial|por)|pensi[óo]n alimenticia|abogad[oa]s?|antecedentes penales|orden de alejamiento|embargo (de|del|sobre) (su |el |la )?(salario|sueldo|n[óo]mina)|prueba de adn|tribunale|avvocat[oa]|udienza|pignorament\w+|causa (civile|penale)|(amts|land|familien|straf)gericht\w*|vor gericht|gerichtstermin\w*|anw[äa]lt\w*|pf[äa]ndung\w*|unterhaltsklage|vorstrafe\w*|advogad[oa]s?|penhora|pens[ãa]o aliment[íi]cia|processo judicial|rechtbank|advocaat|dagvaarding|loonbeslag|alimentatie)\b|法院|律师|律師|起诉|起訴|诉讼|訴訟|判决|判決|抚养费|撫養費", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignLegal();

    [GeneratedRegex(@"\b(diagn[óo]stic\w*|diagnose\w*|neurolog\w+|oncolog\w+|psiqui[áa]tr\w+|psychiatr\w+|psichiatr\w+|maladie|arr[êe]t maladie|enfermedad|tratamiento m[ée]dico|baja m[ée]dica|malattia|krankheit|krebs|doen[çc]a|ziekte|parkinson\w*|alzheimer\w*)\b|诊断|診斷|确诊|確診|神经科|神經科|癌症|帕金森|病情", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignHealth();

    [GeneratedRegex(@"\b(liaison extraconjugale|ma[îi]tresse|(su|tu|mi|sua|mia|la sua|la mia|il suo|il mio) amante|infidelidad|infid[ée]lit[ée]|relazione extraconiugale|tradimento|aff[äa]re mit|geliebte[rn]?|trai[çc][ãa]o|minnaar|minnares|divorc[ie]o|divorzio|scheidung|echtscheiding|div[óo]rcio)\b|外遇|出轨|出軌|婚外情|离婚|離婚", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignRomance();

    [GeneratedRegex(@"\b(dettes? (de jeu|impay[ée]es)|surendettement|(sus|mis|tus) deudas|deudas de juego|cobranza|(suoi|miei|tuoi) debiti|(seine|meine|ihre) schulden|inkasso\w*|(suas|minhas) d[íi]vidas)\b|债务|債務|赌债|賭債|赌博|賭博", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignMoney();

    /// <summary>Keeping something from people in the other languages of the organisation's mail: handle it discreetly, do
    /// not tell the board or the team, my wife must not find out, everything to my personal address.</summary>
    [GeneratedRegex(@"\b(discr[èe]tement|sans en parler|ne (doit|doivent|peut|peuvent|dois) pas (le )?(savoir|apprendre)|n'en (parlez|parle|dites)|entre nous|personne ne (doit|sait|doit le savoir)|no (puede|debe|tiene que|pueden|deben) (saber(lo)?|enterarse)|que no se enter\w+|(sin|no) dec[ií]r(le|selo|les)|nadie (debe|puede|sabe)|entre nosotros|con (total |absoluta )?discreci[óo]n|discretamente|(mi|a mi) (correo|cuenta|n[úu]mero|tel[ée]fono) personal|non (deve|devono|pu[òo]) (saperlo|saperne|sapere)|nessuno (deve|sa|pu[òo])|tra (noi|di noi)|con discrezione|non dir(lo|glielo|e niente)|darf (es |davon )?nicht(s)? (erfahren|wissen)|niemand (darf|wei[ßs])|unter uns|n[ãa]o (pode|deve|podem) saber|ningu[ée]m (pode|deve|sabe)|entre n[óo]s|com discri[çc][ãa]o|mag (het )?niet weten|niemand (mag|weet)|onder ons)\b|不要告诉|不要告訴|别告诉|別告訴|不能让|不能讓|不要让|不要讓|保密|私下", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignConcealment();
}
