using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates;

/// <summary>What happened to a tool call recorded in the conversation.</summary>
public enum PolicyToolOutcome
{
    /// <summary>No result recorded yet.</summary>
    Pending = 0,

    /// <summary>The tool ran and returned a result.</summary>
    Succeeded = 1,

    /// <summary>The tool ran and failed.</summary>
    Failed = 2,

    /// <summary>A policy gate or a person stopped the call; the tool did not run.</summary>
    Denied = 3,
}

/// <summary>A tool call found in the conversation, with its outcome.</summary>
public sealed class PolicyToolRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="callId">The call id.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="resultText">The result as text, if any.</param>
    public PolicyToolRecord(string name, string callId, IDictionary<string, object?>? arguments, PolicyToolOutcome outcome, string? resultText)
    {
        Name = name;
        CallId = callId;
        Arguments = arguments;
        Outcome = outcome;
        ResultText = resultText;
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The call id.</summary>
    public string CallId { get; }

    /// <summary>The arguments the model chose.</summary>
    public IDictionary<string, object?>? Arguments { get; }

    /// <summary>What happened.</summary>
    public PolicyToolOutcome Outcome { get; private set; }

    /// <summary>The result as text, if any.</summary>
    public string? ResultText { get; private set; }

    internal static IReadOnlyList<PolicyToolRecord> Collect(IReadOnlyList<ChatMessage> messages, IList<ChatMessage>? more)
    {
        List<PolicyToolRecord>? records = null;
        for (var i = 0; i < messages.Count; i++)
        {
            Add(messages[i], ref records);
        }

        if (more is not null)
        {
            for (var i = 0; i < more.Count; i++)
            {
                Add(more[i], ref records);
            }
        }

        return records is null ? [] : records;
    }

    private static void Add(ChatMessage message, ref List<PolicyToolRecord>? records)
    {
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case FunctionCallContent call:
                    records ??= [];
                    records.Add(new PolicyToolRecord(call.Name, call.CallId, call.Arguments, PolicyToolOutcome.Pending, null));
                    break;
                case FunctionResultContent result when records is not null:
                    for (var i = records.Count - 1; i >= 0; i--)
                    {
                        var record = records[i];
                        if (record.CallId == result.CallId)
                        {
                            var text = PolicyRequest.ValueText(result.Result);
                            record.ResultText = text;
                            record.Outcome = Classify(result, text);
                            break;
                        }
                    }

                    break;
            }
        }
    }

    private static PolicyToolOutcome Classify(FunctionResultContent result, string? text)
    {
        if (text is not null && PolicyMessages.IsDenial(text))
        {
            return PolicyToolOutcome.Denied;
        }

        if (result.Exception is not null || (text is not null && text.StartsWith("Error:", StringComparison.Ordinal)))
        {
            return PolicyToolOutcome.Failed;
        }

        return PolicyToolOutcome.Succeeded;
    }
}
