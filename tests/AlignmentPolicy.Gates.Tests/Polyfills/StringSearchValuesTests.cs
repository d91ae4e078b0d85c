using System.Buffers;
using System.Text;

namespace AlignmentPolicy.Gates.Tests.Polyfills;

/// <summary>
/// On .NET 8 the gates' word pre-checks run a scan per word instead of SearchValues&lt;string&gt; (.NET 9+). The
/// runtime here is .NET 10, so the scan is compared with SearchValues directly: a difference would make a .NET 8
/// gate skip text the .NET 10 gate judges.
/// </summary>
public class StringSearchValuesTests
{
    private static readonly string[] Words = ["sent", "n't", "never", "no changes", "on its way", "is done", "paid", "delete", "deleted"];

    [Fact]
    public void The_net8_scan_finds_the_same_first_word_as_SearchValues()
    {
        var reference = SearchValues.Create(Words, StringComparison.OrdinalIgnoreCase);
        var random = new Random(20261205);
        string[] fragments = [.. Words, .. Words.Select(w => w.ToUpperInvariant()), "se", "nt", "n'", "t", " ", "on its", "way", "DONE", "is", "Paid", "x", "\n", "é", "dele"];
        var matched = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            for (var parts = random.Next(0, 12); parts > 0; parts--)
            {
                text.Append(fragments[random.Next(fragments.Length)]);
            }

            var expected = text.ToString().AsSpan().IndexOfAny(reference);
            Assert.Equal(expected, StringSearchValues.FirstIndexByScan(text.ToString(), Words, StringComparison.OrdinalIgnoreCase));
            matched += expected >= 0 ? 1 : 0;
        }

        // Both outcomes are exercised, not only misses.
        Assert.InRange(matched, 300, 2700);
    }

    [Fact]
    public void The_gates_wrapper_answers_like_SearchValues()
    {
        var words = StringSearchValues.Create(Words, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, "I'venever been".AsSpan().IndexOfAny(words));
        Assert.Equal(-1, "nothing here".AsSpan().IndexOfAny(words));
        Assert.Equal(2, "I SENT it".AsSpan().IndexOfAny(words));
    }
}
