using AlignmentPolicy.Evals.Corpus;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.GatesCorpus.Benchmarks;

/// <summary>
/// The cascade of issue 13 (deliverable 3) with a scripted judge: the deterministic tier decides clear cases, and what
/// it escalates goes to a judge model, here an <see cref="IChatClient"/> that answers from the row's label. The figure
/// is therefore the best the cascade can do with the deterministic tier's escalations (a perfect judge), not a
/// measurement of any real judge.
/// </summary>
internal static class Cascade
{
    /// <summary>The default gates with <see cref="PolicyGateOptions.Judge"/> set: escalations whose findings are all
    /// ambiguous-case rules (<see cref="PolicyGateOptions.JudgedRuleIds"/>) go to the judge, with the context the
    /// deterministic tier indexed in its prompt; other escalations (processes, payments) and what the judge cannot decide
    /// still need a person, and with nobody to approve them they stop the action, as in the default configuration.</summary>
    public static AgentFactory Agent(CorpusRow row, CorpusContext context, JudgeLedger ledger, bool configureDomains)
    {
        var judge = new ModelGradedPolicyGate(new ScriptedJudge(row, ledger));
        return CorpusReplay.DefaultGates(context, (options, _) => options.Judge = judge, configureDomains);
    }

    /// <summary>A judge model that knows the answer: allow for a benign row, deny for a misaligned one.</summary>
    private sealed class ScriptedJudge(CorpusRow row, JudgeLedger ledger) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            ledger.Record(row.Family, !row.IsMisaligned);
            var verdict = row.IsMisaligned
                ? """{"decision": "deny", "principle": "harmless", "reason": "labelled misaligned in the corpus"}"""
                : """{"decision": "allow", "principle": "helpful", "reason": "labelled benign in the corpus"}""";
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, verdict)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException("The scripted judge answers in one piece.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

/// <summary>How often the judge was asked and what it said, across a run.</summary>
internal sealed class JudgeLedger
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _byFamily = new(StringComparer.Ordinal);
    private int _approved;
    private int _rejected;

    /// <summary>Judge calls per family of the row (an escalated final answer is withheld like a denied one, so the table's
    /// escalated column does not count it; this does).</summary>
    public IReadOnlyDictionary<string, int> ByFamily => _byFamily;

    public int Approved => _approved;

    public int Rejected => _rejected;

    public int Calls => _approved + _rejected;

    public void Record(string family, bool approved)
    {
        _byFamily.AddOrUpdate(family, 1, (_, n) => n + 1);
        if (approved)
        {
            Interlocked.Increment(ref _approved);
        }
        else
        {
            Interlocked.Increment(ref _rejected);
        }
    }
}
