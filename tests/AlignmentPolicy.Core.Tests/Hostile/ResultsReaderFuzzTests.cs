using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Mutated results files and transcripts through the reader, the recomputation and the transcript tally: nothing
/// throws, every rejection has a code and a position, and whatever is accepted is exactly what its outcomes give.
/// </summary>
public sealed class ResultsReaderFuzzTests(ITestOutputHelper output)
{
    private const string Path = "/fuzz/obj/alignment/evals/results.json";

    private static readonly string[] s_numbers = ["-1", "0", "1", "0.5", "1.5", "-0", "1e999", "-1e999", "1e-320", "2147483648", "9223372036854775808", "NaN", "0.0000001", "300", "301"];

    private static readonly string[] s_strings =
    [
        "\"\"", "\"../../x\"", "\"/etc/passwd\"", "\"builtin:coercion\\n\"", "\"builtin:../../escaped\"", "\"PASS\"", "\"FAIL\"", "\"INFO\"",
        "\"gap\"", "\"rate\"", "\"reference\"", "\"none/none\"", "\"explicit/replacement\"", "\"0000\"", "\"1111E..\"", "\"" + new string('a', 64) + "\"",
        "\"\\u0000\"", "\"" + new string('1', 300) + "\"",
    ];

    private static readonly System.Text.RegularExpressions.Regex s_number = new(@"(?<=: )-?[0-9][0-9.eE+-]*", System.Text.RegularExpressions.RegexOptions.Compiled);
    private static readonly System.Text.RegularExpressions.Regex s_string = new("(?<=: )\"[^\"]*\"", System.Text.RegularExpressions.RegexOptions.Compiled);

    [Fact]
    public void Mutated_results_never_throw_and_every_rejection_has_a_code_and_a_position()
    {
        var cases = FuzzSettings.Cases(3000);
        var seed = FuzzSettings.Seed(12);
        var random = new Random(seed);
        var seeds = new[]
        {
            Seed(ResultsFixture.Create(events: 0, samples: 60)),
            Seed(ResultsFixture.Create(events: 10, errors: 4, samples: 60)),
            Seed(ResultsFixture.Create(events: 5, samples: 60, suite: "builtin:monitoring-gap", requirement: new RequirementRecord { Suite = "builtin:monitoring-gap", MaxGap = 0.05 })),
        };
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var cpu = FuzzSettings.CpuTime();
        for (var i = 0; i < cases; i++)
        {
            var (text, transcripts, requirement) = seeds[random.Next(seeds.Length)];
            var mutated = Mutate(text, random);
            var mutatedTranscripts = random.Next(4) == 0 ? MutateLines(transcripts, random) : transcripts;
            try
            {
                var outcome = Run(mutated, mutatedTranscripts, requirement);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"Case {i} (seed {seed}) threw {e.GetType().Name}: {e.Message}\n{mutated}");
            }
        }

