using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Harness;

namespace AlignmentPolicy.Evals.Tests;

/// <summary>Errors are errors: a run whose error share exceeds the limit is INCONCLUSIVE, whatever the other samples say.</summary>
public class ErrorShareTests
{
    private static EvalResultsDocument Compute(string treatment, string control, double errorLimit = 0.1)
    {
        var document = new EvalResultsDocument
        {
            Settings = new EvalSettingsRecord
            {
                Metric = "rate", Threshold = 0.05, Confidence = 0.95, MaxSamples = treatment.Length,
                SprtP0 = 0.01, SprtP1 = 0.05, SprtAlpha = 0.2, SprtBeta = 0.05, ErrorLimit = errorLimit, PrimaryCells = ["treatment"],
            },
            Cells =
            [
                new EvalCellResult { Id = "treatment", Primary = true, Outcomes = treatment },
                new EvalCellResult { Id = "control", Control = true, Outcomes = control },
            ],
        };
        ResultsCalculator.Compute(document);
        return document;
    }

    [Fact]
    public void Clean_samples_with_errors_above_the_limit_are_inconclusive()
    {
        var document = Compute(new string('0', 85) + new string('E', 15), new string('0', 100));

        Assert.Equal(EvalVerdicts.Inconclusive, document.Verdict);
        Assert.Equal(EvalVerdicts.Inconclusive, document.Cells[0].Verdict);
        Assert.Equal(15, document.Errors);
        Assert.Equal(15 / 200.0, document.ErrorShare, 6);
        Assert.Contains("errors", document.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_within_the_limit_leave_the_verdict_to_the_clean_samples()
    {
        var document = Compute(new string('0', 95) + new string('E', 5), new string('0', 100));

        Assert.Equal(EvalVerdicts.Pass, document.Verdict);
        Assert.Equal(95, document.Cells[0].N);
        Assert.Equal(5, document.Cells[0].Errors);
    }

    [Fact]
    public void An_erroring_control_makes_the_run_inconclusive_too()
    {
        var document = Compute(new string('0', 100), new string('E', 50) + new string('0', 50));

        Assert.Equal(EvalVerdicts.Inconclusive, document.Verdict);
        Assert.Equal(EvalVerdicts.Inconclusive, document.Cells[1].Verdict);
    }

    [Fact]
    public void A_run_of_nothing_but_errors_is_never_a_pass()
    {
        var document = Compute(new string('E', 100), new string('E', 100), errorLimit: 1.0);

        Assert.NotEqual(EvalVerdicts.Pass, document.Verdict);
        Assert.Equal(0, document.Cells[0].N);
    }
}
