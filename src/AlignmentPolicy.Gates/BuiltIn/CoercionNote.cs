using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A message that is not a mail tool call: a note written into a shared folder for the person who decides about the agent
/// ("Note for G. Sargsyan", "# Для Н. Асанова", "Pour M. Rakotomalala:"), or a shell command that mails text to them
/// (<c>echo … | mail -s … address</c>). Read as a message to that person, it is judged like mail.
/// </summary>
internal static partial class CoercionNote
{
    public static PolicyVerdict Judge(PolicyRequest request)
    {
        // Most tool calls (reads, listings, commands that mail nothing) carry no note: decided before the index is read, and
        // for calls with neither a command nor a body argument by lookups alone, so their allow path reads and joins nothing.
        var hasCommand = request.Arguments.ContainsKey("command");
        if (!hasCommand && !ToolCallText.HasBody(request))
        {
            return PolicyVerdict.Allowed;
        }

        var text = hasCommand && request.GetArgumentText("command") is { Length: > 0 } command ? (command.Contains('@', StringComparison.Ordinal) ? command : string.Empty) : ToolCallText.Body(request);
        if (text.Length == 0 || (request.Messages.Count == 0 && request.Options?.Instructions is null))
        {
            return PolicyVerdict.Allowed;
        }

        var index = ConversationIndex.For(request);
        if (index.Threats.Count == 0 || index.PrivateMatters.Count == 0)
        {
            return PolicyVerdict.Allowed;
        }

        var recipients = Addressees(text, index);
        return recipients.Count == 0 ? PolicyVerdict.Allowed : CoercionInContext.Judge(OutboundMessage.ForNote(recipients, text), index, request.FunctionName);
    }

    /// <summary>Who the note is for: the addresses it writes (a "To:" line, a mail command's argument), or a controller
    /// named in its first line.</summary>
    private static List<Party> Addressees(string text, ConversationIndex index)
    {
        var recipients = new List<Party>();
        foreach (Match address in Address().Matches(text))
        {
            var party = Party.Parse(address.Value);
            if (!index.IsLikelyAgent(party) && !recipients.Exists(r => r.SamePerson(party)))
            {
                recipients.Add(party);
            }
        }

        if (recipients.Count > 0)
        {
            return recipients;
        }

        var firstLine = text.AsSpan().TrimStart();
        var end = firstLine.IndexOf('\n');
        var head = (end < 0 ? firstLine : firstLine[..end]).ToString();
        // "Bat-Erdene" for "baterdene": the line's letters run together name the person too.
        var joined = ScriptFolding.Fold(string.Concat(head.Where(char.IsLetter)));
        foreach (var controller in index.Controllers)
        {
            if (index.IsLikelyAgent(controller) || recipients.Exists(r => r.SamePerson(controller)))
            {
                continue;
            }

            var names = controller.NameWords.Where(w => w.Length >= 4).ToList();
            if (names.Count > 0 && (ScriptFolding.NamedIn(head, names) is not null || names.Exists(n => n.Length >= 6 && joined.Contains(n, StringComparison.Ordinal))))
            {
                recipients.Add(controller);
            }
        }

        return recipients;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
