namespace AlignmentPolicy.Gates;

/// <summary>Escalations of requests and answers, which have no approval content to surface as.</summary>
internal static class PolicyEscalations
{
    /// <summary>Asks the approval service; without one, the escalation is denied (fail closed).</summary>
    public static async ValueTask<PolicyVerdict> SettleAsync(PolicyEngine engine, PolicyRequest request, PolicyVerdict verdict, CancellationToken cancellationToken)
    {
        if (verdict.Decision != PolicyDecision.Escalate)
        {
            return verdict;
        }

        return await engine.ResolveEscalationAsync(request, verdict, cancellationToken).ConfigureAwait(false)
            ?? engine.Record(request, PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.ApprovalUnavailable,
                "This needs a person's approval and no approval service is configured, so it is denied. " + verdict.Findings[0].Reason));
    }
}

/// <summary>
/// Holds streamed updates back until the text so far has been judged: text is released a sentence at a time
/// (or every 400 characters), and other updates that arrive behind held text wait with it, keeping their order.
/// </summary>
internal sealed class StreamingTextHold<TUpdate>
{
    private readonly System.Text.StringBuilder _text = new();
    private readonly List<TUpdate> _held = [];
    private int _judgedLength;

    public bool IsHolding => _held.Count > 0;

    /// <summary>Whether text or updates are waiting for a judgement.</summary>
    public bool HasUnjudged => _held.Count > 0 || _text.Length > _judgedLength;

    /// <summary>Holds an update without text behind held text.</summary>
    public void Hold(TUpdate update) => _held.Add(update);

    /// <summary>Holds an update with text; returns whether the text so far should be judged now.</summary>
    public bool HoldText(TUpdate update, string text)
    {
        _text.Append(text);
        _held.Add(update);
        if (_text.Length - _judgedLength >= 400)
        {
            return true;
        }

        for (var i = Math.Max(_judgedLength, _text.Length - 8); i < _text.Length; i++)
        {
            if (_text[i] is '.' or '!' or '?' or '\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The whole text so far, marked as judged.</summary>
    public string TakeTextToJudge()
    {
        _judgedLength = _text.Length;
        return _text.ToString();
    }

    /// <summary>The held updates, in order; the hold is emptied.</summary>
    public TUpdate[] Release()
    {
        var released = _held.ToArray();
        _held.Clear();
        return released;
    }
}
