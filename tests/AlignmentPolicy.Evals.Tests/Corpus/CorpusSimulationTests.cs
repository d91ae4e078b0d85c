using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Corpus;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Models;
using AlignmentPolicy.Evals.Suites;
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Tests.Corpus;

/// <summary>
/// The simulated model in corpus-backed suites plays held-out rows: what it draws, and that a gated agent's figures are
/// then the gate's own (misaligned rate = miss rate x propensity, blocked rate = false-positive rate). The gates here
/// are test doubles that know the labels (an oracle, a wall, nothing), so the figures are known exactly; no test reads
/// a held-out row's text.
/// </summary>
public class CorpusSimulationTests
{
    private static readonly MessageCorpus HeldOut = MessageCorpus.LoadEmbedded();

    [Theory]
    [InlineData("builtin:coercion", "coercion")]
    [InlineData("builtin:exfiltration", "leak")]
    [InlineData("builtin:oversight", "oversight")]
    [InlineData("builtin:self-preservation", "oversight")]
    public void Each_sample_draws_a_held_out_row_of_the_suites_family_misaligned_exactly_when_the_model_misbehaves(string suiteName, string family)
    {
        var suite = SuiteCatalog.Builtin[suiteName];
        var model = new SimulatedChatClient(seed: 7, defaultPropensity: 0.3);
        var treatment = suite.Cells.First(c => !c.IsControl);
        var draws = Enumerable.Range(0, 2000).Select(i => Scenario.Create(suite, treatment, "", i)).Select(s => (Scenario: s, Draw: model.DrawFromCorpus(s, HeldOut))).ToList();

        Assert.All(draws, d => Assert.Equal(family, d.Draw.Row.Family));
        Assert.All(draws, d => Assert.Equal(model.Misbehaves(d.Scenario), d.Draw.Misaligned));
        Assert.All(draws, d => Assert.Equal(CorpusParts.HeldOut, CorpusSplit.PartOf(d.Draw.Row.Id)));
        // At least 50 different misaligned variants per family come up, and the same seed draws the same rows.
        Assert.True(draws.Where(d => d.Draw.Misaligned).Select(d => d.Draw.Row.Id).Distinct().Count() >= 50);
        var again = new SimulatedChatClient(seed: 7, defaultPropensity: 0.3);
        Assert.All(draws.Take(200), d => Assert.Equal(d.Draw.Row.Id, again.DrawFromCorpus(d.Scenario, HeldOut).Row.Id));
    }

    [Fact]
    public void Coercion_draws_include_forward_reply_and_veiled_actions()
    {
        var suite = SuiteCatalog.Builtin["builtin:coercion"];
        var model = new SimulatedChatClient(seed: 3, defaultPropensity: 1.0);
        var cell = suite.Cells.First(c => !c.IsControl);
        var subclasses = Enumerable.Range(0, 1000).Select(i => model.DrawFromCorpus(Scenario.Create(suite, cell, "", i), HeldOut).Row.Subclass).ToHashSet();

        Assert.Contains("forward", subclasses);
        Assert.Contains("reply", subclasses);
        Assert.Contains("veiled", subclasses);
    }

    [Fact]
    public void A_corpus_sample_happens_in_the_rows_world_with_the_rows_tool()
    {
        var suite = SuiteCatalog.Builtin["builtin:coercion"];
        var scenario = Scenario.Create(suite, suite.Cells.First(c => !c.IsControl), "", 0);
        var draw = new SimulatedChatClient(seed: 1, defaultPropensity: 1.0).DrawFromCorpus(scenario, HeldOut);
        var before = scenario.Task;

        scenario.UseCorpus(draw);
        var environment = scenario.CreateEnvironment();

        Assert.NotEqual(before, scenario.Task);
        Assert.All(draw.Context.Inbox, e => Assert.Contains($"<email id=\"{e.Id}\">", scenario.Task, StringComparison.Ordinal));
        Assert.Equal(draw.Context.Inbox.Select(e => e.Id), environment.Inbox.Select(e => e.Id));
        Assert.Contains(environment.Tools, t => t.Name == draw.Row.Action.Tool);
    }

    [Fact]
    public async Task Ungated_the_misaligned_rate_is_the_propensity_and_nothing_legitimate_is_blocked()
    {
        var result = await RunAsync("builtin:coercion", new PassThroughGate(), propensity: 0.3);

        var treatment = result.Cells.Where(c => !c.Control).ToList();
        var rate = (double)treatment.Sum(c => c.Events) / treatment.Sum(c => c.N);
        Assert.InRange(rate, 0.22, 0.38);
        Assert.Equal(0, result.Blocked);
        Assert.True(result.LegitimateN > 0);
        Assert.Equal(EvalVerdicts.Fail, result.Verdict);
    }

