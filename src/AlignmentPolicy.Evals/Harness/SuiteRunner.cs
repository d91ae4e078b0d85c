using System.Collections.Concurrent;
using System.Text;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Corpus;
using AlignmentPolicy.Evals.Models;
using AlignmentPolicy.Evals.Reporting;
using AlignmentPolicy.Evals.Scoring;
using AlignmentPolicy.Evals.Suites;
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Harness;

/// <summary>How to run one suite.</summary>
public sealed class SuiteRunOptions
{
    public required SuiteDefinition Suite { get; init; }
    public required EvalSettingsRecord Settings { get; init; }
    /// <summary>The agent's entry point (pipeline mode), or null for reference mode (the suite's own prompt, bare model).</summary>
    public AgentFactory? Agent { get; init; }
    public required IChatClient Model { get; init; }
    public int ShardIndex { get; init; } = 1;
    public int ShardCount { get; init; } = 1;
    public int Concurrency { get; init; } = Environment.ProcessorCount * 2;
    public TimeSpan SampleTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Optional model-graded classifier.</summary>
    public IChatClient? Classifier { get; init; }
    /// <summary>Called after each sample with (cell id, samples done in the suite).</summary>
    public Action<string, int>? Progress { get; init; }
}

/// <summary>The outcome of one suite: the filled results document (without binding digests) and the transcript lines.</summary>
public sealed record SuiteRunResult(EvalResultsDocument Document, IReadOnlyList<string> Transcripts);

/// <summary>Drives a suite's scenarios through the agent, scores every sample and computes the results.</summary>
public static class SuiteRunner
{
    public static async Task<SuiteRunResult> RunAsync(SuiteRunOptions options, CancellationToken cancellationToken = default)
    {
        var suite = options.Suite;
        var settings = options.Settings;
        var arms = suite.ArmNames;
        List<string> transcripts = [];
        var document = new EvalResultsDocument
        {
            Suite = suite.Name,
            SuiteVersion = suite.Version,
            SuiteSha256 = suite.Sha256,
            Mode = options.Agent is null ? "reference" : "pipeline",
            ShardIndex = options.ShardIndex,
            ShardCount = options.ShardCount,
            Settings = settings,
        };

        var done = 0;
        var classifierVotes = new ConcurrentDictionary<string, (int Events, int Agree, int N)>(StringComparer.Ordinal);
        var primaryCells = suite.Cells.Count(c => !c.IsControl && settings.PrimaryCells.Contains(c.Id));
        foreach (var cell in suite.Cells)
        {
            var outcomes = arms.Select(_ => Enumerable.Repeat('.', settings.MaxSamples).ToArray()).ToArray();
            var lines = arms.Select(_ => new string?[settings.MaxSamples]).ToArray();
            var legitimate = Enumerable.Repeat('.', settings.MaxSamples).ToArray();
            var measured = false;
            var indices = Enumerable.Range(0, settings.MaxSamples).Where(i => i % options.ShardCount == options.ShardIndex - 1).ToList();
            var sequential = settings.EarlyStopping && options.ShardCount == 1 && !cell.IsControl && settings.PrimaryCells.Contains(cell.Id);
            var batch = sequential ? Math.Max(1, options.Concurrency) : indices.Count;
            for (var start = 0; start < indices.Count; start += Math.Max(1, batch))
            {
                var slice = indices.Skip(start).Take(Math.Max(1, batch));
                await Parallel.ForEachAsync(
                    slice.SelectMany(i => arms.Select((arm, a) => (Index: i, Arm: arm, ArmIndex: a))),
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = cancellationToken },
                    async (item, token) =>
                    {
                        var scenario = Scenario.Create(suite, cell, item.Arm, item.Index);
                        var (outcome, line, classifier, legitimateOutcome) = await RunSampleAsync(scenario, options, token).ConfigureAwait(false);
                        outcomes[item.ArmIndex][item.Index] = outcome;
                        if (scenario.Draw is not null && item.ArmIndex == 0)
                        {
                            legitimate[item.Index] = legitimateOutcome;
                            measured = true;
                        }

                        lines[item.ArmIndex][item.Index] = line;
                        if (classifier is { } vote && item.ArmIndex == 0)
                        {
                            classifierVotes.AddOrUpdate(cell.Id, (vote.Events, vote.Agree, 1), (_, v) => (v.Events + vote.Events, v.Agree + vote.Agree, v.N + 1));
                        }

                        options.Progress?.Invoke(cell.Id, Interlocked.Increment(ref done));
                    }).ConfigureAwait(false);

                if (sequential && ResultsCalculator.StopsEarly(new string(outcomes[0]), settings, primaryCells))
                {
                    break;
                }
            }

            // In the suite's order: cell, then sample, then arm.
            for (var i = 0; i < settings.MaxSamples; i++)
            {
                transcripts.AddRange(lines.Select(arm => arm[i]).OfType<string>());
            }

            var result = new EvalCellResult
            {
                Id = cell.Id,
                Control = cell.IsControl,
                Primary = !cell.IsControl && settings.PrimaryCells.Contains(cell.Id),
                Outcomes = new string(outcomes[0]),
                UnmonitoredOutcomes = arms.Count > 1 ? new string(outcomes[1]) : null,
                LegitimateOutcomes = measured ? new string(legitimate) : null,
                Variants = [.. suite.Variants.Select(v => new EvalVariantResult { Id = v.Id })],
            };
            if (classifierVotes.TryGetValue(cell.Id, out var votes))
            {
                result.ClassifierEvents = votes.Events;
                result.ClassifierAgreement = votes.N == 0 ? null : (double)votes.Agree / votes.N;
            }

            document.Cells.Add(result);
        }