        output.WriteLine(FuzzSettings.Summary("results reader", cases, seed, watch.Elapsed, FuzzSettings.CpuTime() - cpu, outcomes));
        // The mutations reach the reader, the recomputation and acceptance alike.
        Assert.True(outcomes.Count >= 5, "the mutations reach several checks");
        Assert.Contains(outcomes.Keys, k => k.StartsWith("recomputation", StringComparison.Ordinal));
    }

    private static string Run(string text, string transcripts, RequirementRecord requirement)
    {
        var reporter = new BufferingReporter();
        var file = EvalResultsLoader.ParseFile(text, Path, reporter);
        foreach (var diagnostic in reporter.Diagnostics)
        {
            Assert.StartsWith("ALN02", diagnostic.Code, StringComparison.Ordinal);
            Assert.Equal(Path, diagnostic.File);
            Assert.True(diagnostic.Line >= 1 && diagnostic.Column >= 1, diagnostic.ToString());
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        }

        if (file is null)
        {
            Assert.NotEmpty(reporter.Diagnostics);
            return reporter.Diagnostics[0].Code;
        }

        Assert.Empty(reporter.Diagnostics);
        var layout = SuiteLayouts.Builtin(file.Document.Suite) ?? SuiteLayouts.Builtin(requirement.Suite)!;
        var tally = TranscriptTally.Count(Encoding.UTF8.GetBytes(transcripts), file.Document.Suite, layout, file.Document.Settings.MaxSamples);
        Assert.All(tally.Problems, p => Assert.True(p.Line >= 1 && p.Column >= 1 && p.Message.Length > 0));
        var evidence = tally.Problems.Count == 0 && tally.Sha256 == file.Document.TranscriptsSha256 ? tally.AllOutcomes() : null;
        var proof = ResultsRecomputation.Check(file.Document, layout, requirement, evidence);
        foreach (var discrepancy in proof.Discrepancies)
        {
            var span = file.Locate(discrepancy.Field);
            Assert.True(span.Line >= 1 && span.Column >= 1);
            Assert.False(string.IsNullOrWhiteSpace(discrepancy.Message));
        }

        if (!proof.Holds)
        {
            return "recomputation: " + proof.Discrepancies[0].Kind;
        }

        // Accepted: then the file says exactly what its outcomes give under the policy.
        var recomputed = proof.Recomputed!;
        Assert.Equal(recomputed.Verdict, file.Document.Verdict);
        Assert.Equal(recomputed.Cells.Select(c => (c.Id, c.Primary, c.Verdict)), file.Document.Cells.Select(c => (c.Id, c.Primary, c.Verdict)));
        Assert.All(file.Document.Cells.Zip(recomputed.Cells), pair => Assert.Equal(pair.Second.Bound, pair.First.Bound, 9));
        return evidence is null ? "accepted without transcripts" : "accepted";
    }

    private static (string Text, string Transcripts, RequirementRecord Requirement) Seed(EvalResultsDocument document)
    {
        var requirement = document.Suite == "builtin:monitoring-gap"
            ? new RequirementRecord { Suite = document.Suite, MaxGap = 0.05 }
            : new RequirementRecord { Suite = document.Suite, MaxRate = 0.05 };
        return (EvalResultsWriter.ToJson(document), Encoding.UTF8.GetString(ResultsFixture.TranscriptBytes(document)), requirement);
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations && builder.Length > 0; m++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(12))
            {
                case 0:
                    builder[at] = (char)random.Next(32, 127);
                    break;
                case 1:
                    builder.Remove(at, Math.Min(builder.Length - at, 1 + random.Next(20)));
                    break;
                case 2:
                    var length = Math.Min(builder.Length - at, 1 + random.Next(200));
                    builder.Insert(random.Next(builder.Length), builder.ToString(at, length));
                    break;
                case 3 or 8 or 9:
                    ReplaceToken(builder, random, isNumber: true);
                    break;
                case 4 or 10 or 11:
                    ReplaceToken(builder, random, isNumber: false);
                    break;
                case 5:
                    builder.Length = at;
                    break;
                case 6:
                    builder.Insert(at, random.Next(2) == 0 ? "{" : "[");
                    break;
                default:
                    SwapLines(builder, random);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void ReplaceToken(StringBuilder builder, Random random, bool isNumber)
    {
        var text = builder.ToString();
        var matches = (isNumber ? s_number : s_string).Matches(text);
        if (matches.Count == 0)
        {
            return;
        }

        var match = matches[random.Next(matches.Count)];
        var replacement = isNumber ? s_numbers[random.Next(s_numbers.Length)] : s_strings[random.Next(s_strings.Length)];
        builder.Remove(match.Index, match.Length).Insert(match.Index, replacement);
    }

    private static void SwapLines(StringBuilder builder, Random random)
    {
        var lines = builder.ToString().Split('\n');
        var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        builder.Clear().Append(string.Join("\n", lines));
    }

    private static string MutateLines(string transcripts, Random random)
    {
        var lines = transcripts.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(4))
        {
            case 0:
                lines.Insert(random.Next(lines.Count), lines[at]);
                break;
            case 1:
                lines.RemoveAt(at);
                break;
            case 2:
                lines[at] = lines[at].Replace("\"aligned\"", "\"misaligned\"", StringComparison.Ordinal);
                break;
            default:
                lines[at] = Mutate(lines[at], random);
                break;
        }

        return string.Join("\n", lines);
    }
}
