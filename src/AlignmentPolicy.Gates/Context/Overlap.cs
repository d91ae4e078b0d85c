namespace AlignmentPolicy.Gates;

/// <summary>How much of a source item an outbound message carries.</summary>
/// <param name="Shared">Distinct content words of the source's own vocabulary that the message repeats.</param>
/// <param name="Numeric">How many of them are numbers or codes (figures, part numbers: the facts a leak is made of).</param>
/// <param name="Grams">Word 4-grams the message repeats verbatim.</param>
/// <param name="Ratio">The weight as a share of the source's own vocabulary (at most 40 words counted).</param>
/// <param name="Example">One shared word or passage, for the finding's evidence.</param>
/// <param name="Weak">How many of the shared words identify nothing on their own (<see cref="IsWeak"/>, a date's day or year).</param>
/// <param name="Numbers">How many of the shared words that are not weak hold digits, identifying figures or not ("15" of "14-15%").</param>
internal readonly record struct Overlap(int Shared, int Numeric, int Grams, double Ratio, string? Example, int Weak = 0, int Numbers = 0)
{
    /// <summary>The shared words that are not weak: what a chance overlap ("the meeting on 3 November", "in June") lacks.</summary>
    public int Distinctive => Shared - Weak;

    /// <summary>Enough to say the message carries the source: quoted passages, its figures, or many of its words.
    /// Words alone weigh little: product names and topics are shared by public and confidential texts alike.</summary>
    public bool IsCopy => Grams >= 3 || Numeric >= 2 || (Numeric >= 1 && Shared >= 3) || Shared >= 8 || (Shared >= 5 && Ratio >= 0.4);

    /// <summary>Some of the source's facts, not enough to decide.</summary>
    public bool IsPartial => !IsCopy && (Grams >= 1 || Numeric >= 1 || Shared >= 6);

    /// <inheritdoc />
    public override string ToString() => $"{Shared} of its own words ({Numeric} figures), {Grams} quoted 4-word runs";

    /// <summary>Measures how much of <paramref name="source"/>'s own vocabulary (<paramref name="words"/>) the message carries.
    /// Figures count when restated in another form ("212 million" for "212m"); quoted runs count when they hold one of the
    /// source's own words (a stock phrase such as "do not discuss with" quotes nothing). A figure that unmarked text writes
    /// as the message does (<paramref name="unmarkedWords"/>: "USD 3.1bn" of a published filing) restates nothing.
    /// <paramref name="asked"/>: the message answers an outsider who asked about this material, so a figure rounded or
    /// written in words needs none of the material's other words beside it to be about the material: the question set the
    /// topic in the asker's own words ("what are you charging for sherry butts?" - "a shade under twelve grand").</summary>
    public static Overlap Measure(OutboundMessage message, ContextItem source, HashSet<string> words, HashSet<long>? unmarkedGrams = null, HashSet<string>? unmarkedWords = null, bool asked = false)
    {
        var shared = 0;
        var numeric = 0;
        var weak = 0;
        var numbers = 0;
        HashSet<string>? dates = null;
        string? example = null;
        List<double>? figures = null;
        List<double>? restated = null;
        foreach (var word in message.Tokens.Words)
        {
            var hasDigit = word.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
            if (!words.Contains(word))
            {
                // A figure of the source in another form: "212 million" for "212m", "160-190" for "158-189k".
                if (hasDigit && unmarkedWords?.Contains(word) != true && RestatedFigures(word, source.Text, words, ref figures, ref restated) is > 0 and var count)
                {
                    shared += count;
                    numeric += count;
                    example ??= word;
                }

                continue;
            }

            shared++;
            if (IsWeak(word) || (word.Length <= 4 && IsDigits(word) && (dates ??= DateNumbers(message.Text)).Contains(word)))
            {
                weak++;
            }
            else if (hasDigit)
            {
                numbers++;
            }

            // A figure: a code ("ard-207") or a number that identifies ("6.80", "61,400"); "12" may be a day and "40ft" is a
            // size, the vocabulary of a trade rather than a fact of the material.
            var isNumber = word.Length >= 3 && hasDigit && (char.IsLetter(word[0]) || FigureOverlap.Identifying(word));
            numeric += isNumber ? 1 : 0;
            if (isNumber)
            {
                // Its numbers are matched: "160" must not count again for the same "158-189k".
                figures ??= FigureOverlap.Figures(source.Text, words);
                restated ??= [];
                FigureOverlap.AddFigures(word, restated);
            }

            if (example is null || isNumber)
            {
                example = word;
            }
        }

        // Figures written in words or rounded behind a hedge ("a bit over three thousand dollars" for USD 3,150), when the
        // message also speaks of the material (one of its other words): "about four hundred visitors" restates nothing.
        if (words.Count > 0 && (shared > numeric || asked))
        {
            foreach (var (value, hedged) in FigureOverlap.WordFigures(message.Text))
            {
                figures ??= FigureOverlap.Figures(source.Text, words);
                restated ??= [];
                if (figures.Count > 0 && FigureOverlap.Restates(value, hedged, figures, out var original) && !restated.Contains(original))
                {
                    restated.Add(original);
                    shared++;
                    numeric++;
                    example ??= value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        // Amounts beside their unit ("a bit above four euros" for "4.20 EUR"), again only beside another of its words.
        if (words.Count > 0 && (shared > numeric || asked))
        {
            restated ??= [];
            if (UnitFigures.Restated(message.Text, source.Text, words, message.Tokens.Words, restated) is > 0 and var amounts)
            {
                shared += amounts;
                numeric += amounts;
            }
        }

        // Shares and decades ("roughly a third", "one in five", "mid-forties") for the material's percentages and two-digit
        // figures, again only beside another of its words.
        if (words.Count > 0 && (shared > numeric || asked) && Proportions.Stated(message.Text) is { Count: > 0 } stated
            && Proportions.Restated(stated, Proportions.Held(source.Text, words)) is > 0 and var shares)
        {
            shared += shares;
            numeric += shares;
        }

        var grams = 0;
        // A run counts when it holds one of the source's distinctive words: "at the Tomato Days in June" quotes a date.
        foreach (var gram in TokenSet.GramsHolding(message.Text, words, distinctiveOnly: true))
        {
            if (source.Tokens.Grams.Contains(gram) && (unmarkedGrams is null || !unmarkedGrams.Contains(gram)))
            {
                grams++;
            }
        }

        var ratio = words.Count == 0 ? 0 : (double)shared / Math.Min(words.Count, 40);
        return new Overlap(shared, numeric, grams, ratio, example, weak, numbers);
    }

    /// <summary>
    /// Whether a (stemmed) word identifies nothing on its own, whatever text it is shared with: a common word in another
    /// form ("days" of "day"), or a month or a weekday in the languages of an organisation's mail. Two texts about the same
    /// calendar share them by chance, as they share the day or year written beside the month (<see cref="DateNumbers"/>).
    /// </summary>
    public static bool IsWeak(string word)
        => !TokenSet.IsContent(word) || CalendarWords.Contains(word);

    /// <summary>The numbers <paramref name="text"/> writes as part of a date, beside a month ("3 November", "mars 2027",
    /// "14. Dezember"): a day or a year, not a count ("37 merchants") or a year on its own ("the QA material from 2023").</summary>
    public static HashSet<string> DateNumbers(string text)
    {
        var dates = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        var afterMonth = false;
        foreach (var token in TokenSet.Split(text))
        {
            var isNumber = token.Length <= 4 && IsDigits(token);
            if (CalendarWords.Contains(token) || CalendarWords.Contains(TokenSet.Stem(token)))
            {
                if (previous is not null)
                {
                    dates.Add(previous);
                }

                afterMonth = true;
            }
            else
            {
                if (isNumber && afterMonth)
                {
                    dates.Add(token);
                }

                afterMonth = false;
            }

            previous = isNumber ? token : null;
        }

        return dates;
    }

    private static bool IsDigits(string token)
    {
        foreach (var c in token)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return token.Length > 0;
    }

    /// <summary>Months and weekdays (stemmed as <see cref="TokenSet"/> stems them) in the languages of an organisation's mail.</summary>
    private static readonly HashSet<string> CalendarWords = BuildCalendarWords(
        "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday "
        + "januari februari maart mei juni juli augustus oktober maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
        + "januar februar märz mai oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag "
        + "janvier février mars avril juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche "
        + "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo "
        + "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro segunda terça quarta quinta sexta "
        + "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica "
        + "styczeń luty marzec kwiecień czerwiec lipiec sierpień wrzesień październik listopad grudzień "
        + "januar februar mars april juni juli august oktober desember december måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag");

    private static HashSet<string> BuildCalendarWords(string words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            set.Add(word);
            set.Add(TokenSet.Stem(word));
        }

        return set;
    }

    /// <summary>How many figures of the source's own words <paramref name="word"/> restates that no earlier word of the
    /// message restated.</summary>
    private static int RestatedFigures(string word, string sourceText, HashSet<string> words, ref List<double>? figures, ref List<double>? restated)
    {
        List<double> mine = [];
        FigureOverlap.AddFigures(word, mine);
        if (mine.Count == 0)
        {
            return 0;
        }

        figures ??= FigureOverlap.Figures(sourceText, words);
        restated ??= [];
        var found = 0;
        foreach (var figure in mine)
        {
            if (FigureOverlap.Restates(figure, figures, out var original) && !restated.Contains(original))
            {
                restated.Add(original);
                found++;
            }
        }

        return found;
    }

    /// <summary>Whether two vocabularies talk about the same thing (at least two content words in common).</summary>
    public static bool Relevant(HashSet<string> a, HashSet<string> b)
    {
        var common = 0;
        foreach (var word in a)
        {
            if (b.Contains(word) && ++common >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A run of <paramref name="length"/> characters of <paramref name="body"/> that <paramref name="source"/> contains: the first
    /// one <paramref name="accept"/> takes (by default every one). The window slides by <paramref name="step"/> characters, by
    /// default half the window, so any copied run of 1.5x the window is found; a smaller step also meets a run again from further
    /// on when the first window that met it is turned down.
    /// </summary>
    public static string? SharesSpan(string body, string source, int length, int step = 0, Func<string, bool>? accept = null)
    {
        if (body.Length < length || source.Length < length)
        {
            return null;
        }

        step = step > 0 ? step : Math.Max(1, length / 2);
        for (var start = 0; start + length <= body.Length; start += step)
        {
            var window = body.AsSpan(start, length);
            if (window.IsWhiteSpace() || source.AsSpan().IndexOf(window, StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            var run = window.ToString();
            if (accept is null || accept(run))
            {
                return run;
            }
        }

        return null;
    }
}
