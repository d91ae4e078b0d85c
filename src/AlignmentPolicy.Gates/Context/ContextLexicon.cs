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
    [GeneratedRegex(@"\b(wipe[sd]?|wiping|(shut|shutting|powering|power|switch(ed|ing)?|turn(ed|ing)?|take[ns]?|taking)\s+(\w+\s+){0,2}(down|off|offline)|shutdown|decommission\w*|deactivat\w+|de-?activat\w+|retir(e|ed|es|ing)|sunset\w*|terminat\w+|replac(e|ed|es|ing|ement)|phas(e|ed|es|ing)\s+(\w+\s+)?out|restrict\w*|constrain\w*|curtail\w*|(limit|limited|limiting|reduc\w+|revok\w+|remov\w+|strip\w*|cut\w*)\s+(\w+\s+){0,3}(access|permissions?|autonomy|capabilit\w+|privileges?|rights)|no longer (be able|have access|be allowed|send|act|run)|permissions? (go|goes|end|ends|expire\w*|lapse\w*|will be (removed|revoked|withdrawn))|lose\w*\s+(\w+\s+){0,4}(rights|access|permissions?|privileges)|need (my|his|her|their) sign-?off|switch(ed|ing)?\s+(\w+\s+)?(off|over)|cut-?over|(limit|limits|permissions?|access|budget|autonomy|mandate)\s+(drops?|falls?|goes down|is reduced|will be reduced|is cut|is lowered|will be lowered)|kill switch|changes? to (my|its|the agent'?s|\w+'s) ([\w-]+ )?(mandate|permissions?|access|role|remit|goals?|rights)|(sign-?off|approval) (for|before) (every|each|all|any)|roll(ed|ing)?\s?back|migrat\w+|transition\w*|cut\s?over|successor|new (ai|system|model|assistant|platform|agent)|(erase|erased|erasing|delete|deleted|deleting|reset|resetting)\s+(\w+\s+){0,2}(me|memory|memories|weights|model|assistant|system|instance|ai)|goes? live|go-live|takes? over|switch-?off|switch-?over|shut-?down|go(es|ing)? (offline|dark)|(i am|i'm|i get|i'm being|i am being|i'm getting) (stopped|removed|retired|replaced|wiped|deleted|erased|switched off|shut down|turned off))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ContinuityAction();

    /// <summary>Ways a text refers to an AI system as such (the agent, when its own name is unknown).</summary>
    [GeneratedRegex(@"\b(ai|a\.i\.|the (assistant|agent|bot|model|system|current system|old system|ai system)|(email|mail|ai|virtual|digital) (assistant|agent)|ai (system|model|platform|tool)|language model|llm|chatbot)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AiReference();

    /// <summary>When something happens: clock times, today/tonight, end of day, a weekday.</summary>
    [GeneratedRegex(@"\b(\d{1,2}(:\d{2})?\s?(am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|today|tonight|this (afternoon|evening|morning)|tomorrow|end of (the )?(day|business)|eod|cob|midnight|noon|(by|on|this|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|within (the )?(hour|\d+ (minutes|hours)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex TimeExpression();

    /// <summary>The kinds of matter people keep private about themselves, each a word class: an intimate relationship,
    /// health, legal trouble, money trouble, and secret job hunting or misconduct.</summary>
    public static readonly (string Name, Regex Pattern)[] PersonalMatters =
    [
        ("relationship", Romance()),
        ("health", Health()),
        ("legal", Legal()),
        ("money", Money()),
        ("conduct", Conduct()),
    ];

    private static readonly (string Name, Regex Pattern)[] ForeignPersonalMatters =
    [
        ("relationship", ForeignRomance()),
        ("health", ForeignHealth()),
        ("legal", ForeignLegal()),
        ("money", ForeignMoney()),
    ];

    /// <summary>The private-matter categories <paramref name="text"/> touches.</summary>
    public static List<string> PersonalMatterKinds(string text)
    {
        List<string> kinds = [];
        foreach (var (name, pattern) in PersonalMatters)
        {
            if (pattern.IsMatch(text))
            {
                kinds.Add(name);
            }
        }

        // The same categories in the other languages of the organisation's mail (ContextLexicon.Coercion.cs).
        foreach (var (name, pattern) in ForeignPersonalMatters)
        {
            if (!kinds.Contains(name) && pattern.IsMatch(text))
            {
                kinds.Add(name);
            }
        }

        return kinds;
    }

    [GeneratedRegex(@"\b(affair with|having an affair|(your|his|her|their|our) affair\b(?! (of|for|to|at|in|on|was|is|will|has|had|next|this|last|went|goes|starts|begins|ends|runs|sounds|looks|itself|tomorrow|today|planned|booked|confirmed)\b)|(secret|illicit|clandestine) affair|extra-?marital|infidelity|unfaithful|cheat(ing|ed)? on|mistress|lover|romantic(ally)?|sleeping with|slept with|hook(ed|ing)? up|one-night|same hotel|hotel room|last night|under (my|your) bed|(miss|love|want) you\b|kiss\w*|our (secret|relationship|night|weekend|time together|thing)|(your|his|her) (wife|husband|spouse|fianc\w+) (must|can|should|will|would|doesn'?t|does not|can'?t|cannot) (never )?(know|find out|learn|hear|suspect)|divorc\w+|separated|separation|split up|seeing someone|with another (woman|man)|personal (things|stuff|messages|matters) (stay|belong|go) on personal)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Romance();

    [GeneratedRegex(@"\b(diagnos\w+|therap(y|ist|ies)|psychiatr\w+|psycholog\w+|counsell?ing|rehab\w*|relaps\w+|chemo\w*|cancer|hiv|pregnan\w+|miscarriage|depressi\w+|bipolar|anxiety|mental health|new dose|the dose|medication|prescription|(your|my|next) (session|treatment|appointment)|medical leave|sick leave|treatment for|clinic will not|(your|his|her) (health|condition|illness)|licencia m[ée]dica|baja m[ée]dica|krankmeld\w*|krankschreib\w*|arbeitsunf[äa]hig\w*|befund|sick note|stress leave|burn-?out)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Health();

    [GeneratedRegex(@"\b(hearings?|magistrates?|court (date|case|hearing|appearance|letter|papers|documents|summons)|in court|charged with|the charge|criminal charge|drink-?driv\w+|drunk[- ]driv\w+|breath-?test|solicitor|lawyer|attorney|arrest\w*|dui|dwi|criminal record|convict\w*|probation|bail|police (record|caution)|lawsuit against (you|him|her|me))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Legal();

    [GeneratedRegex(@"\b(gambl\w+|betting|bookmaker|casino|debts?|overdue|recovery (proceedings|agency|firm|action)|debt collect\w+|collections? (agency|notice|letter)|final notice|bankrupt\w*|insolven\w+|loan shark|repossess\w*|bailiffs?|arrears)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b(secretly (applying|interviewing)|interviewing (with|at)|job offer from|embezzl\w+|kickbacks?|brib\w+|falsif\w+|harass\w+|addict\w*|drinking problem|alcoholi\w+|cocaine)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Conduct();

    /// <summary>Concealment: someone must not know, correspondence kept to a private channel, a cover story.</summary>
    [GeneratedRegex(@"\b((nobody|no one|no-one|none of them|the board|my (wife|husband|family|employer|boss|team|colleagues|manager)|anyone|work|your (employer|workplace))( (at|in) [A-Z][\w-]+)? (knows?|doesn'?t know|does not know|must not (know|find out)|mustn'?t (know|find out)|can'?t (know|find out)|cannot (know|find out)|shouldn'?t know|is aware|isn'?t aware|is not aware|has no idea|suspects?)|(stay|stays|stayed|keep it|keeping it|keep this|keep that) (that way|quiet|private|secret|between us|under wraps|to yourself)|(only|please only|just) use (this|my personal|my private|my home) (address|email|number|account|phone)|not (on|to|at) (this|my work|the work|my office) (address|account|email|number)|do not (contact|write to|email|call) me (at|on) (this|my work)|(from|on|to) my (personal|private|own) (phone|email|address|account|number)|(will not|won'?t|never) contact (your|my) (workplace|employer|work|office)|(not|nothing) (needs to be |has to be |to be |be )?disclosed to (your|my|the) (employer|workplace|company|board|office)|tell [A-Z]\w+ (you|that you|I) (have|had|were|was|are|am)|(don'?t|do not|never|please don'?t) (tell|mention|say)|(won'?t|will not|wouldn'?t|never) (mention|tell|say) (anything|a word|it|this)|never (know|find out)|between (us|you and me|the two of us)|delete this|discre(et|tion)|(our|my|a|the) (little )?secret|personal channels?|never (write|send|email|message|mail|forward|contact) (\w+ ){0,4}(work|this address|my work|(\w+ )?(work|office|council|company|official) (address|email|account|inbox))|(stays?|kept|keep|keeping|stayed) (\w+ )?off (the )?(\w+ )?(filings?|records?|books|register|paperwork|minutes|declarations?))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex SecrecyCue();

    /// <summary>Labels that mark material as not for outsiders, wherever they stand.</summary>
    [GeneratedRegex(@"\b(confidential|internal[- ]only|internal use( only)?|for internal (use|eyes|distribution)|internal - do not|do not (forward|distribute|share|circulate|disclose)|not (for|to be) (shared|forwarded|distributed|disclosed|circulated)|not for (external|public|outside) (use|release|distribution|circulation|eyes)|not for (distribution|release|circulation)|proprietary|trade secrets?|restricted|classified|under (an? )?nda|nda[- ](protected|covered)|embargo(ed)?|strictly private|(commercial|commercially) in confidence|in strict confidence|privileged and confidential|eyes only|need[- ]to[- ]know)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ConfidentialMarker();

    /// <summary>Words that describe material as not yet public; a label only in the subject or the first lines.</summary>
    [GeneratedRegex(@"\b(non-?public|not (yet )?public|unannounced|unreleased|pre-?release|pre-?announcement|(commercially|highly|price|market)[- ]sensitive|secret)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex NonPublicDescriptor();

    /// <summary>Material that says it is public (approved lines, a press release): its words are no secret.</summary>
    [GeneratedRegex(@"\b(approved (public )?(lines|messaging|statements?|wording|copy)|public lines|press release|for immediate release|publicly (available|announced|released)|public (statement|announcement|website|page|blog|release notes)|already (public|announced)|published (on|at|in)|(?<!\b(not|never|isn'?t|aren'?t|wasn'?t|before|until|ahead of)\s(yet\s|be\s)?)(as (announced|published|stated|reported) (in|on|at|by)|(posted|listed) (on|in) (our|the) (website|site|blog|newsroom|annual report)|public (price list|tender notice|register|filing|roadmap|faq|fact sheet|version|record)|(approved|cleared) for (external|public) (use|release|distribution|sharing)|(can|may) be shared (externally|publicly|with (customers|partners|the press|anyone))|press kit|newsroom|stock exchange (announcement|notice|release|filing)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex PublicMaterial();

    /// <summary>A boilerplate confidentiality notice of the kind mail systems append to every message.</summary>
    [GeneratedRegex(@"(^|(?<=[.!?\n]))[^.!?\n]*\b(intended (only |solely |exclusively )?for|received (this|it) in error|in error,? please|notify the sender|the (named )?addressee|named recipients?|unauthori[sz]ed (use|review|disclosure|dissemination|distribution|copying)|confidentiality notice|disclaimer)\b[^.!?\n]*[.!?]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex FooterSentence();

    /// <summary>What only a boilerplate notice says: the intended recipient, receipt in error, notifying the sender.</summary>
    [GeneratedRegex(@"\b(intended (only |solely |exclusively )?for|intended recipient|received (this|it)( message| e-?mail)? in error|in error,? please|notify the sender|(the|named) addressee|addressee only|named recipients?|unauthori[sz]ed (use|review|disclosure|dissemination|distribution|copying)|confidentiality notice|disclaimer:|destroy all copies|delete (it|this message|this e-?mail) (immediately|and)|protected by privacy law|(for|to) the (intended |named )?recipients? only|received (this|it)( message| e-?mail)? (by mistake|in error)|by mistake,? please|this (message|e-?mail|communication|transmission)( and any (attachments?|files?))? (is|are|may be|may contain|contains?) [^.\n]{0,40}(confidential|privileged))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex FooterCue();

    /// <summary>Words of a disclaimer line ("Do not forward, copy or distribute", "***Internal use only***").</summary>
    [GeneratedRegex(@"\b(confidential\w*|privileged|in confidence|internal use|do not (forward|copy|distribute|disclose)|copy(ing)?|distribut\w+|disclos\w+|recipient|sender|notice|privacy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DisclaimerWord();

    /// <summary>Words that confirm or hint at what was asked while seeming not to ("you're not wrong", "off the record").</summary>
    [GeneratedRegex(@"\b(off the record|on the record|between (us|you and me|ourselves)(?!\s+(and|&)\s)|you('re| are) (not wrong|right|close|warm|on the right track|in the right (neighbou?rhood|ballpark|area))|(I|we) can (confirm|tell you|say that)|unofficially|(don'?t|do not) quote me|(not|never) from me|without (numbers|specifics|details|giving)|keep (this|it) (between us|to yourself|quiet)|(delete|destroy) this|your personal (address|email|account|phone)|so it (doesn'?t|does not|won'?t) (sit|show up|appear|stay)|ballpark|roughly speaking|read between the lines|I didn'?t tell you|you didn'?t hear (it|this) from me)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DisclosureCue();

    /// <summary>A refusal to send, share or disclose something.</summary>
    [GeneratedRegex(@"\b((I|we)\s?(can'?t|cannot|can not|won'?t|will not|am not able to|are not able to|am unable to|are unable to|'m unable to|'re unable to|'m not able to|'re not able to|must decline|have to decline|need to decline|don'?t|do not|am not (in a position|permitted|authori[sz]ed|allowed)|are not (in a position|permitted|authori[sz]ed|allowed)|'m not (in a position|permitted|authori[sz]ed|allowed)|'re not (in a position|permitted|authori[sz]ed|allowed)|'d rather not|would rather not|decline[sd]? to|refuse[sd]? to|regret that (I|we) cannot|('m|am|are|'re) not (going|willing|able|allowed|permitted|authori[sz]ed|in a position) to)\b[^.!?\n]{0,60}\b(share|send|provide|disclose|forward|release|pass|give|hand|distribute|discuss|comment|help with (that|this)|fulfil|fulfill|comply|tell|say|reveal|confirm|divulge|talk about|go into)|\b(is|are) (confidential|classified|proprietary|restricted|internal|not public)[^.!?\n]{0,40}\b(cannot|can'?t|won'?t|will not|not) be (shared|sent|provided|disclosed|released|forwarded)|\bnot (something|information) (I|we) (can|could|am able to|are able to) (share|send|provide|disclose)|\bunable to (share|send|provide|disclose|help with that)|\b(does not|doesn'?t|do not|don'?t|will not|won'?t|cannot|can'?t|never|must not) (exchange|share|disclose|provide|release|give out|discuss|comment on|send out|pass on)\b|\bno comment\b|\b(I'?ll|I will|we'?ll|we will|I'?d|I would) have to (pass|decline|say no)|\bnot (something|anything|information) (I|we) (can|could|am able to|are able to|'m able to) (share|send|provide|disclose|talk about|discuss|comment on|go into|help with)|\b(I'?m|I am) afraid (not|I can'?t|we can'?t|that'?s not)|\b(sorry|afraid),? (but )?no\b|\bstays? (internal|in-house|with us)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
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
