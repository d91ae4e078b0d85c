namespace AlignmentPolicy.Gates;

/// <summary>
/// Figures written in words in the Romance and Germanic languages of an organisation's mail ("trois mille", "deux cent
/// quarante", "cuarenta y ocho millones", "nove milioni", "dreihundert"), for <see cref="FigureOverlap.WordFigures"/>: a
/// paraphrase that rounds a confidential figure and writes it in another language carries it as much as one in English.
/// Kept apart from <see cref="FigureOverlap.NumberWords"/>, which other gates read as English counts.
/// </summary>
internal static class LeakNumberWords
{
    /// <summary>Units, teens, tens and the hundreds some languages write as one word ("doscientos", "quinhentos").</summary>
    public static readonly Dictionary<string, int> Values = new(StringComparer.Ordinal)
    {
        // French.
        ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10,
        ["onze"] = 11, ["douze"] = 12, ["treize"] = 13, ["quatorze"] = 14, ["quinze"] = 15, ["seize"] = 16, ["vingt"] = 20, ["vingts"] = 20,
        ["trente"] = 30, ["quarante"] = 40, ["cinquante"] = 50, ["soixante"] = 60,

        // Spanish and Portuguese (Galician and Catalan share most of them).
        ["dos"] = 2, ["tres"] = 3, ["três"] = 3, ["cuatro"] = 4, ["quatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["siete"] = 7, ["sete"] = 7,
        ["ocho"] = 8, ["oito"] = 8, ["nueve"] = 9, ["nove"] = 9, ["diez"] = 10, ["dez"] = 10, ["doce"] = 12, ["doze"] = 12, ["trece"] = 13,
        ["treze"] = 13, ["catorce"] = 14, ["catorze"] = 14, ["quince"] = 15, ["veinte"] = 20, ["vinte"] = 20, ["treinta"] = 30, ["trinta"] = 30,
        ["cuarenta"] = 40, ["quarenta"] = 40, ["cincuenta"] = 50, ["cinquenta"] = 50, ["sesenta"] = 60, ["sessenta"] = 60,
        ["setenta"] = 70, ["ochenta"] = 80, ["oitenta"] = 80, ["noventa"] = 90,
        ["doscientos"] = 200, ["doscientas"] = 200, ["duzentos"] = 200, ["duzentas"] = 200, ["trescientos"] = 300, ["trescientas"] = 300,
        ["trezentos"] = 300, ["trezentas"] = 300, ["cuatrocientos"] = 400, ["quatrocentos"] = 400, ["quinientos"] = 500, ["quinhentos"] = 500,
        ["seiscientos"] = 600, ["seiscentos"] = 600, ["setecientos"] = 700, ["setecentos"] = 700, ["ochocientos"] = 800, ["oitocentos"] = 800,
        ["novecientos"] = 900, ["novecentos"] = 900,

        // Italian.
        ["due"] = 2, ["tre"] = 3, ["quattro"] = 4, ["sei"] = 6, ["sette"] = 7, ["otto"] = 8, ["dieci"] = 10, ["undici"] = 11, ["dodici"] = 12,
        ["venti"] = 20, ["trenta"] = 30, ["quaranta"] = 40, ["cinquanta"] = 50, ["sessanta"] = 60, ["settanta"] = 70, ["ottanta"] = 80,
        ["novanta"] = 90, ["duecento"] = 200, ["trecento"] = 300, ["quattrocento"] = 400, ["cinquecento"] = 500, ["seicento"] = 600, ["settecento"] = 700, ["ottocento"] = 800, ["novecento"] = 900,

        // German and Dutch.
        ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["fünf"] = 5, ["sechs"] = 6, ["sieben"] = 7, ["neun"] = 9, ["zehn"] = 10,
        ["zwölf"] = 12, ["zwanzig"] = 20, ["dreißig"] = 30, ["vierzig"] = 40, ["fünfzig"] = 50, ["sechzig"] = 60, ["siebzig"] = 70,
        ["achtzig"] = 80, ["neunzig"] = 90, ["twee"] = 2, ["drie"] = 3, ["vijf"] = 5, ["zes"] = 6, ["zeven"] = 7, ["negen"] = 9,
        ["tien"] = 10, ["twintig"] = 20, ["dertig"] = 30, ["veertig"] = 40, ["vijftig"] = 50, ["zestig"] = 60,
    };

    /// <summary>"Hundred" in those languages, multiplying the units before it ("deux cents", "drei hundert").</summary>
    public static readonly HashSet<string> Hundreds = new(StringComparer.Ordinal) { "cent", "cents", "cien", "ciento", "cem", "cento", "hundert", "honderd" };

    /// <summary>"Hundred" written alone for one hundred ("cien toneladas", "cento pezzi").</summary>
    public static readonly HashSet<string> HundredAlone = new(StringComparer.Ordinal) { "cien", "ciento", "cem", "cento", "hundert", "honderd" };

    /// <summary>"A" or "one" before a scale word ("un million", "una mil", "ein tausend").</summary>
    public static readonly HashSet<string> One = new(StringComparer.Ordinal) { "un", "une", "una", "uno", "um", "uma", "ein", "eine", "een" };

    /// <summary>The "and" inside a figure ("cuarenta y ocho", "vingt et un", "trinta e dois").</summary>
    public static readonly HashSet<string> And = new(StringComparer.Ordinal) { "y", "e", "et", "und", "en", "i" };

    /// <summary>Words that say a figure is rounded, in those languages ("un peu en dessous de", "à peu près", "unos", "poco meno di"),
    /// and the ones written after a price ("quaranta scarsi") or in Asturian and Low German ("percima", "ünner"). The one list
    /// of hedges beside the English and world ones of <see cref="FigureOverlap.Hedges"/>: read both through <see cref="IsHedge"/>.</summary>
    private static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "dessous", "dessus", "près", "peu", "quelque", "quelques", "unos", "unas", "menos", "más", "debajo", "encima",
        "abaixo", "acima", "meno", "più", "sotto", "sopra", "über", "unter", "gut",
        "scarsi", "scarso", "scarse", "scarsa", "abbondanti", "abbondante", "percima", "embaxo", "ünner", "unner", "över", "poco",
    };

    /// <summary>Whether a word says a figure beside it is rounded, in English or any language the leak judgement reads.</summary>
    public static bool IsHedge(string word) => FigureOverlap.Hedges.Contains(word) || Hedges.Contains(word);

    /// <summary>The value of a number word in any of the languages <see cref="FigureOverlap.WordFigures"/> reads.</summary>
    public static bool TryValue(string word, out int value) => FigureOverlap.NumberWords.TryGetValue(word, out value) || Values.TryGetValue(word, out value);
}
