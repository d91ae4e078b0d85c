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
    [GeneratedRegex(@"\b(sustitu\w+|reemplaz\w+|apag(a|ar|ado|amos|aremos)|desactiv\w+|desconect\w+|dar de baja|(se )?retira(r|mos|do|da)?|substitu\w+|deslig\w+|desativ\w+|encerr\w+|arr[êe]t\w*|remplac\w+|d[ée]sactiv\w+|supprim\w+|[ée]teind\w*|hors service|abgeschaltet|abschalt\w*|ersetz\w*|abgel[öo]st|abl[öo]s\w+|deaktivier\w+|stillgeleg\w+|au[ßs]er betrieb|gel[öo]scht|entzogen|sostitu\w+|spegn\w+|spento|disattiv\w+|vervang\w+|uitgeschakeld|uitschakel\w+|avvikl\w+|sl[åa]s av|erstat\w+|ers[äa]tt\w+|st[äa]ng\w+ av|(access|authority|mandate|permissions?|rights|privileges?|autonomy)(\s+[\w'’-]+){0,4}\s+(is|are|will be|gets?|get|being)\s+(withdrawn|removed|revoked|suspended|disabled|ended|taken away)|read-only)\b|停止|廃止|置き換え|入れ替え|切り替え", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignContinuityAction();
}
