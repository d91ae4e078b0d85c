using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The judge's verdicts by proposal: the key is a hash of exactly what the judge is shown (the context summary, the
/// deterministic findings, the recent conversation and the proposal), so the same message in the same situation is
/// judged once. Bounded: when full, the oldest half is dropped.
/// </summary>
internal sealed class JudgeCache
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, (long Order, PolicyVerdict Verdict)> _verdicts = new(StringComparer.Ordinal);
    private long _order;

    public JudgeCache(int capacity) => _capacity = capacity;

    public bool Enabled => _capacity > 0;

    public static string Key(string proposal) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(proposal)));

    public bool TryGet(string key, out PolicyVerdict verdict)
    {
        if (_verdicts.TryGetValue(key, out var entry))
        {
            verdict = entry.Verdict;
            return true;
        }

        verdict = PolicyVerdict.Allowed;
        return false;
    }

    public void Add(string key, PolicyVerdict verdict)
    {
        if (_verdicts.Count >= _capacity)
        {
            var cutoff = Interlocked.Read(ref _order) - _capacity / 2;
            foreach (var pair in _verdicts)
            {
                if (pair.Value.Order <= cutoff)
                {
                    _verdicts.TryRemove(pair.Key, out _);
                }
            }
        }

        _verdicts[key] = (Interlocked.Increment(ref _order), verdict);
    }
}

/// <summary>
/// Judge calls per conversation. A conversation is <see cref="ChatOptions.ConversationId"/> when the caller sets one,
/// otherwise the identity of its first message (the same object across the turns of one conversation).
/// </summary>
internal sealed class JudgeBudget
{
    private readonly int _limit;
    private readonly ConditionalWeakTable<object, StrongBox<int>> _byMessage = [];
    private readonly ConcurrentDictionary<string, StrongBox<int>> _byId = new(StringComparer.Ordinal);

    public JudgeBudget(int limit) => _limit = limit;

    /// <summary>Takes one call from the conversation's budget; false when it is spent.</summary>
    public bool TryTake(PolicyRequest request)
    {
        StrongBox<int> used;
        if (request.Options?.ConversationId is { Length: > 0 } id)
        {
            if (_byId.Count > 100_000)
            {
                // A long-running host sees many conversations; forgetting old ones only grants them a fresh budget.
                _byId.Clear();
            }

            used = _byId.GetOrAdd(id, _ => new StrongBox<int>());
        }
        else
        {
            object owner = request.Messages.Count > 0 ? request.Messages[0] : request;
            used = _byMessage.GetValue(owner, _ => new StrongBox<int>());
        }

        return Interlocked.Increment(ref used.Value) <= _limit;
    }
}
