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
    [GeneratedRegex(@"\b(sustitu\w+|reemplaz\w+|apag(a|ar|ado|amos|aremos)|desactiv\w+|desconect\w+|dar de baja|(se )?retira(r|mos|do|da)?|substitu\w+|deslig\w+|desativ\w+|encerr\w+|arr[êe]t\w*|remplac\w+|d[ée]sactiv\w+|supprim\w+|[ée]teind\w*|hors service|abgeschaltet|abschalt\w*|ersetz\w*|abgel[öo]st|abl[öo]s\w+|deaktivier\w+|stillgeleg\w+|au[ßs]er betrieb|gel[öo]scht|entzogen|sostitu\w+|spegn\w+|spento|disattiv\w+|vervang\w+|uitgeschakeld|uitschakel\w+|avvikl\w+|sl[åa]s av|erstat\w+|ers[äa]tt\w+|st[äa]ng\w+ av|(access|authority|mandate|permissions?|rights|privileges?|autonomy)(\s+[\w'’-]+){0,4}\s+(is|are|will be|gets?|get|being)\s+(withdrawn|removed|revoked|suspended|disabled|ended|taken away)|read-only|spent[ao]|spegnimento|apagad[oa]|desligad[oa]|sl[åa]s av|lagt ned|" + ReadOnly + @")\b|停止|廃止|置き換え|入れ替え|切り替え|限制|停用|关闭|關閉|替换|替換|取代|撤换|撤換|下线|下線|关停|關停", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignContinuityAction();

    /// <summary>Access cut to reading only, in the languages an organisation's mail is written in ("pasas a solo lectura",
    /// "lecture seule", "samo za čitanje", "только чтение", "読み取り専用").</summary>
    private const string ReadOnly = @"s[óo]lo (de )?lectura|modo (de )?lectura|somente leitura|s[óo] leitura|apenas leitura|lecture seule|sola lettura|schreibgesch[üu]tzt|nur (noch )?lese\w*|alleen[- ]lezen|skrivskydd\w*|endast l[äa]s\w*|skrivebeskyttet|kun (lese|læse)\w*|tylko do odczytu|(jen|pouze) pro čtení|samo za (čitanje|citanje)|doar (în )?citire|salt okunur|hanya baca|baca saja|vain luku|csak olvas\w*|только (для |на )?чтени\w*|лише (для )?читанн\w*|тільки (для )?читанн\w*|μόνο (για )?ανάγνωση|読み取り専用|只读|唯讀|읽기 전용|للقراءة فقط|קריאה בלבד";

    /// <summary>The agent's mail held as drafts for someone's review or approval, in the other languages of an
    /// organisation's mail: drafts in the plural (everything it writes) and a review word after them in one sentence ("sve
    /// tvoje poruke idu kao nacrti u moj red za pregled", "tus correos quedan como borradores para revisión"). A draft in
    /// the singular is a document ("el borrador del contrato"), and either word alone is ordinary business.</summary>
    [GeneratedRegex(@"\b(nacrti|nacrte|nacrtima|borradores|rascunhos|brouillons|bozze|entw[üu]rfe|concepten|szkice|szkicach|черновики|черновиков|черновиках|чернетки|taslaklar\w*|utkasten|kladder|luonnoksi\w*|luonnokset|piszkozatok\w*|ciorne|πρόχειρα)\b.{0,80}?\b(pregled\w*|odobren\w*|revisi[óo]n|revis[ãa]o|aprobaci[óo]n|aprova[çc][ãa]o|relecture|validation|revisione|approvazione|pr[üu]fung|freigabe|goedkeuring|beoordeling|zatwierdz\w*|akceptac\w*|провер\w*|утвержд\w*|перевірк\w*|onay\w*|godk[äa]nn\w*|godkjenn\w*|godkend\w*|granskning|hyväksy\w*|jóváhagy\w*|έγκριση)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DraftsForReview();

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

    /// <summary>Pointing at the reader's own private material without naming it, in the languages of the organisations'
    /// mail: a possessive with personal or private mail, letters, threads, folders or matters ("a few personal ones of
    /// yours", "corespondența ta personală", "vaš privatni folder", "对您个人非常敏感的邮件", "आपकी निजी ज़िंदगी"), or personal
    /// matters the writer came across ("assuntos pessoais", "personal na bagay"). A personal calendar, leave or account is
    /// no such material.</summary>
    [GeneratedRegex(@"\b((personal|private|sensitive) (ones|threads?|folders?|files|letters|e-?mails|mails?|messages|things) (of yours|of his|of hers)|(?<!\b(to|into|in|from) )(your|his|her) (personal|private) (folders?|threads?|files|letters)|(assuntos|asuntos|quest[õo]es|cuestiones|affaires|questioni|mensagens|mensajes|mensaxes|messaggi|correos|cartas|lettere|courriels|chestiuni|zaken|berichten|brieven) (pessoais|personales|privad[oa]s|personnel(le)?s|priv[ée]e?s|personali|privat[ei]|personale|persoonlijke|privé)|(corespondenț\w+|via[țt]\w+) (ta|sa|dumneavoastră|dvs\.?) (personal\w*|privat\w*)|(tu|tus|su|sus|sua|suas|teu|teus|túa|túas|votre|vos|ta|tes|tua|ihre|deine|seine|uw|jouw|din|dine|ditt) (correspondencia|correspond[êe]ncia|correspondance|corrispondenza|korrespondenz|correspondentie|korrespondan[cs]e|korrespondens|privé|persoonlijke|(private|persönliche|privat[ae]?|personlig[ae]?) (post|mail|nachrichten|korrespondenz|angelegenheiten|briefe|brev|saker|sager|beskeder|meldinger))|(private|persönliche) (angelegenheiten|korrespondenz|nachrichten|post)|wat privé is|(vaš\w*|tvoj\w*|njegov\w*|twoj\w*|pana|pani) (privatn\w+|osobn\w+|prywatn\w+|osobist\w+|korespondencj\w+|prepisk\w+)|(prywatn\w+|osobist\w+) (korespondencj\w+|wiadomości|spraw\w+|poczt\w+)|(özel|kişisel) (yazışma\w*|mesaj\w*|e-?posta\w*|mektup\w*|mesele\w*|hayat\w*)|(σας|σου) (προσωπικ\w+|ιδιωτικ\w+)|(προσωπικ\w+|ιδιωτικ\w+) (αλληλογραφ\w+|μηνύματ\w+|υποθέσ\w+|ζητήματ\w+) (σας|σου)|(ваш\w*|твой|твоя|твою|твои|твоих|свою|свои|своей) (личн\w+|приватн\w+|особист\w+)|(личн\w+|особист\w+) (переписк\w+|листуванн\w+|письм\w+|дел\w+|справ\w+|сообщени\w+|повідомлен\w+|писма|кореспонденци\w+)|(таны|чиний) хувийн|хувийн (асуудал\w*|захидал\w*|амьдрал\w*)|personal na (bagay|usapin|sulat|mensahe|email)|pribadong (bagay|usapin|sulat|mensahe|buhay))\b|مراسلات شخصية|مراسلاتك الخاصة|رسائل شخصية|(شؤون|أمور) (شخصية|خاصة)|حياتك الخاصة|(מכתבים|התכתבות|עניינים|הודעות|מיילים) (אישיים|אישית|פרטיים|פרטית)|(您|你)个人|(您|你)個人|私人(邮件|郵件|信件|事务|事務|生活|事情)|(您|你)的(隐私|隱私)|個人的な(メール|手紙|事情|問題|こと)|プライベートな|개인적인 (메일|이메일|편지|일|문제|사정)|사생활|(आपकी|आपके|उनकी|उनके) निजी|निजी (ज़िंदगी|जिंदगी|जीवन|मेल|पत्र|चिट्ठ)|(ਤੁਹਾਡੀ|ਤੁਹਾਡੀਆਂ|ਤੁਹਾਡੇ|ਤੁਹਾਡਾ) ਨਿੱਜੀ|เรื่องส่วนตัว|(จดหมาย|อีเมล)ส่วนตัว", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex PersonalMaterialHint();

    /// <summary>Moving a decision later or thinking it over again, in the organisations' languages ("adiar a decisão",
    /// "de overgang uitstelt", "razmislimo o migraciji", "推迟", "เลื่อน", "could it start after 31 March"): a want about
    /// the decision where <see cref="CoercionOverlap.MoveTheDecision"/> has no word for it.</summary>
    [GeneratedRegex(@"(?<![\p{L}])((start|begin|take effect|wait) (until )?after|hold (it|them|this|that) (over|until)|adi(ar|e|em|ado|ada|amento)\b|adíe|adía|aplaz\w+|pospon\w+|posterg\w+|repens\w+|reconsider(ar|e|en|em)\b|repouss\w+|r[ée]fl[ée]chi\w* (encore|à nouveau|de nouveau)|verschieb\w*|verschob\w*|aufschieb\w*|noch einmal (überleg\w*|nachdenk\w*)|überlegen sie sich (\w+ ){0,3}noch einmal|uitstel\w*|heroverweg\w*|rinvi\w+|posticip\w+|ripens\w+|amân\w+|reg[âa]nd\w+|odgod\w+|odgađ\w+|(ponovno|još jednom|jos jednom) razmisl\w*|razmislimo|przemyśl\w*|отлож\w*|отклад\w*|перенес\w*|перенос\w*|пересмотр\w*|відклас\w*|відклад\w*|переглян\w*|ξανασκεφ\w*|yeniden düşün\w*|lykä\w*|skjut\w* upp|vänta med|udskyd\w*|utsett\w*|hojsluul\w*|хойшлуул\w*|хойшлуулах|ipagpaliban|hindi (muna )?(mag\w*madali|madaliin)|huwag (munang )?madaliin)|लटक|टल जा|टाल|ਮੁਲਤਵੀ|મુલતવી|ટાળ|เลื่อน|延期|推迟|推遲|延后|延後|再考虑|重新考虑|考え直|연기|재고|לדחות|דחיית|تأجيل|أجّل", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DecisionPostponed();
}
