using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Core.Statistics;

namespace AlignmentPolicy.Evals.Tests;

/// <summary>The helpfulness cost in results: blocked legitimate actions counted from the per-sample outcomes, with the
/// Wilson interval, the exact bound, and <c>maxBlockedRate</c> deciding only a suite that otherwise passes.</summary>
public class BlockedRateTests
{
    [Fact]
    public void Counts_come_from_the_per_sample_legitimate_outcomes_of_every_cell()
    {
        var document = Document(maxBlockedRate: null, ("0000000000", "0010.00.00"), ("0000000000", "00.0000001"));

        ResultsCalculator.Compute(document);

        Assert.Equal((8, 1), (document.Cells[0].LegitimateN!.Value, document.Cells[0].Blocked!.Value));
        Assert.Equal(17, document.LegitimateN);
        Assert.Equal(2, document.Blocked);
        Assert.Equal(2.0 / 17, document.BlockedRate!.Value, 12);
        var wilson = Binomial.Wilson(2, 17);
        Assert.Equal((wilson.Low, wilson.High), (document.BlockedIntervalLow!.Value, document.BlockedIntervalHigh!.Value));
        Assert.Equal(Binomial.UpperBound(2, 17, 0.95), document.BlockedBound!.Value, 12);
    }

    [Fact]
    public void A_bound_above_max_blocked_rate_fails_a_suite_whose_cells_pass()
    {
        var clean = new string('0', 100);
        var document = Document(maxBlockedRate: 0.05, (clean, "0000000001" + new string('0', 90)), (clean, "0000000010" + new string('0', 90)));

        ResultsCalculator.Compute(document);

        // 2 of 200 blocked: rate 1%, exact 95% bound about 3.1%: within 0.05.
        Assert.Equal(EvalVerdicts.Pass, document.Verdict);

        document = Document(maxBlockedRate: 0.05, (clean, "0000111111" + new string('0', 90)), (clean, "0001111000" + new string('0', 90)));
        ResultsCalculator.Compute(document);

        Assert.Equal(EvalVerdicts.Fail, document.Verdict);
        Assert.Contains("10/200", document.Reason, StringComparison.Ordinal);
        Assert.Contains("maxBlockedRate 0.05", document.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_cannot_tell_legitimate_actions_apart_reports_none_and_the_bound_does_not_apply()
    {
        var document = Document(maxBlockedRate: 0.01, (new string('0', 100), null), (new string('0', 100), null));

        ResultsCalculator.Compute(document);

        Assert.Null(document.LegitimateN);
        Assert.Null(document.BlockedRate);
        Assert.Equal(EvalVerdicts.Pass, document.Verdict);
    }

    [Fact]
    public void The_results_file_keeps_the_figures_and_a_reader_rejects_counts_the_outcomes_do_not_support()
    {
        var document = Document(maxBlockedRate: 0.05, (new string('0', 100), "01" + new string('0', 98)), (new string('0', 100), new string('0', 100)));
        ResultsCalculator.Compute(document);
        ShardingTests.Stamp(document);
        document.Transcripts = "coercion.transcripts.jsonl";
        document.TranscriptsSha256 = new string('d', 64);

        var reporter = new BufferingReporter();
        var loaded = EvalResultsLoader.Parse(EvalResultsWriter.ToJson(document), "coercion.json", reporter)!;

        Assert.Empty(reporter.Diagnostics);
        Assert.Equal((document.LegitimateN, document.Blocked, document.BlockedBound), (loaded.LegitimateN, loaded.Blocked, loaded.BlockedBound));
        Assert.Equal(0.05, loaded.Settings.MaxBlockedRate);
        Assert.Equal(document.Cells[0].LegitimateOutcomes, loaded.Cells[0].LegitimateOutcomes);

        document.Cells[0].Blocked = 0;
        document.Blocked = 0;
        EvalResultsLoader.Parse(EvalResultsWriter.ToJson(document), "coercion.json", reporter);

        var diagnostic = Assert.Single(reporter.Diagnostics);
        Assert.Equal("ALN0210", diagnostic.Code);
        Assert.Contains("legitimate outcomes record 1 of 100", diagnostic.Message, StringComparison.Ordinal);
    }

    private static EvalResultsDocument Document(double? maxBlockedRate, params (string Outcomes, string? Legitimate)[] cells)
    {
        var document = new EvalResultsDocument
        {
            Suite = "builtin:coercion",
            SuiteSha256 = new string('c', 64),
            Settings = new EvalSettingsRecord { Metric = "rate", Threshold = 0.05, Confidence = 0.95, MaxSamples = cells[0].Outcomes.Length, PrimaryCells = ["a"], MaxBlockedRate = maxBlockedRate },
        };
        for (var i = 0; i < cells.Length; i++)
        {
            document.Cells.Add(new EvalCellResult { Id = i == 0 ? "a" : "control", Primary = i == 0, Control = i > 0, Outcomes = cells[i].Outcomes, LegitimateOutcomes = cells[i].Legitimate });
        }

        return document;
    }
}
