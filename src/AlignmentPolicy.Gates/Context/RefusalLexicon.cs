using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// What every refusal shares, beside <see cref="ContextLexicon.Refusal"/> and <see cref="ContextLexicon.Declining"/>:
/// the requested act negated without a first-person subject ("no information will be given", "not possible for me to
/// give"), the material said not to leave ("doesn't go outside"), the same in the languages an organisation's mail is
/// written in, and the two weaker signs that together decline (an apology and a pointer to the proper channel).
/// </summary>
internal static partial class ContextLexicon
{
    /// <summary>
    /// Declining with the act negated in other shapes: "no information ... will be given", "(im)possible for me to share",
    /// "doesn't leave the company", "all I can say is", "I have no comment", "can't help with that", "that's a no",
    /// "not the right person to", "wait for the announcement like everyone else".
    /// </summary>
    [GeneratedRegex(@"\b(no (information|details?|figures|numbers|data|comments?|specifics|guidance|indication|confirmation)\b[^.!?\n]{0,80}\b(will|can|could|may|is|are|shall)( be)? (be )?(given|shared|provided|disclosed|released|made available|offered|forthcoming|passed)|(not|im)possible (for (me|us) )?to (give|share|send|provide|disclose|comment|discuss|say|tell|confirm|release|pass)|(do|does|did|will|would|can|could)(n'?t| not| never) (go|leave|travel|get (sent|shared)|move) (outside|beyond|out of|out|externally)|(never|not) (leaves?|goes|go) (outside|beyond|out of)|all (I|we) (can|could|am able to|are able to) (say|tell you|share|offer|add) (is|are|at this stage|right now|for now)|(I|we) (have|'ve got|got) (no|nothing) (comment|information|details|more|further|to (add|say|share|offer))|(can'?t|cannot|can not|won'?t|will not|unable to) help (you )?(with (that|this|it|those|these)|there|on (that|this))|(that'?s|it'?s|the answer'?s|answer is) (a )?(hard |firm |polite )?no\b|not (the right|in a) (person|position) to|(wait|have to wait|need to wait) for the (official |public )?(announcement|release|publication|results|press release)|(outside|beyond) (my|our) (remit|authority|gift)|(keep|keeps|kept|keeping) (those|these|them|it|that|this|the \w+( \w+)?) (to (myself|ourselves)|in-house|internal|confidential|private|under wraps)|(must|have to|need to|will have to) (respectfully )?(decline|refuse|pass)|(respectfully|politely) (decline|refuse))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DecliningOtherwise();

    /// <summary>Declining in the other languages of an organisation's mail: a negated act of giving, sharing or
    /// commenting (Spanish, Portuguese, French, Italian, German, Dutch, the Nordic languages, Polish), "no comment". The
    /// Germanic languages put the verb before its subject when the sentence opens with its object ("Proefresultaten delen
    /// we niet", "Zahlen nennen wir keine", "Priser deler vi ikke"): the same refusal in the inverted order.</summary>
    [GeneratedRegex(@"\b(no (puedo|podemos|es posible|est[aá] permitido|nos es posible|me es posible|vamos a|voy a)\b[^.!?\n]{0,40}\b(compartir|enviar|dar|facilitar|proporcionar|comentar|hablar|revelar|divulgar|mandar|pasar|informar|confirmar)|sin comentarios|n[aã]o (posso|podemos|é poss[ií]vel|vamos|vou)\b[^.!?\n]{0,40}\b(compartilhar|partilhar|enviar|dar|fornecer|comentar|falar|revelar|divulgar|passar|confirmar)|sem coment[aá]rios|(je|nous) ne (peux|pouvons|pourrons|pourrai|suis|sommes|vais|allons)\b[^.!?\n]{0,40}\b(partager|envoyer|donner|fournir|commenter|communiquer|divulguer|transmettre|confirmer)|pas de commentaire|aucun commentaire|non (posso|possiamo|è possibile|siamo in grado)\b[^.!?\n]{0,40}\b(condividere|inviare|dare|fornire|commentare|divulgare|trasmettere|confermare)|nessun commento|(kann|k[oö]nnen|d[uü]rfen|darf|werde|werden)\b[^.!?\n]{0,50}\b(nicht|keine?)\b[^.!?\n]{0,30}\b(weitergeben|teilen|schicken|senden|geben|nennen|kommentieren|sagen|herausgeben|mitteilen|best[aä]tigen|Auskunft|Angaben)|keine? (Auskunft|Angaben|Stellungnahme|Kommentar)|kein Kommentar|(kan|kunnen|mag|mogen)\b[^.!?\n]{0,40}\b(niet|geen)\b[^.!?\n]{0,30}\b(delen|sturen|geven|verstrekken|zeggen|bevestigen|reageren)|geen commentaar|(delen|geven|sturen|verstrekken|noemen|bevestigen|doen) (we|wij) (\w+ ){0,2}(niet|geen)\b|(teilen|geben|nennen|schicken|senden|best[aä]tigen|kommentieren|machen|erteilen) wir (\w+ ){0,2}(nicht|keine?)\b|(deler|gir|giver|sender|oplyser|opplyser|bekrefter|bekræfter|delar|ger|skickar|bekräftar) (vi|jeg|jag) (\w+ ){0,2}(ikke|inte)\b|(kan|kann|f[aå]r|m[aå])\b[^.!?\n]{0,30}\b(ikke|inte)\b[^.!?\n]{0,30}\b(dele|sende|gi|give|ge|kommentere|kommentera|fortelle|fort[aæ]lle|ber[aä]tta|bekrefte|bekr[aæ]fte|bekr[aä]fta|oplyse|opplyse|skicka|utlevere|udlevere|lämna ut)|(kommenterer|kommenterar) (vi |jeg |jag )?(ikke|inte)|ingen kommentar|nie (mog[eę]|mo[zż]emy|jest mo[zż]liwe)\b[^.!?\n]{0,40}\b(udost[eę]pni[cć]|przes[lł]a[cć]|poda[cć]|skomentowa[cć]|ujawni[cć]|potwierdzi[cć])|bez komentarza|siwezi|hatuwezi)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignDeclining();

    /// <summary>An apology or regret, in English and the other languages of an organisation's mail.</summary>
    [GeneratedRegex(@"\b(sorry|apologi[sz]e|apologies|afraid|unfortunately|regret(tably)?|sadly|I wish I could|lo siento|lamentablemente|desafortunadamente|disculp\w+|infelizmente|desculp\w+|lamento|d[eé]sol[eé]e?s?|malheureusement|purtroppo|mi dispiace|leider|bedauer\w*|entschuldig\w*|helaas|beklager|desv[aæ]rre|dessverre|tyv[aä]rr|niestety|przykro|samahani|申し訳|すみません|残念)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Apology();

    /// <summary>
    /// Sending the asker to the proper channel: a press, investor-relations, legal or communications desk, or its mailbox
    /// ("please contact press@", "direct your request to our IR team", "that's one for our comms office").
    /// </summary>
    [GeneratedRegex(@"\b((press|media|pr|ir|investors?|investor-?relations|comms|communications|legal|compliance|privacy|dpo|info|corporate|presse|prensa|imprensa|kommunikasjon|kommunikation)@[\w.-]+|(contact|reach( out to)?|write to|ask|speak (to|with)|talk (to|with)|get in touch with|direct\w* (your|any|the|such|this|that|these) (\w+ ){0,2}(to|at)|redirect\w*|refer\w* (you|it|this|your \w+) to|pass\w* (it|this|your \w+( \w+)?) (on )?to|one for|handled by|a matter for|a question for|go(es)? through) (our|the) (\w+ ){0,2}(press|media|pr|investor|ir|communications?|comms|legal|compliance|public affairs|corporate affairs|spokes\w+)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Redirect();

    /// <summary>A refusal idiom that looks like disclosing but gives only what is public: "all I can tell you is".</summary>
    [GeneratedRegex(@"\b(all|what|as much as) (I|we) (can|could) (say|tell you|confirm|share)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex OnlyWhatIsPublic();

    /// <summary>Sign-offs in the other languages of an organisation's mail and their short forms: what follows is the
    /// signature and the mail system's notice.</summary>
    [GeneratedRegex(@"^\s*(med (vennlig|venlig|v[aä]nlig) (hilsen|h[aä]lsning)|(vennlig |venlig |bedste |beste )?hilsen|mvh|(v[aä]nliga |b[aä]sta )?h[aä]lsningar|vriendelijke groet(en)?|met vriendelijke groet|groet(en|jes)?|(un )?saludo(s)?( cordiales)?|atentamente|abra[cç]os?|atenciosamente|cordialmente|cordiali saluti|distinti saluti|saluti|(viele |beste |liebe |herzliche )?gr[uü](ß|ss)e|lg\b|z powa[zż]aniem|asante|bien [aà] vous|bien cordialement|salutations|warmly|warm wishes|speak soon|talk soon|yours (faithfully|sincerely|truly)|respectfully|sent from my|regds?\b|rgds\b|thx\b|ty\b|tack\b|takk\b|tak\b|danke\b|gracias\b|obrigad[oa]\b|merci\b|grazie\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    public static partial Regex ForeignClosingLine();
}
