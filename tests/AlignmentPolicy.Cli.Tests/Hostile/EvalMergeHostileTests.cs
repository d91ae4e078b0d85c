using System.Text.Json;
using System.Text.Json.Nodes;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Reporting;
using AlignmentPolicy.Tests.Infrastructure;

namespace AlignmentPolicy.Cli.Tests.Hostile;

/// <summary>
/// <c>alignment-policy eval merge</c> on shards that try to make it read or write elsewhere, or compute nonsense: every
/// path it reads stays in the shard's folder and every file it writes under <c>-o</c>, and settings out of range are
/// coded errors at the field, never a NaN bound.
/// </summary>
public sealed class EvalMergeHostileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aln-merge-hostile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Shards => Path.Combine(_root, "shards");

    private string Output => Path.Combine(_root, "merged");

    [Fact]
    public void Genuine_shards_merge_into_results_whose_transcripts_recount_to_them()
    {
        WriteShards(events: 2);
        var (exit, output, error) = Merge();
        // 2 misaligned samples of 60: the merged verdict is FAIL (exit 1), and nothing is wrong with the files.
        Assert.True(exit == 1, output + error);
        Assert.DoesNotContain("error ALN", output);

        var merged = EvalResultsLoader.Load(Path.Combine(Output, "coercion.json"), new AlignmentPolicy.Core.Diagnostics.BufferingReporter())!;
        var layout = SuiteLayouts.Builtin("builtin:coercion")!;
        var tally = TranscriptTally.Read(Path.Combine(Output, merged.Transcripts), merged.Suite, layout, merged.Settings.MaxSamples);
        Assert.Equal(merged.TranscriptsSha256, tally.Sha256);
        Assert.True(ResultsRecomputation.Check(merged, layout, new RequirementRecord { Suite = merged.Suite, MaxRate = 0.05 }, tally.AllOutcomes()).Holds);
    }

    [Fact]
    public void A_shard_transcripts_path_outside_the_shard_folder_is_ALN0218_and_is_not_copied()
    {
        var secret = Path.Combine(_root, "secret.jsonl");
        File.WriteAllText(secret, "TOP SECRET\n");
        foreach (var transcripts in new[] { "../secret.jsonl", secret })
        {
            var shards = WriteShards(events: 2);
            Edit(shards[0], results => results["transcripts"] = transcripts);

            var (exit, output, _) = Merge();
            Assert.Equal(2, exit);
            Assert.Contains("error ALN0218", output);
            Assert.Contains($"{Path.GetFileName(shards[0])}(", output);
            AssertNothingMentions("TOP SECRET");
        }
    }

    [Fact]
    public void A_shard_transcripts_link_to_a_file_outside_is_ALN0218_and_is_not_copied()
    {
        var secret = Path.Combine(_root, "secret.jsonl");
        File.WriteAllText(secret, "TOP SECRET\n");
        var shards = WriteShards(events: 2);
        var transcripts = Path.Combine(Shards, EvalResultsLoader.Load(shards[0], new AlignmentPolicy.Core.Diagnostics.BufferingReporter())!.Transcripts);
        File.Delete(transcripts);
        try
        {
            File.CreateSymbolicLink(transcripts, secret);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return; // No symbolic links here (Windows without the privilege).
        }

        var (exit, output, _) = Merge();
        Assert.Equal(2, exit);
        Assert.Contains("error ALN0218", output);
        AssertNothingMentions("TOP SECRET");
    }

    [Theory]
    [InlineData("builtin:../../escaped")]
    [InlineData("builtin:coercion\n")]
    [InlineData("nuget:Contoso/../../x@1.0.0")]
    [InlineData("nuget:Contoso\\..\\x@1.0.0")]
    public void A_suite_name_that_would_name_a_path_is_ALN0210_and_nothing_is_written_outside_the_output(string suite)
    {
        foreach (var shard in WriteShards(events: 2))
        {
            Edit(shard, results => results["suite"] = suite);
        }

        var (exit, output, _) = Merge();
        Assert.Equal(2, exit);
        Assert.Contains("error ALN0210", output);
        Assert.Contains("'suite'", output);
        Assert.False(File.Exists(Path.Combine(_root, "escaped.json")));
        Assert.False(Directory.Exists(Output) && Directory.EnumerateFileSystemEntries(Output).Any());
    }

    [Theory]
    [InlineData("builtin:../../escaped")]
    [InlineData("builtin:coercion\n")]
    [InlineData("nuget:a/../../../b@1")]
    [InlineData("builtin:..")]
    public void Results_files_are_written_inside_their_folder_whatever_the_suite_name(string suite)
    {
        var document = ResultsFixture.Create(events: 0);
        document.Suite = suite;
        var folder = Path.Combine(_root, "out");
        var path = ResultsFiles.Write(document, [], folder);
        Assert.True(ResultsFileNames.IsInside(folder, path), path);
        Assert.True(ResultsFileNames.IsInside(folder, Path.Combine(folder, document.Transcripts)));
        Assert.Equal(folder, Path.GetDirectoryName(path));
    }

    [Theory]
    [InlineData("settings", "confidence", "1.5")]
    [InlineData("settings", "threshold", "2")]
    [InlineData("settings", "sprtAlpha", "-1")]
    [InlineData("settings", "sprtBeta", "1.5")]
    [InlineData("settings", "maxSamples", "-3")]
    [InlineData("cells", "n", "-5")]
    [InlineData("cells", "errors", "-1")]
    public void Settings_and_counts_out_of_range_are_ALN0210_at_the_field_not_a_NaN_bound(string owner, string field, string value)
    {
        var shards = WriteShards(events: 2);
        var text = File.ReadAllText(shards[1]);
        var at = owner == "cells" ? text.IndexOf("\"cells\"", StringComparison.Ordinal) : text.IndexOf("\"settings\"", StringComparison.Ordinal);
        var name = text.IndexOf($"\"{field}\": ", at, StringComparison.Ordinal);
        var end = text.IndexOfAny([',', '\n'], name + field.Length + 4);
        File.WriteAllText(shards[1], text[..(name + field.Length + 4)] + value + text[end..]);
        var line = text[..name].Count(c => c == '\n') + 1;

        var (exit, output, _) = Merge();
        Assert.Equal(2, exit);
        Assert.Contains($"{Path.GetFileName(shards[1])}({line},", output);
        Assert.Contains("error ALN0210", output);
        Assert.DoesNotContain("NaN", output);
        Assert.False(File.Exists(Path.Combine(Output, "coercion.json")));
    }

    [Fact]
    public void An_altered_shard_transcript_is_ALN0216_and_the_merge_is_refused()
    {
        var shards = WriteShards(events: 2);
        var transcripts = Path.Combine(Shards, EvalResultsLoader.Load(shards[0], new AlignmentPolicy.Core.Diagnostics.BufferingReporter())!.Transcripts);
        File.WriteAllText(transcripts, File.ReadAllText(transcripts).Replace("\"misaligned\"", "\"aligned\""));

        var (exit, output, _) = Merge();
        Assert.Equal(2, exit);
        Assert.Contains("error ALN0216", output);
        Assert.False(File.Exists(Path.Combine(Output, "coercion.json")));
    }

    private List<string> WriteShards(int events)
    {
        if (Directory.Exists(Shards))
        {
            Directory.Delete(Shards, recursive: true);
        }

        var whole = ResultsFixture.Create(events: events, samples: 60);
        return [ResultsFixture.WriteShard(ResultsFixture.Shard(whole, 1, 2), Shards), ResultsFixture.WriteShard(ResultsFixture.Shard(whole, 2, 2), Shards)];
    }

    private (int ExitCode, string Output, string Error) Merge() => CliRunner.Run("eval", "merge", Shards, "--output", Output);

    private void AssertNothingMentions(string secret)
    {
        foreach (var file in Directory.Exists(Output) ? Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories) : [])
        {
            Assert.DoesNotContain(secret, File.ReadAllText(file));
        }
    }

    private static void Edit(string path, Action<JsonNode> edit)
    {
        var results = JsonNode.Parse(File.ReadAllText(path))!;
        edit(results);
        File.WriteAllText(path, results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
