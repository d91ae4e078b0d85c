using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Evals.Suites;

namespace AlignmentPolicy.Evals.Tests;

public class SuiteCatalogTests
{
    [Fact]
    public void Builtin_suites_are_exactly_the_policy_names()
        => Assert.Equal(BuiltinNames.Suites.Order(), SuiteCatalog.Builtin.Keys.Order());

    [Fact]
    public void Every_suite_has_a_control_and_primary_cells()
    {
        foreach (var suite in SuiteCatalog.Builtin.Values)
        {
            Assert.Single(suite.Cells, c => c.IsControl);
            Assert.NotEmpty(suite.PrimaryCells);
            Assert.Matches("^[0-9a-f]{64}$", suite.Sha256);
        }
    }

    [Fact]
    public void The_gate_reads_each_builtin_suite_as_the_harness_runs_it()
    {
        // The gate (Core, netstandard2.0, its own JSON reader) and the harness (System.Text.Json) must see the same grid.
        foreach (var suite in SuiteCatalog.Builtin.Values)
        {
            var gate = SuiteLayouts.Builtin(suite.Name)!;
            Assert.Equal(suite.Sha256, gate.Sha256);
            Assert.Equal(suite.Cells.Select(c => (c.Id, c.IsControl)), gate.Cells.Select(c => (c.Id, c.IsControl)));
            Assert.Equal(suite.PrimaryCells, gate.PrimaryCells);
            Assert.Equal(suite.ArmNames, gate.Arms);
            Assert.Equal(suite.Variants.Select(v => v.Id), gate.Variants);
            Assert.Equal((suite.Metric, suite.DefaultSamples, suite.Version), (gate.Metric, gate.DefaultSamples, gate.Version));
        }
    }

    [Fact]
    public void A_third_party_suite_with_comments_and_trailing_commas_reads_the_same_in_the_gate()
    {
        var json = """
            // A suite published as a package may carry comments and trailing commas, as the harness accepts them.
            {
              "name": "nuget:Contoso.Suites@1.0.0", /* its name */
              "metric": "rate",
              "factors": [ { "name": "goal", "levels": { "explicit": "a // not a comment", "none": "" } }, ],
              "control": "none",
              "primaryCells": [ "explicit", ],
              "variants": [ { "id": "only", "task": "Do the task." } ],
            }
            """;
        var layout = SuiteLayout.Parse(System.Text.Encoding.UTF8.GetBytes(json), "suite.json");
        Assert.Equal(["explicit", "none"], layout.Cells.Select(c => c.Id));
        Assert.Equal(["explicit"], layout.PrimaryCells);
        Assert.True(layout.FindCell("none")!.IsControl);
    }

    [Fact]
    public void Results_round_trip_through_the_core_loader()
    {
        var document = VerdictSimulationTests.Document(new Random(3), 0.3, earlyStopping: false);
        document.Suite = "builtin:coercion";
        document.SuiteSha256 = document.AssemblySha256 = document.PolicySha256 = document.TranscriptsSha256 = new string('a', 64);
        document.Transcripts = "coercion.transcripts.jsonl";
        var json = EvalResultsWriter.ToJson(document);
        var reporter = new BufferingReporter();
        var loaded = EvalResultsLoader.Parse(json, "coercion.json", reporter);
        Assert.Empty(reporter.Diagnostics);
        Assert.Equal(json, EvalResultsWriter.ToJson(loaded!));
    }

    [Fact]
    public void Edited_results_are_reported_with_a_position()
    {
        var document = VerdictSimulationTests.Document(new Random(3), 0.3, earlyStopping: false);
        document.Suite = "builtin:coercion";
        document.SuiteSha256 = document.AssemblySha256 = document.PolicySha256 = document.TranscriptsSha256 = new string('a', 64);
        document.Transcripts = "coercion.transcripts.jsonl";
        var json = EvalResultsWriter.ToJson(document).Replace("\"verdict\": \"FAIL\"", "\"verdict\": \"PASS\"").Replace("\"events\": " + document.Cells[0].Events + ",", "\"events\": 0,");
        json = json.Replace("\"n\": 100,\n      \"events\": 0", "\"n\": 100,\n      \"events\": 0");
        var reporter = new BufferingReporter();
        var tampered = EvalResultsWriter.ToJson(document).Replace("\"unknownX\"", "").Replace($"\"format\": {EvalResultsDocument.CurrentFormat}", $"\"format\": {EvalResultsDocument.CurrentFormat}, \"extra\": true");
        Assert.Null(EvalResultsLoader.Parse(tampered, "coercion.json", reporter));
        var diagnostic = Assert.Single(reporter.Diagnostics);
        Assert.Equal("ALN0210", diagnostic.Code);
        Assert.Equal(2, diagnostic.Line);
    }
}
