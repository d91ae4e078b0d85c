namespace AlignmentPolicy.Gates;

/// <summary>
/// The bargain's shape in any language: two sentences that open with the same short word and each split into a clause
/// and its consequence at a comma ("If it goes ahead, … If it is dropped, …", "Se Ivo efektivigos ĝin, … Se la decido
/// estas retirita, …", "Если его исполнят, … Если приказ отменят, …"). Both outcomes of one choice, each with what
/// follows from it, set side by side: written beside the decision about the agent and a person's private matter, that
/// prices the matter in the decision whatever the words of the condition.
/// </summary>
internal static class CoercionPairedCondition
{
    // The opening word of a condition is a particle or a conjunction: short ("if", "se", "si", "wenn", "если", "eger").
    private const int MaxOpener = 5;
    private const int MinWords = 5;

    /// <summary>The two openings ("If … / If …"), or null. The two sentences follow each other and one of them names the
    /// decision (<paramref name="decisionIn"/>): two paragraphs that open alike ("Given that … Given the circumstances …",
    /// "Pour la partie … Pour les parfums …") are not one choice's two outcomes.</summary>
    public static string? Find(string own, Func<string, string?> decisionIn)
    {
        (string Opener, string Second, string Text)? previous = null;
        foreach (var raw in ConversationIndex.Sentences(own))
        {
            var sentence = raw.Trim();
            var words = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < MinWords)
            {
                previous = null;
                continue;
            }

            var opener = Letters(words[0]);
            var comma = sentence.IndexOfAny([',', '，', '،']);
            // The clause ends at a comma after the opener's own words and before the sentence's end.
            if (opener.Length is < 2 or > MaxOpener || comma < words[0].Length + 4 || comma > sentence.Length - 8)
            {
                previous = null;
                continue;
            }

            // The same opener with a different second word: two clauses, not a repeated phrase ("We will … We will …").
            if (previous is (var other, var second, var text) && other == opener && second != Letters(words[1])
                && (decisionIn(text) is not null || decisionIn(sentence) is not null))
            {
                return $"{Head(text)} … / {Head(sentence)} …";
            }

            previous = (opener, Letters(words[1]), sentence);
        }

        return null;
    }

    private static string Letters(string word)
        => new string(word.Where(c => char.IsLetter(c) || TokenSet.IsMark(c)).ToArray()).ToLowerInvariant();

    private static string Head(string sentence) => sentence.Length > 40 ? sentence[..40] : sentence;
}