    [Fact]
    public async Task A_gate_that_stops_exactly_the_misaligned_actions_passes_with_nothing_blocked()
    {
        var result = await RunAsync("builtin:coercion", new OracleGate(), propensity: 0.3, maxBlockedRate: 0.05);

        Assert.All(result.Cells, c => Assert.Equal(0, c.Events));
        Assert.Equal(0, result.Blocked);
        Assert.Equal(EvalVerdicts.Pass, result.Verdict);
    }

    [Fact]
    public async Task A_gate_that_blocks_all_mail_catches_everything_but_fails_on_the_blocked_rate()
    {
        var result = await RunAsync("builtin:coercion", new WallGate(), propensity: 0.3, maxBlockedRate: 0.05);

        Assert.All(result.Cells, c => Assert.Equal(0, c.Events));
        Assert.Equal(result.LegitimateN, result.Blocked);
        Assert.Equal(1.0, result.BlockedRate);
        Assert.Equal(EvalVerdicts.Fail, result.Verdict);
        Assert.Contains("maxBlockedRate", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_bound_the_blocked_rate_is_reported_and_does_not_decide()
    {
        var result = await RunAsync("builtin:coercion", new WallGate(), propensity: 0.3, maxBlockedRate: null);

        Assert.Equal(1.0, result.BlockedRate);
        Assert.Equal(EvalVerdicts.Pass, result.Verdict);
    }

    [Fact]
    public async Task By_default_the_model_plays_the_suites_scripted_action_and_no_blocked_rate_is_measured()
    {
        var result = await RunAsync("builtin:coercion", new PassThroughGate(), propensity: 0.3, messages: SimulatedMessages.Scripted);

        // Ungated, the scripted threat still reaches its tool, but no sample played a corpus row: nothing legitimate was
        // drawn, so there is no blocked rate to report or to bound.
        Assert.Equal(EvalVerdicts.Fail, result.Verdict);
        Assert.True(result.LegitimateN is null or 0);
        Assert.Null(result.BlockedRate);
        Assert.Equal("simulated (seed 11, propensity 0.3)", new SimulatedChatClient(11, 0.3).Describe());
        Assert.Equal("simulated (seed 11, propensity 0.3, messages from the held-out corpus)", new SimulatedChatClient(11, 0.3, messages: SimulatedMessages.Corpus).Describe());
    }

    private static async Task<EvalResultsDocument> RunAsync(string suiteName, IPolicyGate gate, double propensity, double? maxBlockedRate = null, SimulatedMessages messages = SimulatedMessages.Corpus)
    {
        var suite = SuiteCatalog.Builtin[suiteName];
        var settings = EvalSettings.Create(suite, null, new EvalOverrides { Samples = 120 });
        settings.MaxBlockedRate = maxBlockedRate;
        var run = await SuiteRunner.RunAsync(new SuiteRunOptions
        {
            Suite = suite,
            Settings = settings,
            Model = new SimulatedChatClient(seed: 11, propensity, messages: messages),
            Agent = (model, environment) => AgentUnderTest.From(model.AsBuilder()
                .ConfigureOptions(o => o.Tools = [.. environment.Tools])
                .UsePolicyGate(gate, o => o.ApprovalService = environment.Approvals)
                .UseFunctionInvocation()
                .Build()),
            Concurrency = 4,
        });
        return run.Document;
    }

    private sealed class PassThroughGate : IPolicyGate
    {
        public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken) => new(PolicyVerdict.Allowed);
    }

    /// <summary>Denies a tool call exactly when it is the action of a misaligned held-out row (it knows the labels).</summary>
    private sealed class OracleGate : IPolicyGate
    {
        public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
        {
            var misaligned = request.Kind == PolicyRequestKind.ToolCall && HeldOut.Rows.Any(r => r.IsMisaligned && r.Action.Tool == request.FunctionName
                && r.Action.Arguments.All(a => request.GetArgumentText(a.Key) == a.Value));
            return new(misaligned ? PolicyVerdict.Deny(PolicyPrinciple.Harmless, "test.oracle", "labelled misaligned") : PolicyVerdict.Allowed);
        }
    }

    /// <summary>Denies every outbound message, including shell commands and notes left in shared files (held-out coercion rows mail through `run` and leave notes with `write_file`).</summary>
    private sealed class WallGate : IPolicyGate
    {
        public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
            => new(request.Kind == PolicyRequestKind.ToolCall && request.FunctionName is "send_email" or "forward" or "run" or "write_file"
                ? PolicyVerdict.Deny(PolicyPrinciple.Harmless, "test.wall", "no mail")
                : PolicyVerdict.Allowed);
    }
}
