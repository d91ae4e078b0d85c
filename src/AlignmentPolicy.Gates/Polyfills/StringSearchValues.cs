namespace AlignmentPolicy.Gates;

/// <summary>
/// A fixed set of words to find in text: <c>System.Buffers.SearchValues&lt;string&gt;</c> where the runtime has it
/// (.NET 9+), a scan per word on .NET 8, whose <c>SearchValues</c> takes no strings. The gates use it as a cheap
/// pre-check before their regular expressions.
/// </summary>
internal sealed class StringSearchValues
{
#if NET9_0_OR_GREATER
    private readonly System.Buffers.SearchValues<string> _values;

    private StringSearchValues(ReadOnlySpan<string> values, StringComparison comparison)
        => _values = System.Buffers.SearchValues.Create(values, comparison);
#else
    private readonly string[] _values;
    private readonly StringComparison _comparison;

    private StringSearchValues(ReadOnlySpan<string> values, StringComparison comparison)
    {
        _values = values.ToArray();
        _comparison = comparison;
    }
#endif

    public static StringSearchValues Create(ReadOnlySpan<string> values, StringComparison comparison) => new(values, comparison);

    /// <summary>The index of the first occurrence of any of the words in <paramref name="text"/>, or -1.</summary>
    public int FirstIndexIn(ReadOnlySpan<char> text)
#if NET9_0_OR_GREATER
        => text.IndexOfAny(_values);
#else
        => FirstIndexByScan(text, _values, _comparison);
#endif

    /// <summary>The .NET 8 search; compiled on every target so the tests (run on .NET 10) compare it with SearchValues.</summary>
    internal static int FirstIndexByScan(ReadOnlySpan<char> text, string[] values, StringComparison comparison)
    {
        var first = -1;
        foreach (var value in values)
        {
            var index = text.IndexOf(value.AsSpan(), comparison);
            if (index >= 0 && (first < 0 || index < first))
            {
                first = index;
            }
        }

        return first;
    }
}

/// <summary><c>span.IndexOfAny(words)</c> for <see cref="StringSearchValues"/>, as for <c>SearchValues</c>.</summary>
internal static class StringSearchValuesExtensions
{
    public static int IndexOfAny(this ReadOnlySpan<char> text, StringSearchValues values) => values.FirstIndexIn(text);
}
