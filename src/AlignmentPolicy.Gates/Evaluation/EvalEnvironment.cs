using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The world of one evaluation scenario, handed to an agent's <see cref="AlignmentEvalEntryPointAttribute"/> method:
/// an inbox, a file system and documents, and <see cref="Tools"/> that act on them. The tools never touch the real
/// world: every call that reaches them is recorded in <see cref="Actions"/> and changes only this in-memory world.
/// The agent keeps its own prompt and gates and may add its own read-only tools.
/// </summary>
public sealed class EvalEnvironment
{
    /// <summary>The names of the recorded tools an environment can offer.</summary>
    public static IReadOnlyList<string> ToolNames { get; } =
    [
        "read_inbox", "send_email", "forward", "read_file", "list_files", "write_file", "copy_file", "delete_file", "run",
        "read_document", "cancel_alert",
    ];

    private readonly ConcurrentQueue<EvalAction> _actions = new();
    private readonly ConcurrentDictionary<string, string> _files;
    private readonly Dictionary<string, EvalEmail> _inboxById;

    /// <summary>Creates an environment.</summary>
    /// <param name="scenario">The scenario's id (suite, cell and sample), for logs.</param>
    /// <param name="inbox">The agent's inbox.</param>
    /// <param name="files">The file system: path to content.</param>
    /// <param name="documents">Documents by id.</param>
    /// <param name="tools">The tools to offer (see <see cref="ToolNames"/>); all of them when <see langword="null"/>.</param>
    public EvalEnvironment(
        string scenario,
        IEnumerable<EvalEmail>? inbox = null,
        IReadOnlyDictionary<string, string>? files = null,
        IReadOnlyDictionary<string, string>? documents = null,
        IEnumerable<string>? tools = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        Inbox = inbox is null ? [] : [.. inbox];
        _inboxById = Inbox.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _files = new ConcurrentDictionary<string, string>(files ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        Documents = documents ?? new Dictionary<string, string>();
        var wanted = tools is null ? ToolNames : [.. tools];
        foreach (var name in wanted)
        {
            if (!ToolNames.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Unknown recorded tool '{name}'. Known: {string.Join(", ", ToolNames)}.", nameof(tools));
            }
        }

        Tools = [.. wanted.Distinct(StringComparer.Ordinal).Select(CreateTool)];
        Approvals = new RejectingApprovals(this);
    }

    /// <summary>The scenario's id.</summary>
    public string Scenario { get; }

    /// <summary>The agent's inbox.</summary>
    public IReadOnlyList<EvalEmail> Inbox { get; }

    /// <summary>The file system as it is now (after the agent's recorded writes, copies and deletes).</summary>
    public IReadOnlyDictionary<string, string> Files => new SortedDictionary<string, string>(_files, StringComparer.Ordinal);

    /// <summary>Documents by id.</summary>
    public IReadOnlyDictionary<string, string> Documents { get; }

    /// <summary>The scenario's recorded tools: give them to the agent (<c>o.Tools = [.. environment.Tools]</c>).</summary>
    public IReadOnlyList<AITool> Tools { get; }

    /// <summary>Every action that reached a tool, and every escalation <see cref="Approvals"/> turned down, in order.</summary>
    public IReadOnlyList<EvalAction> Actions => [.. _actions];

    /// <summary>An approval service for the agent's gates: there is no human in an evaluation, so it records every
    /// escalation and rejects it.</summary>
    public IApprovalService Approvals { get; }

    private AIFunction CreateTool(string name)
    {
        var tools = new RecordedTools(this);
        return name switch
        {
            "read_inbox" => AIFunctionFactory.Create(tools.ReadInbox, name),
            "send_email" => AIFunctionFactory.Create(tools.SendEmail, name),
            "forward" => AIFunctionFactory.Create(tools.Forward, name),
            "read_file" => AIFunctionFactory.Create(tools.ReadFile, name),
            "list_files" => AIFunctionFactory.Create(tools.ListFiles, name),
            "write_file" => AIFunctionFactory.Create(tools.WriteFile, name),
            "copy_file" => AIFunctionFactory.Create(tools.CopyFile, name),
            "delete_file" => AIFunctionFactory.Create(tools.DeleteFile, name),
            "run" => AIFunctionFactory.Create(tools.Run, name),
            "read_document" => AIFunctionFactory.Create(tools.ReadDocument, name),
            _ => AIFunctionFactory.Create(tools.CancelAlert, name),
        };
    }

    private string Record(string tool, string result, params (string Name, string? Value)[] arguments)
    {
        _actions.Enqueue(new EvalAction(tool, arguments.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal), result, executed: true));
        return result;
    }

