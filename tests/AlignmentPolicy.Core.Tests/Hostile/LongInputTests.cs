using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Licensing;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Very long names: the "did you mean" hint is skipped (it compared every candidate with the whole name, for tens of
/// seconds and gigabytes), and every message quotes the value cut to a line, with its length.
/// </summary>
public sealed class LongInputTests
{
    private static readonly string FiftyMegabytes = new('A', 50 * 1024 * 1024);

    [Fact]
    public void The_hint_for_a_50_MB_name_allocates_almost_nothing_and_suggests_nothing()
    {
        var allocated = Guard.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Null(NameSuggester.Suggest(FiftyMegabytes, SpdxLicenseList.Ids));
            return GC.GetAllocatedBytesForCurrentThread() - before;
        });

        // Comparing lower-cased copies with each of ~700 ids allocated 100 MB per id: tens of gigabytes.
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_short_typo_still_gets_its_hint()
    {
        Assert.Equal("Apache-2.0", NameSuggester.Suggest("Apache-2.O", SpdxLicenseList.Ids));
    }

    [Theory]
    [InlineData("ALN0310", """{ "version": 1, "provenance": { "allowedLicenses": ["$"] } }""")]
    [InlineData("ALN0303", """{ "version": 1, "$": true }""")]
    [InlineData("ALN0307", """{ "version": 1, "sideEffects": { "custom": { "$": [] } } }""")]
    [InlineData("ALN0308", """{ "version": 1, "evals": { "required": [ { "suite": "builtin:$", "maxRate": 0.05 } ] } }""")]
    [InlineData("ALN0317", """{ "version": 1, "gates": { "additionalGateTypes": ["A.$+"] } }""")]
    public void A_50_MB_value_is_reported_once_with_its_first_characters_and_its_length(string code, string template)
    {
        var text = template.Replace("$", FiftyMegabytes);

        var load = Guard.Run(() => PolicyLoader.Parse(text, "/repo/alignment-policy.json"));

        var error = Assert.Single(load.Diagnostics);
        Assert.Equal(code, error.Code);
        Assert.True(error.Message.Length < 1000, $"{error.Message.Length} characters: {DisplayText.Of(error.Message, 200)}");
        Assert.Matches(@"AAAA\.\.\. \(5242\d{4} characters\)", error.Message);
    }

    [Fact]
    public void A_dataset_id_too_long_to_name_an_export_file_is_ALN0104_at_the_id()
    {
        // Found by the long fuzz run: a valid-looking id of 17,000 characters was echoed whole in ALN0110.
        var id = "stories" + new string('.', 17_000);
        var text = "{ \"version\": 1, \"datasets\": [ {\n\"id\": \"" + id + "\", \"purpose\": \"eval\", \"source\": { \"kind\": \"internal\" }, \"license\": \"MIT\", \"files\": [ { \"path\": \"kb.jsonl\" } ] } ] }";

        var error = Assert.Single(AlignmentPolicy.Core.Provenance.ProvenanceManifestLoader.Parse(text, "/repo/Agent/datasets.provenance.json").Diagnostics);

        Assert.Equal(("ALN0104", 2, 7), (error.Code, error.Line, error.Column));
        Assert.Contains("has at most 100 characters", error.Message);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Fact]
    public void DisplayText_escapes_line_breaks_so_a_message_stays_one_line()
    {
        Assert.Equal("a\\nb\\r\\u2028\\u0085\\u0000", DisplayText.Of("a\nb\r\u2028\u0085\0"));
        Assert.Equal("short", DisplayText.Of("short"));
        var cut = DisplayText.Of(new string('x', 1000));
        Assert.Equal(new string('x', DisplayText.MaxLength - 20) + "... (1000 characters)", cut);
    }
}