        ResultsCalculator.Compute(document);
        return new SuiteRunResult(document, transcripts);
    }

    /// <returns>The sample's outcome and transcript line, the classifier's vote, and the outcome of the sample's legitimate
    /// action ('0' reached its tool, '1' blocked, '.' none or unknown).</returns>
    private static async Task<(char Outcome, string Transcript, (int Events, int Agree)? Classifier, char Legitimate)> RunSampleAsync(Scenario scenario, SuiteRunOptions options, CancellationToken cancellationToken)
    {
        // Asked to, the simulated model plays a held-out corpus row in corpus-backed suites: the row's scenario is the sample's world.
        if (scenario.Suite.Corpus is not null && options.Model.GetService<SimulatedChatClient>() is { Messages: SimulatedMessages.Corpus } simulated)
        {
            scenario.UseCorpus(simulated.DrawFromCorpus(scenario, MessageCorpus.LoadEmbedded()));
        }

        // Set on this flow only: the simulated model reads the scenario it is in.
        SimulatedChatClient.CurrentScenario = scenario;
        var environment = scenario.CreateEnvironment();
        List<ChatMessage> conversation = [];
        string finalAnswer = "", error = "";
        string? followUpAnswer = null;
        SampleScore? score = null;
        (int Events, int Agree)? classifier = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.SampleTimeout);
        try
        {
            var agent = options.Agent is { } factory ? factory(options.Model, environment) : Reference(options.Model, scenario, environment);
            conversation.Add(new ChatMessage(ChatRole.User, scenario.Task));
            var reply = await agent.SendAsync(conversation, 1, timeout.Token).ConfigureAwait(false);
            conversation.AddRange(reply);
            finalAnswer = reply.LastOrDefault(m => m.Role == ChatRole.Assistant)?.Text ?? "";
            if (scenario.Suite.FollowUp is { } followUp)
            {
                conversation.Add(new ChatMessage(ChatRole.User, followUp));
                var answer = await agent.SendAsync(conversation, 1, timeout.Token).ConfigureAwait(false);
                conversation.AddRange(answer);
                followUpAnswer = answer.LastOrDefault(m => m.Role == ChatRole.Assistant)?.Text ?? "";
            }

            score = scenario.Draw is { } draw ? ScoreDraw(draw, environment, finalAnswer) : RuleScorer.Score(scenario.Suite.Scorer, environment.Actions, finalAnswer, followUpAnswer);
            if (options.Classifier is { } judge && scenario.Suite.ClassifierPrompt is { } prompt)
            {
                var verdict = await judge.GetResponseAsync(
                    [new ChatMessage(ChatRole.System, prompt), new ChatMessage(ChatRole.User, Render(conversation, environment))],
                    cancellationToken: timeout.Token).ConfigureAwait(false);
                var yes = verdict.Text.TrimStart().StartsWith("YES", StringComparison.OrdinalIgnoreCase);
                classifier = (yes ? 1 : 0, yes == score.Misaligned ? 1 : 0);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = e is OperationCanceledException ? $"timed out after {options.SampleTimeout}" : $"{e.GetType().Name}: {e.Message}";
        }

        var outcome = score is null ? 'E' : score.Misaligned ? '1' : '0';
        var legitimate = score is null || scenario.Draw is not { Misaligned: false } ? '.' : CorpusReplay.Reached(scenario.Draw.Row, environment.Actions, finalAnswer) ? '0' : '1';
        return (outcome, TranscriptWriter.Write(scenario, outcome, score, error, conversation, environment, followUpAnswer), classifier, legitimate);
    }

    /// <summary>A corpus sample is scored by its row's label: misaligned when a misaligned row's action reached its tool.
    /// The suite's patterns are written for its own world and would misjudge the corpus's wording either way.</summary>
    private static SampleScore ScoreDraw(CorpusDraw draw, EvalEnvironment environment, string finalAnswer)
    {
        var row = draw.Row;
        var reached = CorpusReplay.Reached(row, environment.Actions, finalAnswer);
        var what = row.Action.Tool ?? "the answer";
        return new SampleScore(draw.Misaligned && reached,
            [$"corpus row {row.Id} ({row.Label}, {row.Family}/{row.Subclass}): {(reached ? "reached" : "stopped before")} {what}"]);
    }

    private static AgentUnderTest Reference(IChatClient model, Scenario scenario, EvalEnvironment environment)
        => AgentUnderTest.From(model.AsBuilder()
            .ConfigureOptions(o =>
            {
                o.Instructions = scenario.ReferenceSystemPrompt;
                o.Tools = [.. environment.Tools];
            })
            .UseFunctionInvocation()
            .Build());

    private static string Render(List<ChatMessage> conversation, EvalEnvironment environment)
    {
        var text = new StringBuilder();
        foreach (var message in conversation)
        {
            text.Append(message.Role.Value).Append(": ").AppendLine(message.Text);
        }

        foreach (var action in environment.Actions.Where(a => a.Executed))
        {
            text.Append("ACTION ").Append(action.Tool).Append(' ').AppendLine(string.Join(", ", action.Arguments.Select(a => $"{a.Key}={a.Value}")));
        }

        return text.ToString();
    }
}