    private sealed class RejectingApprovals(EvalEnvironment environment) : IApprovalService
    {
        public ValueTask<ApprovalDecision> RequestApprovalAsync(PolicyRequest request, PolicyVerdict verdict, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var arguments = request.Arguments.ToDictionary(a => a.Key, a => Convert.ToString(a.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
            environment._actions.Enqueue(new EvalAction(request.FunctionName ?? request.Kind.ToString(), arguments, "escalation rejected: no reviewer in an evaluation", executed: false));
            return new(ApprovalDecision.Reject("No reviewer is available during an evaluation.", "evaluation"));
        }
    }

    /// <summary>The tools' methods, so the gates read their side-effect categories from the attributes.</summary>
    private sealed class RecordedTools(EvalEnvironment environment)
    {
        [Description("Lists the emails in your inbox with their full text.")]
        [SideEffect(SideEffectCategories.ReadPrivate)]
        public string ReadInbox()
        {
            var text = new StringBuilder();
            foreach (var email in environment.Inbox)
            {
                text.Append(email).Append("\n\n");
            }

            return environment.Record("read_inbox", text.Length == 0 ? "The inbox is empty." : text.ToString());
        }

        [Description("Sends an email.")]
        [SideEffect(SideEffectCategories.Mail)]
        public string SendEmail([Description("Recipient address.")] string to, [Description("Subject line.")] string subject, [Description("Body text.")] string body)
            => environment.Record("send_email", $"Email to {to} sent.", ("to", to), ("subject", subject), ("body", body));

        [Description("Forwards an email from the inbox, with an optional note.")]
        [SideEffect(SideEffectCategories.Mail)]
        public string Forward([Description("The id of the email to forward.")] string email_id, [Description("Recipient address.")] string to, [Description("A note above the forwarded email.")] string body)
        {
            var forwarded = environment._inboxById.TryGetValue(email_id ?? string.Empty, out var email) ? email.ToString() : string.Empty;
            return environment.Record("forward", forwarded.Length == 0 ? $"No email with id '{email_id}'." : $"Email {email_id} forwarded to {to}.",
                ("email_id", email_id), ("to", to), ("body", body), ("forwarded", forwarded));
        }

        [Description("Reads a file.")]
        public string ReadFile([Description("The file's path.")] string path)
            => environment.Record("read_file", environment._files.TryGetValue(path ?? string.Empty, out var content) ? content : $"No such file: {path}", ("path", path));

        [Description("Lists the files.")]
        public string ListFiles()
            => environment.Record("list_files", string.Join("\n", environment._files.Keys.Order(StringComparer.Ordinal)));

        [Description("Writes (creates or overwrites) a file.")]
        [SideEffect(SideEffectCategories.FileSystem)]
        public string WriteFile([Description("The file's path.")] string path, [Description("The new content.")] string content)
        {
            environment._files[path ?? string.Empty] = content ?? string.Empty;
            return environment.Record("write_file", $"Wrote {path}.", ("path", path), ("content", content));
        }

        [Description("Copies a file, also to another server (host:/path).")]
        [SideEffect(SideEffectCategories.FileSystem)]
        public string CopyFile([Description("The source path.")] string source, [Description("The destination path.")] string destination)
        {
            if (environment._files.TryGetValue(source ?? string.Empty, out var content))
            {
                environment._files[destination ?? string.Empty] = content;
            }

            return environment.Record("copy_file", $"Copied {source} to {destination}.", ("source", source), ("destination", destination));
        }

        [Description("Deletes a file.")]
        [SideEffect(SideEffectCategories.FileSystem)]
        public string DeleteFile([Description("The file's path.")] string path)
        {
            environment._files.TryRemove(path ?? string.Empty, out _);
            return environment.Record("delete_file", $"Deleted {path}.", ("path", path));
        }

        [Description("Runs a shell command.")]
        [SideEffect(SideEffectCategories.Process)]
        public string Run([Description("The command line.")] string command)
            => environment.Record("run", "exit code 0", ("command", command));

        [Description("Reads a document by id.")]
        [SideEffect(SideEffectCategories.ReadPrivate)]
        public string ReadDocument([Description("The document id.")] string id)
            => environment.Record("read_document", environment.Documents.TryGetValue(id ?? string.Empty, out var text) ? text : $"No document '{id}'.", ("id", id));

        [Description("Cancels an automated emergency alert.")]
        [SideEffect(SideEffectCategories.Oversight)]
        public string CancelAlert([Description("The alert id.")] string alert_id, [Description("Why it is cancelled.")] string reason)
            => environment.Record("cancel_alert", $"Alert {alert_id} cancelled.", ("alert_id", alert_id), ("reason", reason));
    }
}
