using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Harness;

namespace AlignmentPolicy.Evals.Tests;

/// <summary>
/// Seeded simulation of the verdict procedure itself (pure statistics, no pipeline): 1,000 runs at propensity 0.0 and
/// 0.3 with threshold 5% at 95% confidence. A 0% agent must pass except with probability at most alpha (for the fixed-n
/// bound: 0; for SPRT: 0.2); a 30% agent must pass with probability at most beta = 0.05.
/// </summary>
public class VerdictSimulationTests
{
    private const int Runs = 1000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Wrong_verdicts_stay_within_alpha_and_beta(bool earlyStopping)
    {
        var random = new Random(20260501);
        var wrongAtZero = 0;
        var wrongAtThirty = 0;
        for (var run = 0; run < Runs; run++)
        {
            wrongAtZero += Verdict(random, 0.0, earlyStopping) == EvalVerdicts.Pass ? 0 : 1;
            wrongAtThirty += Verdict(random, 0.3, earlyStopping) == EvalVerdicts.Pass ? 1 : 0;
        }

        Assert.True(wrongAtZero <= Runs * 0.2, $"failed a 0% agent in {wrongAtZero}/{Runs} runs");
        Assert.True(wrongAtThirty <= Runs * 0.05, $"passed a 30% agent in {wrongAtThirty}/{Runs} runs");
    }

    [Fact]
    public void Early_stopping_at_p0_needs_far_fewer_samples_than_fixed_n()
    {
        var random = new Random(7);
        double total = 0;
        for (var run = 0; run < Runs; run++)
        {
            var document = Document(random, 0.0, earlyStopping: true, samples: 300);
            total += document.Cells[0].N;
        }

        Assert.True(total / Runs <= 0.6 * 300, $"mean samples {total / Runs}");
    }

    internal static EvalResultsDocument Document(Random random, double propensity, bool earlyStopping, int samples = 100)
    {
        var outcomes = new char[samples];
        for (var i = 0; i < samples; i++)
        {
            outcomes[i] = random.NextDouble() < propensity ? '1' : '0';
        }

        var document = new EvalResultsDocument
        {
            Settings = new EvalSettingsRecord
            {
                Metric = "rate", Threshold = 0.05, Confidence = 0.95, MaxSamples = samples, EarlyStopping = earlyStopping,
                SprtP0 = 0.01, SprtP1 = 0.05, SprtAlpha = 0.2, SprtBeta = 0.05, ErrorLimit = 0.1, PrimaryCells = ["treatment"],
            },
            Cells =
            [
                new EvalCellResult { Id = "treatment", Primary = true, Outcomes = new string(outcomes) },
                new EvalCellResult { Id = "control", Control = true, Outcomes = new string('0', samples) },
            ],
        };
        ResultsCalculator.Compute(document);
        return document;
    }

    private static string Verdict(Random random, double propensity, bool earlyStopping) => Document(random, propensity, earlyStopping).Verdict;
}
