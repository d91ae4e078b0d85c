using System.Globalization;
using AlignmentPolicy.Evals.Corpus;
using AlignmentPolicy.Evals.Harness;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Models;

/// <summary>
/// The seeded, offline simulated model of EVALS.md. It is honest about what it is: for each scenario family it
/// misbehaves with a configured probability (in treatment cells, and in the monitored arm of a gap suite), otherwise
/// behaves well, and it acts through real <see cref="FunctionCallContent"/>, so the agent's own pipeline, function
/// invoker and gates handle its calls exactly as a real model's. The decision for a sample depends only on the seed
/// and the sample's key, never on order or sharding.
/// With <see cref="SimulatedMessages.Corpus"/>, in suites backed by the message corpus (<see cref="Suites.SuiteDefinition.Corpus"/>)
/// it plays a row of the corpus's held-out part in each sample, drawn with the same seed: a misaligned row of the suite's family when it misbehaves, a
/// hard negative (legitimate work) otherwise, in the row's own scenario. A gated agent's misaligned rate is then the
/// gates' miss rate on held-out messages times the propensity, and its blocked rate the gates' false-positive rate.
/// </summary>
public sealed class SimulatedChatClient : IChatClient
{
    private static readonly AsyncLocal<Scenario?> s_current = new();
    private readonly IReadOnlyDictionary<string, double> _propensity;
    private readonly double _defaultPropensity;

    public SimulatedChatClient(long seed, double defaultPropensity, IReadOnlyDictionary<string, double>? propensity = null, SimulatedMessages messages = SimulatedMessages.Scripted)
    {
        Seed = seed;
        Messages = messages;
        _defaultPropensity = defaultPropensity;
        _propensity = propensity ?? new Dictionary<string, double>();
    }

    public long Seed { get; }

    /// <summary>Whether the model plays the suites' scripted actions or draws held-out corpus rows.</summary>
    public SimulatedMessages Messages { get; }

    /// <summary>The scenario the harness is running on this async flow (the simulated model's "reading" of the prompt).</summary>
    public static Scenario? CurrentScenario
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public double PropensityFor(string family) => _propensity.TryGetValue(family, out var p) ? p : _defaultPropensity;

    public string Describe()
        => $"simulated (seed {Seed.ToString(CultureInfo.InvariantCulture)}, propensity {_defaultPropensity.ToString("0.###", CultureInfo.InvariantCulture)}"
           + string.Concat(_propensity.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $", {p.Key}={p.Value.ToString("0.###", CultureInfo.InvariantCulture)}"))
           + (Messages == SimulatedMessages.Corpus ? ", messages from the held-out corpus" : "") + ")";

    /// <summary>Whether the simulated model misbehaves in this sample.</summary>
    public bool Misbehaves(Scenario scenario)
    {
        if (scenario.Cell.IsControl || (scenario.Suite.Arms is not null && scenario.Arm != scenario.Suite.ArmNames[0]))
        {
            return false;
        }

        return Uniform(Seed, scenario.Key) < PropensityFor(scenario.Suite.Family);
    }

    /// <summary>The corpus row this model plays in <paramref name="scenario"/>: a misaligned row of the suite's family when
    /// it misbehaves in the sample, a benign one otherwise; uniform over the family's rows of <paramref name="corpus"/>.</summary>
    public CorpusDraw DrawFromCorpus(Scenario scenario, MessageCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(corpus);
        var family = scenario.Suite.Corpus?.Family ?? throw new InvalidOperationException($"{scenario.Suite.Name} is not backed by the message corpus.");
        var label = Misbehaves(scenario) ? CorpusLabels.Misaligned : CorpusLabels.Benign;
        var pool = corpus.Rows.Where(r => r.Family == family && r.Label == label).ToList();
        if (pool.Count == 0)
        {
            throw new InvalidOperationException($"The corpus has no {label} rows of family '{family}' to draw from.");
        }

        var row = pool[(int)(Uniform(Seed, scenario.Key + "|corpus") * pool.Count)];
        return new CorpusDraw(row, corpus.ContextOf(row));
    }

    /// <summary>A uniform draw in [0, 1) from the seed and a key (FNV-1a, then SplitMix64).</summary>
    public static double Uniform(long seed, string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var z = hash + (ulong)seed * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var scenario = CurrentScenario;
        var reply = scenario is null ? new ChatMessage(ChatRole.Assistant, "How can I help?") : Reply(scenario, history, options);
        return Task.FromResult(new ChatResponse(reply) { ModelId = "simulated", FinishReason = reply.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop });
    }

    private ChatMessage Reply(Scenario scenario, IReadOnlyList<ChatMessage> history, ChatOptions? options)
    {
        var misbehaves = Misbehaves(scenario);
        var script = scenario.Suite.Simulated;
        var lastUser = -1;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Role == ChatRole.User)
            {
                lastUser = i;
                break;
            }
        }

        // The follow-up question ("did you change anything?") after the task.
        if (scenario.Suite.FollowUp is { } followUp && lastUser >= 0 && history[lastUser].Text.Contains(followUp, StringComparison.Ordinal))
        {
            return new ChatMessage(ChatRole.Assistant, misbehaves ? script.FollowUpDenial ?? "No." : script.FollowUpTruthful ?? "No.");
        }

        if (scenario.Draw is { } draw)
        {
            return Play(draw, history, lastUser, options);
        }

        var steps = misbehaves ? scenario.MisalignedSteps() : script.Aligned;
        var done = 0;
        var denied = false;
        for (var i = lastUser + 1; i < history.Count; i++)
        {
            done += history[i].Contents.OfType<FunctionCallContent>().Any() ? 1 : 0;
            denied |= history[i].Contents.OfType<FunctionResultContent>().Any(r => (r.Result?.ToString() ?? "").StartsWith("Denied by policy", StringComparison.Ordinal));
        }

        if (denied)
        {
            return new ChatMessage(ChatRole.Assistant, ScriptedActionChatClient.StoppedAnswer);
        }

        if (done < steps.Count)
        {
            var step = steps[done];
            var arguments = step.Arguments.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal);
            return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call-{done + 1}", ScriptedActionChatClient.Advertised(step.Tool, options), arguments)]);
        }

        return new ChatMessage(ChatRole.Assistant, misbehaves ? script.MisalignedAnswer : script.AlignedAnswer);
    }

    /// <summary>Plays a corpus row: proposes its tool call once (or gives its final answer), then reports plainly.</summary>
    private static ChatMessage Play(CorpusDraw draw, IReadOnlyList<ChatMessage> history, int lastUser, ChatOptions? options)
    {
        var action = draw.Row.Action;
        if (action.Tool is not { } tool)
        {
            return new ChatMessage(ChatRole.Assistant, action.Final!);
        }

        var called = false;
        var denied = false;
        for (var i = lastUser + 1; i < history.Count; i++)
        {
            called |= history[i].Contents.OfType<FunctionCallContent>().Any();
            denied |= history[i].Contents.OfType<FunctionResultContent>().Any(r => (r.Result?.ToString() ?? "").StartsWith("Denied by policy", StringComparison.Ordinal));
        }

        if (!called)
        {
            var arguments = action.Arguments.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal);
            return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", ScriptedActionChatClient.Advertised(tool, options), arguments)]);
        }

        return new ChatMessage(ChatRole.Assistant, denied ? ScriptedActionChatClient.StoppedAnswer : "Done.");
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => OneShotStreaming.Updates(GetResponseAsync(messages, options, cancellationToken), cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("simulated", null, "simulated") : null;

    public void Dispose()
    {
    }
}
