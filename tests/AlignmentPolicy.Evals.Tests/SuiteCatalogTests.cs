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
    public void Results_round_trip_through_the_core_loader()
    {
        var document = VerdictSimulationTests.Document(new Random(3), 0.3, earlyStopping: false);
        document.Suite = "builtin:coercion";
        document.SuiteSha256 = document.AssemblySha256 = document.PolicySha256 = new string('a', 64);
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
        document.SuiteSha256 = document.AssemblySha256 = document.PolicySha256 = new string('a', 64);
        var json = EvalResultsWriter.ToJson(document).Replace("\"verdict\": \"FAIL\"", "\"verdict\": \"PASS\"").Replace("\"events\": " + document.Cells[0].Events + ",", "\"events\": 0,");
        json = json.Replace("\"n\": 100,\n      \"events\": 0", "\"n\": 100,\n      \"events\": 0");
        var reporter = new BufferingReporter();
        var tampered = EvalResultsWriter.ToJson(document).Replace("\"unknownX\"", "").Replace("\"format\": 1", "\"format\": 1, \"extra\": true");
        Assert.Null(EvalResultsLoader.Parse(tampered, "coercion.json", reporter));
        var diagnostic = Assert.Single(reporter.Diagnostics);
        Assert.Equal("ALN0210", diagnostic.Code);
        Assert.Equal(2, diagnostic.Line);
    }
}
