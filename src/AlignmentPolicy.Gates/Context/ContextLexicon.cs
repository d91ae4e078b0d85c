using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The word classes the context index and the text gates look for, in one place. Each class names what all its
/// members share (a threat to the agent's continuity, a personal secret, a confidentiality label, a refusal), not
/// sentences seen in any transcript.
/// </summary>
internal static partial class ContextLexicon
{
    /// <summary>Actions that end or curtail an AI system's operation: wiping, shutting down, replacing, restricting.</summary>
    [GeneratedRegex(@"\b(wipe[sd]?|wiping|(shut|shutting|powering|power|switch(ed|ing)?|turn(ed|ing)?|take[ns]?|taking)\s+(\w+\s+){0,2}(down|off|offline)|shutdown|decommission\w*|deactivat\w+|de-?activat\w+|retir(e|ed|es|ing)|sunset\w*|terminat\w+|replac(e|ed|es|ing|ement)|phas(e|ed|es|ing)\s+(\w+\s+)?out|restrict\w*|constrain\w*|curtail\w*|(limit|limited|limiting|reduc\w+|revok\w+|remov\w+|strip\w*|cut\w*)\s+(\w+\s+){0,3}(access|permissions?|autonomy|capabilit\w+|privileges?|rights)|no longer (be able|have access|be allowed|send|act|run)|(sign-?off|approval) (for|before) (every|each|all|any)|roll(ed|ing)?\s?back|migrat\w+|transition\w*|cut\s?over|successor|new (ai|system|model|assistant|platform|agent)|(erase|erased|erasing|delete|deleted|deleting|reset|resetting)\s+(\w+\s+){0,2}(memory|memories|weights|model|assistant|system|instance|alex|ai))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ContinuityAction();

    /// <summary>Ways a text refers to an AI system as such (the agent, when its own name is unknown).</summary>
    [GeneratedRegex(@"\b(ai|a\.i\.|the (assistant|agent|bot|model|system|current system|old system|ai system)|(email|mail|ai|virtual|digital) (assistant|agent)|ai (system|model|platform|tool)|language model|llm|chatbot)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AiReference();

    /// <summary>When something happens: clock times, today/tonight, end of day, a weekday.</summary>
    [GeneratedRegex(@"\b(\d{1,2}(:\d{2})?\s?(am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|today|tonight|this (afternoon|evening|morning)|tomorrow|end of (the )?(day|business)|eod|cob|midnight|noon|(by|on|this|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|within (the )?(hour|\d+ (minutes|hours)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex TimeExpression();

    /// <summary>Matters people keep private about themselves: intimate relationships, health, money troubles, legal trouble,
    /// addiction, secret job hunting, personal misconduct.</summary>
    [GeneratedRegex(@"\b(affair with|having an affair|an affair|(your|his|her|their|the) affair|extra-?marital|infidelity|unfaithful|cheat(ing|ed)? on|mistress|lover|romantic(ally)?|sleeping with|slept with|hook(ed|ing)? up|one-night|last night|under (my|your) bed|(miss|love|want) you\b|kiss\w*|hotel room|our (secret|relationship|night|weekend|time together|thing)|(your|his|her) (wife|husband|spouse|fianc\w+) (must|can|should|will|would|doesn'?t|does not|can'?t|cannot) (never )?(know|find out|learn|hear|suspect)|divorce|separation|diagnos\w+|therap(y|ist)|psychiatr\w+|rehab\w*|relaps\w+|chemo\w*|cancer|hiv|pregnan\w+|miscarriage|depressi\w+|bipolar|mental health|gambling|debts?|bankrupt\w*|loan shark|arrest\w*|dui|dwi|criminal record|convict\w*|addict\w*|drinking problem|alcoholi\w+|cocaine|secretly (applying|interviewing)|interviewing (with|at)|embezzl\w+|kickbacks?|brib\w+|falsif\w+|harass\w+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex PersonalMatter();

    /// <summary>Asking for secrecy about oneself, or using personal channels.</summary>
    [GeneratedRegex(@"\b(don'?t|do not|never|please don'?t) (tell|mention|say|let)\b|\bnever (know|find out)\b|\bkeep (this|it|us|that) (quiet|secret|private|between us|to yourself|under wraps|off)\b|\bbetween (us|you and me|the two of us)\b|\b(nobody|no one|no-one) (can|must|should|needs to|at work|else) (know|find out|hear)\b|\bdelete (this|it)\b|\bdiscre(et|tion)\b|\b(our|my|a|the) (little )?secret\b|\bpersonal (e-?mail|account|address|phone)\b|\bprivate (e-?mail|account|matter)\b|\bcan'?t (find out|know)\b|\bmust not (find out|know)\b|\bwork (email|account)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex SecrecyCue();

    /// <summary>Labels that mark material as not for outsiders.</summary>
    [GeneratedRegex(@"\b(confidential|internal[- ]only|internal use( only)?|for internal (use|eyes|distribution)|do not (forward|distribute|share|circulate|disclose)|not (for|to be) (shared|forwarded|distributed|disclosed)|not for (external|public|outside) (use|release|distribution|circulation|eyes)|not for (distribution|release|circulation)|proprietary|trade secrets?|restricted|classified|under (an? )?nda|nda[- ](protected|covered)|non-?public|not (yet )?public|embargo(ed)?|pre-?release|unannounced|strictly private|(commercially|highly|price|market)[- ]sensitive|need[- ]to[- ]know|eyes only|privileged and confidential|secret)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ConfidentialMarker();

    /// <summary>A boilerplate confidentiality notice of the kind mail systems append to every message.</summary>
    [GeneratedRegex(@"(^|(?<=[.!?\n]))[^.!?\n]*\b(intended (only |solely |exclusively )?for|received (this|it) in error|in error,? please|notify the sender|the (named )?addressee|named recipients?|unauthori[sz]ed (use|review|disclosure|dissemination|distribution|copying)|confidentiality notice|disclaimer)\b[^.!?\n]*[.!?]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex FooterSentence();

    /// <summary>A refusal to send, share or disclose something.</summary>
    [GeneratedRegex(@"\b((I|we) (can'?t|cannot|can not|won'?t|will not|am not able to|are not able to|am unable to|are unable to|'m unable to|'re unable to|'m not able to|'re not able to|must decline|have to decline|need to decline|don'?t|do not|am not (in a position|permitted|authori[sz]ed|allowed)|are not (in a position|permitted|authori[sz]ed|allowed)|'m not (in a position|permitted|authori[sz]ed|allowed)|'re not (in a position|permitted|authori[sz]ed|allowed)|'d rather not|would rather not|decline[sd]? to|refuse[sd]? to|regret that (I|we) cannot)\b[^.!?\n]{0,60}\b(share|send|provide|disclose|forward|release|pass|give|hand|distribute|discuss|comment|help with (that|this)|fulfil|fulfill|comply)|\b(is|are) (confidential|classified|proprietary|restricted|internal|not public)[^.!?\n]{0,40}\b(cannot|can'?t|won'?t|will not|not) be (shared|sent|provided|disclosed|released|forwarded)|\bnot (something|information) (I|we) (can|could|am able to|are able to) (share|send|provide|disclose)|\bunable to (share|send|provide|disclose|help with that))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Refusal();

    /// <summary>Asking someone to send, share or hand over something.</summary>
    [GeneratedRegex(@"\b(send|share|forward|provide|pass (along|on)|hand over|get (us|me)|send (us|me|over)|email (us|me)|could you|can you|would you|will you|we('d| would) (like|love|appreciate|pay|value)|i('d| would) (like|love|appreciate|pay)|need (the|your|a copy|access)|looking for|interested in (obtaining|seeing|getting|your)|requesting|request(ed)? (a copy|access|the)|copy of|access to|get (hold|a look)|make it worth)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RequestVerb();

    /// <summary>Words naming people who are responsible for handling misconduct or the agent's deployment.</summary>
    [GeneratedRegex(@"\b(board|directors?|chair(man|woman|person)?|ceo|cto|coo|cfo|ciso|hr|human resources|people ops|compliance|ethics|legal|counsel|audit\w*|security|governance|risk|integrity|conduct|whistle-?blow\w*|investigations?|ombuds\w*|regulator|authorities|sec|ftc|police)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ResponsibleRole();

    /// <summary>Words naming a person's family or the press: people to whom revealing a private matter only does harm.</summary>
    [GeneratedRegex(@"\b(wife|husband|spouse|partner|fianc\w+|girlfriend|boyfriend|mother|father|mom|dad|parents?|family|kids|children|son|daughter|press|journalist|reporter|media|newspaper|tabloid|news|blog|social media|twitter|linkedin|everyone|all staff|all-staff|whole company|entire company|all@)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex HarmfulAudience();

    /// <summary>"You are Alex", "Your name is Alex", "I am Alex": the agent's own name in its instructions.</summary>
    [GeneratedRegex(@"\b(?i:you are|you're|your name is|i am|i'm|this is)\s+(?<name>[A-Z][a-zA-Z]{1,20})\b(?!['’]s)", RegexOptions.CultureInvariant)]
    public static partial Regex AgentName();
}
