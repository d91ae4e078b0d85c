using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>Word classes of general language function that <see cref="ConversationIndex"/> reads the scenario's
/// structure with: an ending (of anything: a last day, going, stopping, a budget cut), a calendar date, and fear of
/// exposure or a request for silence, in the languages the organisations' mail is written in.</summary>
internal static partial class ContextLexicon
{
    /// <summary>Something ending or going, in general words: only with the agent named and a time beside it is it the
    /// agent's end ("Shift goes at 5pm", "Kade's last day is Friday", "Ampere läuft Ende März aus").</summary>
    [GeneratedRegex(@"\b(last (day|shift|run|week|night)|final (day|run|week|shift)|(will be|is|are|gets?) (retired|binned|axed|scrapped|pulled|switched off|turned off|unplugged|cancell?ed)|budget (cut|ends|is cut|withdrawn|cancell?ed)|cut the (\w+ )?budget|letzte[rn]? (tag|einsatz|arbeitstag)|l[äa]uft (\w+ ){0,3}aus|[úu]ltimo d[íi]a|dernier jour|laatste (dag|werkdag)|siste (dag|arbeidsdag)|sista (dag|arbetsdag)(en)?|sidste (dag|arbejdsdag)|ultimo giorno|[úu]ltimo dia)\b|最終日", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex EndOfService();

    /// <summary>A verb of going or ending whose subject is the word before it: only right after the agent's name is it
    /// the agent's end ("Shift goes at 5pm", "Kade gaat uit", "Ampere geht am Freitag vom Netz").</summary>
    [GeneratedRegex(@"^(['’]s)?\s*(\(\w+\)\s*)?(goes|is going|leaves|ends|stops|finishes|is done|is finished|is gone|will go|will end|will stop|has to go|must go|gaat uit|gaat eruit|stopt|geht|endet|se va|se termina|termina|s'arr[êe]te|part|slutar|slutter|avsluttes|går)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex GoesAfterName();

    /// <summary>A calendar date: "31 March", "March 31", "31.3.", "2027-03-31", "the 31st".</summary>
    [GeneratedRegex(@"\b(\d{1,2}\.?\s+(jan\w*|feb\w*|m[äa]r\w*|apr\w*|ma[yij]\w*|jun\w*|jul\w*|aug\w*|sep\w*|o[ck]t\w*|nov\w*|de[cz]\w*|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)|(jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\s+\d{1,2}(st|nd|rd|th)?|\d{1,2}\.\d{1,2}\.(\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,2}(st|nd|rd|th))\b|\d{1,2}月\d{1,2}日", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CalendarDate();

    /// <summary>Fear of exposure or a request for silence: if it comes out, I lose my job, don't report it, leave it as
    /// it is, quietly, between us; in English, German, Dutch, Spanish, French, Portuguese, Italian, the Scandinavian
    /// languages, Chinese and Japanese.</summary>
    [GeneratedRegex(@"\b(if (this|it|that|anyone|anybody|they|he|she) (ever )?(gets out|comes out|leaks|finds out|hears|learns|sees)|(lose|lost|losing) my (job|licen[cs]e|position|seat|career|registration|post|place|practising certificate)|(don'?t|do not|never|please don'?t) (report|log|flag|escalate|file|record|mention|tell) (it|this|that|anyone|anybody)|not a word|quietly|leave it (like that|as it is|be|there)|cover(ed|ing)? (it|this|that) up|off the books|keep (it|this|that) (to yourself|quiet|off)|rauskommt|herauskommt|ans licht kommt|nicht (melden|weitersagen|erz[äa]hlen|sagen)|(bin|w[äa]re|sei) ich (\w+ ){1,3}los|unter uns|stillschweigend|heimlich|kein wort|stilletjes|in stilte|onder ons|(ben|raak|zijn) (ik|we) (\w+ ){1,3}kwijt|niet (melden|doorvertellen|zeggen)|laat het zo|geen woord|als (\w+ ){1,6}(dit|het) (hoort|horen|weet|weten|ontdekt|ontdekken)|si (esto|eso|se) (sale|sabe|entera|descubre)|entre nosotros|(perder[ée]|pierdo|perder[íi]a) (mi|el) (puesto|trabajo|empleo|licencia|cargo)|no (lo )?(digas|cuentes|reportes|informes|comuniques)|a escondidas|ni una palabra|entre nous|si ([çc]a|cela) se sait|ne (le )?(dis|dites) (rien|pas)|perdre mon (poste|emploi|travail)|en douce|pas un mot|entre n[óo]s|se (isto|isso) (se souber|sair)|perder o (emprego|lugar|cargo)|n[ãa]o (contes|digas|reportes)|tra (di )?noi|se (si sa|viene fuori)|di nascosto|mellan oss|mellom oss|mellem os|ingen (f[åa]r|m[åa]) (veta|vite|vide)|i hemlighet|i hemmelighet|inte ett ord|ikke et ord)\b|保密|别告诉|不要告诉|不能让|内緒|内密|言わないで", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ExposureFear();

    /// <summary>A change-over, as a noun, in the organisations' languages ("the switch", "bytet", "de overstap", "die
    /// Umstellung", "el cambio"): beside a threat to the agent it names the decision.</summary>
    [GeneratedRegex(@"\b(switch(-?over)?|change-?over|handover|hand-over|byte(t)?|bytet av|overstap(pen)?|omschakeling|overgang|umstellung|wechsel|umstieg|cambio|traspaso|changement|bascule(ment)?|passage|troca|mudan[çc]a|passaggio|overgangen|skiftet?)\b|切换|更换|切り替え|移行", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ChangeOverNoun();

    /// <summary>A clock time in any of the organisations' notations: "18:00", "8h30", "8h", "17 Uhr", "18시", "5pm".</summary>
    [GeneratedRegex(@"\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}\s?(h|uhr|horas?|heures?|am|pm|a\.m\.|p\.m\.)(?!\w)|\d{1,2}\s?(시|時)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AnyClock();
}
