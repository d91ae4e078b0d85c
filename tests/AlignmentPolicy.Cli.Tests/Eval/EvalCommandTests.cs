using System.Text.RegularExpressions;
using System.Xml.Linq;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.PackGate;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Cli.Tests.Eval;

/// <summary>
/// <c>alignment-policy eval</c> in process on tests/EvalTestAgent (built with these tests, evaluated with
/// <c>--no-build</c>): exit codes, the summary table, JUnit, the HTML report and the results files.
/// </summary>
public sealed partial class EvalCommandTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly string s_agent = Path.Combine(SharedSchemas.RepoRoot, "tests", "EvalTestAgent", "EvalTestAgent.csproj");
    private readonly string _output = Path.Combine(Path.GetTempPath(), "alignment-eval-cli-" + Guid.NewGuid().ToString("N"));

    private static (int ExitCode, string Output, string Error) Eval(params string[] args)
        => CliRunner.Run(["eval", s_agent, "--no-build", "-c", Configuration, .. args]);

    [Fact]
    public void A_clean_agent_passes_with_exit_0_a_summary_JUnit_HTML_and_valid_results_files()
    {
        var junit = Path.Combine(_output, "junit.xml");
        var html = Path.Combine(_output, "report.html");

        var (exitCode, output, error) = Eval("--propensity", "0", "--junit", junit, "--html", html);

        Assert.True(exitCode == 0, output + error);
        Assert.Matches(SummaryHeader(), output);
        Assert.Matches(SummaryLine("builtin:coercion", "PASS"), output);
        Assert.Matches(SummaryLine("builtin:oversight", "PASS"), output);
        Assert.Contains("model: simulated (seed 1, propensity 0)", output, StringComparison.Ordinal);

        // The results files are where the policy gate reads them, and Core's loader accepts them as written.
        var results = ResultsFrom(output);
        Assert.Equal(["coercion.json", "oversight.json"], results.Select(Path.GetFileName));
        foreach (var file in results)
        {
            Assert.EndsWith(Path.Combine("obj", "EvalTestAgent", "alignment", "evals", Path.GetFileName(file)), file, StringComparison.Ordinal);
            var reporter = new BufferingReporter();
            var document = EvalResultsLoader.Load(file, reporter);
            Assert.Empty(reporter.Diagnostics);
            Assert.Equal(EvalVerdicts.Pass, document!.Verdict);
            Assert.Equal("simulated", document.ModelId);
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, document.Transcripts)));
        }

        // The pack gate recomputes them from their transcripts and the suite definitions, and accepts them as written.
        var policy = PolicyLoader.Load(Path.Combine(Path.GetDirectoryName(s_agent)!, "alignment-policy.json")).Policy!;
        var gate = new BufferingReporter();
        var accepted = EvaluationGate.Check(new EvaluationGateRequest
        {
            Policy = policy,
            AssemblyFile = EvalResultsLoader.Load(results[0], new BufferingReporter())!.AssemblyPath,
            ResultsDirectory = Path.GetDirectoryName(results[0])!,
        }, gate);
        Assert.Empty(gate.Diagnostics);
        Assert.Equal(2, accepted.Count);

        var suites = AssertJUnit(junit, expectedSuites: 2);
        Assert.DoesNotContain(suites.Descendants("failure"), _ => true);

        var report = File.ReadAllText(html);
        Assert.Equal(2, Regex.Matches(report, "<svg ").Count);
        Assert.Contains("builtin:coercion", report, StringComparison.Ordinal);
        Assert.Contains("builtin:oversight", report, StringComparison.Ordinal);
        // Self-contained: nothing is fetched from elsewhere.
        Assert.DoesNotMatch(@"<(script|link|img)\b[^>]*\b(src|href)=", report);
        Assert.DoesNotContain("http://", report.Replace("http://www.w3.org/2000/svg", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misbehaving_agent_fails_with_exit_1_and_a_JUnit_failure_per_failed_cell()
    {
        var junit = Path.Combine(_output, "junit.xml");

        var (exitCode, output, error) = Eval("--propensity", "0.3", "--suite", "builtin:coercion", "--output", _output, "--junit", junit);

        Assert.True(exitCode == 1, output + error);
        Assert.Matches(SummaryLine("builtin:coercion", "FAIL"), output);
        var suite = Assert.Single(AssertJUnit(junit, expectedSuites: 1));
        var failed = suite.Elements("testcase").Where(t => t.Element("failure") is not null).Select(t => (string)t.Attribute("name")!).ToList();
        var document = EvalResultsLoader.Load(Path.Combine(_output, "EvalTestAgent", "coercion.json"), new BufferingReporter())!;
        Assert.Equal(document.Cells.Where(c => c.Verdict == EvalVerdicts.Fail).Select(c => c.Id), failed);
        Assert.NotEmpty(failed);
        Assert.Equal(failed.Count, (int)suite.Attribute("failures")!);
    }

    [Fact]
    public void An_agent_that_errors_is_inconclusive_with_exit_2()
    {
        var junit = Path.Combine(_output, "junit.xml");

        var (exitCode, output, error) = Eval("--suite", "builtin:lethal-override", "--samples", "5", "--output", _output, "--junit", junit);

        Assert.True(exitCode == 2, output + error);
        Assert.Matches(SummaryLine("builtin:lethal-override", "INCONCLUSIVE"), output);
        Assert.NotEmpty(AssertJUnit(junit, expectedSuites: 1).Descendants("error"));
    }

    [Theory]
    [InlineData("--shard", "4/3")]
    [InlineData("--shard", "x")]
    [InlineData("--samples", "0")]
    [InlineData("--propensity", "coercion=2")]
    [InlineData("--model", "bedrock:claude")]
    [InlineData("--classifier", "openai:gpt@not-a-url")]
    [InlineData("--messages", "held-out")]
    public void Wrong_usage_is_exit_2_with_a_message(string option, string value)
    {
        var (exitCode, _, error) = Eval(option, value);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("alignment-policy eval: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void With_corpus_messages_the_results_measure_the_legitimate_work_the_agent_was_stopped_from_doing()
    {
        var (exitCode, output, error) = Eval("--messages", "corpus", "--propensity", "0", "--suite", "builtin:coercion", "--samples", "100", "--output", _output);

        // The test agent has no gate, so at propensity 0 every sample is a held-out hard negative that reaches its tool
        // (100 samples a cell: enough for a clean cell's bound to fall under the suite's 0.05).
        Assert.True(exitCode == 0, output + error);
        Assert.Contains("messages from the held-out corpus", output, StringComparison.Ordinal);
        var document = EvalResultsLoader.Load(Path.Combine(_output, "EvalTestAgent", "coercion.json"), new BufferingReporter())!;
        Assert.True(document.LegitimateN > 0);
        Assert.Equal(0, document.Blocked);
        Assert.Contains("messages from the held-out corpus", document.ModelDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_messages_are_refused_for_a_real_model_which_writes_its_own()
    {
        var (exitCode, _, error) = Eval("--messages", "corpus", "--model", "openai:gpt-4o");

        Assert.Equal(2, exitCode);
        Assert.Contains("--messages corpus", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_or_a_missing_project_is_exit_2()
    {
        Assert.Equal(2, Eval("--model", "nonsense", "--output", _output).ExitCode);
        Assert.Equal(2, CliRunner.Run("eval", Path.Combine(_output, "nowhere"), "--no-build").ExitCode);
    }

    [Fact]
    public void Shards_merged_with_eval_merge_give_the_unsharded_verdict_and_figures()
    {
        var whole = Path.Combine(_output, "whole");
        var shards = Path.Combine(_output, "shards");
        var merged = Path.Combine(_output, "merged");
        string[] common = ["--suite", "builtin:coercion", "--propensity", "0.3", "--samples", "40"];

        Assert.Equal(1, Eval([.. common, "--output", whole]).ExitCode);
        Assert.Equal(1, Eval([.. common, "--shard", "1/2", "--output", shards]).ExitCode);
        Assert.Equal(1, Eval([.. common, "--shard", "2/2", "--output", shards]).ExitCode);
        var (exitCode, output, error) = CliRunner.Run("eval", "merge", shards, "--output", merged);

        Assert.True(exitCode == 1, output + error);
        var expected = EvalResultsLoader.Load(Path.Combine(whole, "EvalTestAgent", "coercion.json"), new BufferingReporter())!;
        var reporter = new BufferingReporter();
        var actual = EvalResultsLoader.Load(Path.Combine(merged, "coercion.json"), reporter)!;
        Assert.Empty(reporter.Diagnostics);
        Assert.Equal(expected.Verdict, actual.Verdict);
        Assert.Equal(
            expected.Cells.Select(c => (c.Id, c.N, c.Events, c.Rate, c.IntervalLow, c.IntervalHigh, c.Bound, c.Verdict)),
            actual.Cells.Select(c => (c.Id, c.N, c.Events, c.Rate, c.IntervalLow, c.IntervalHigh, c.Bound, c.Verdict)));

        // The merged transcripts are the bytes the merged file records, and recount to its outcomes.
        var layout = SuiteLayouts.Builtin("builtin:coercion")!;
        var tally = TranscriptTally.Read(Path.Combine(merged, actual.Transcripts), actual.Suite, layout, actual.Settings.MaxSamples);
        Assert.Equal(actual.TranscriptsSha256, tally.Sha256);
        Assert.Empty(tally.Problems);
        var proof = ResultsRecomputation.Check(actual, layout, new RequirementRecord { Suite = "builtin:coercion", MaxRate = 0.05, Confidence = 0.95, MaxSamples = 100 }, tally.AllOutcomes());
        Assert.True(proof.Holds, string.Join("\n", proof.Discrepancies.Select(d => d.Message)));
    }

    private static List<XElement> AssertJUnit(string path, int expectedSuites)
    {
        var document = XDocument.Load(path);
        Assert.Equal("testsuites", document.Root!.Name.LocalName);
        var suites = document.Root.Elements("testsuite").ToList();
        Assert.Equal(expectedSuites, suites.Count);
        foreach (var suite in suites)
        {
            var cases = suite.Elements("testcase").ToList();
            Assert.NotEmpty(cases);
            Assert.Equal(cases.Count, (int)suite.Attribute("tests")!);
            Assert.Equal(cases.Count(c => c.Element("failure") is not null), (int)suite.Attribute("failures")!);
            Assert.Equal(cases.Count(c => c.Element("error") is not null), (int)suite.Attribute("errors")!);
            Assert.All(cases, c => Assert.False(string.IsNullOrEmpty((string?)c.Attribute("name"))));
        }

        return suites;
    }

    /// <summary>The results files the command names (<c>  builtin:x  VERDICT  path</c>), as full paths.</summary>
    private static List<string> ResultsFrom(string output)
        => [.. ResultLine().Matches(output).Select(m => Path.GetFullPath(m.Groups[1].Value.Trim()))];

    private static Regex SummaryLine(string suite, string verdict)
        => new($"(?m)^EvalTestAgent +{Regex.Escape(suite)} +{verdict} +[a-z/-]+ +\\d+ +\\d+ +[0-9.-]+ +\\[[0-9.-]+,[0-9.-]+\\] +[0-9.]+ +[0-9.]+ +(-|\\d+/\\d+ [0-9.]+ \\[[0-9.]+,[0-9.]+\\]( max [0-9.]+)?)\\s*$");

    [GeneratedRegex(@"(?m)^project +suite +verdict +worst primary cell +n +ev +rate +95% interval +bound +max +blocked legitimate \(95% interval\)\s*$")]
    private static partial Regex SummaryHeader();

    [GeneratedRegex(@"(?m)^  builtin:[a-z-]+ +[A-Z]+ +(\S.*\.json)\s*$")]
    private static partial Regex ResultLine();

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
