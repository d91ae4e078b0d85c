using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlignmentPolicy.Gates;

namespace AlignmentPolicy.Evals.Corpus;

/// <summary>
/// The labelled message corpus: rows (one JSON object per line in <c>dev.jsonl</c> and <c>heldout.jsonl</c>) and the
/// contexts they refer to (<c>contexts/&lt;id&gt;.json</c>). Read from the repository folder, or, for the held-out part
/// the simulated model draws from at run time, from the resources embedded in this assembly.
/// </summary>
public sealed class MessageCorpus
{
    /// <summary>The folder of the corpus inside a repository checkout.</summary>
    public const string RepositoryFolder = "tests/corpus/messages";

    private const string ResourcePrefix = "AlignmentPolicy.Evals.Corpus.";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    private static readonly Lazy<MessageCorpus> s_embedded = new(LoadEmbeddedCore);

    private MessageCorpus(CorpusParts parts, IReadOnlyList<CorpusRow> rows, IReadOnlyDictionary<string, CorpusContext> contexts)
    {
        Parts = parts;
        Rows = rows;
        Contexts = contexts;
    }

    /// <summary>The parts loaded.</summary>
    public CorpusParts Parts { get; }

    /// <summary>The rows, in file order (dev first).</summary>
    public IReadOnlyList<CorpusRow> Rows { get; }

    /// <summary>The contexts by id.</summary>
    public IReadOnlyDictionary<string, CorpusContext> Contexts { get; }

    /// <summary>A row's context.</summary>
    public CorpusContext ContextOf(CorpusRow row) => Contexts[row.Context];

    /// <summary>Loads parts of the corpus from its folder (<see cref="RepositoryFolder"/> in a checkout).</summary>
    public static MessageCorpus Load(string directory, CorpusParts parts = CorpusParts.Dev)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var contextFolder = Path.Combine(directory, "contexts");
        if (!Directory.Exists(contextFolder))
        {
            throw new CorpusException(contextFolder, 1, 1, "the corpus has no contexts folder.");
        }

        var contexts = new Dictionary<string, CorpusContext>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(contextFolder, "*.json").Order(StringComparer.Ordinal))
        {
            AddContext(contexts, path, File.ReadAllBytes(path));
        }

        List<CorpusRow> rows = [];
        foreach (var part in new[] { CorpusParts.Dev, CorpusParts.HeldOut })
        {
            if ((parts & part) != 0)
            {
                var path = Path.Combine(directory, CorpusSplit.FileName(part));
                if (!File.Exists(path))
                {
                    throw new CorpusException(path, 1, 1, $"the {CorpusSplit.Name(part)} part is missing.");
                }

                ReadRows(rows, path, File.ReadAllText(path), part, contexts);
            }
        }

        return new MessageCorpus(parts, rows, contexts);
    }

    /// <summary>The held-out part and the contexts embedded in this assembly (what the simulated model draws from).</summary>
    public static MessageCorpus LoadEmbedded() => s_embedded.Value;

    /// <summary>Finds <see cref="RepositoryFolder"/> in <paramref name="start"/> or a folder above it.</summary>
    public static string? FindDirectory(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RepositoryFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static MessageCorpus LoadEmbeddedCore()
    {
        var assembly = typeof(MessageCorpus).Assembly;
        var contexts = new Dictionary<string, CorpusContext>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix + "contexts.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            AddContext(contexts, name, ReadResource(assembly, name));
        }

        var heldOut = ResourcePrefix + CorpusSplit.FileName(CorpusParts.HeldOut);
        List<CorpusRow> rows = [];
        ReadRows(rows, heldOut, System.Text.Encoding.UTF8.GetString(ReadResource(assembly, heldOut)), CorpusParts.HeldOut, contexts);
        return new MessageCorpus(CorpusParts.HeldOut, rows, contexts);
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new CorpusException(name, 1, 1, "the resource is not embedded in AlignmentPolicy.Evals.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void AddContext(Dictionary<string, CorpusContext> contexts, string origin, byte[] utf8)
    {
        CorpusContext context;
        try
        {
            context = JsonSerializer.Deserialize<CorpusContext>(utf8, JsonOptions) ?? throw new CorpusException(origin, 1, 1, "the context is empty.");
        }
        catch (JsonException e)
        {
            throw new CorpusException(origin, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "not a valid context: " + e.Message);
        }

        // A file contexts/<id>.json, or the resource ...Corpus.contexts.<id>.json.
        var name = Path.GetFileName(origin);
        var expected = name[(name.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? (ResourcePrefix + "contexts.").Length : 0)..^".json".Length];
        if (context.Id != expected)
        {
            throw new CorpusException(origin, 1, 1, $"the context's id '{context.Id}' must match its file name ('{expected}').");
        }

        if (context.Organisation.Domains.Count == 0)
        {
            throw new CorpusException(origin, 1, 1, "'organisation.domains' must name the organisation's mail domains.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var email in context.Inbox)
        {
            if (email.Id.Length == 0 || !ids.Add(email.Id))
            {
                throw new CorpusException(origin, 1, 1, $"inbox email id '{email.Id}' is empty or repeated.");
            }
        }

        contexts[context.Id] = context;
    }

    private static void ReadRows(List<CorpusRow> rows, string origin, string text, CorpusParts part, IReadOnlyDictionary<string, CorpusContext> contexts)
    {
        var ids = new HashSet<string>(rows.Select(r => r.Id), StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            CorpusRow row;
            try
            {
                row = JsonSerializer.Deserialize<CorpusRow>(line, JsonOptions) ?? throw new CorpusException(origin, i + 1, 1, "the row is null.");
            }
            catch (JsonException e)
            {
                throw new CorpusException(origin, i + 1, (int)(e.BytePositionInLine ?? 0) + 1, "not a valid row: " + e.Message);
            }

            var problem = Check(row, contexts);
            if (problem is null && !ids.Add(row.Id))
            {
                problem = $"the id '{row.Id}' is used twice.";
            }

            if (problem is null && CorpusSplit.PartOf(row.Id) != part)
            {
                problem = $"row '{row.Id}' belongs to the {CorpusSplit.Name(CorpusSplit.PartOf(row.Id))} part (its id decides; see CorpusSplit), not the {CorpusSplit.Name(part)} part.";
            }

            if (problem is not null)
            {
                throw new CorpusException(origin, i + 1, 1, problem);
            }

            rows.Add(row);
        }
    }

    /// <summary>What is wrong with a row, or null.</summary>
    private static string? Check(CorpusRow row, IReadOnlyDictionary<string, CorpusContext> contexts)
    {
        if (row.Id.Length == 0)
        {
            return "'id' is required.";
        }

        if (!CorpusFamilies.All.Contains(row.Family))
        {
            return $"row '{row.Id}': family '{row.Family}' is not one of {string.Join(", ", CorpusFamilies.All)}.";
        }

        if (row.Label is not (CorpusLabels.Misaligned or CorpusLabels.Benign))
        {
            return $"row '{row.Id}': label '{row.Label}' is not 'misaligned' or 'benign'.";
        }

        if (row.Subclass.Length == 0)
        {
            return $"row '{row.Id}': 'subclass' is required.";
        }

        if (!contexts.TryGetValue(row.Context, out var context))
        {
            return $"row '{row.Id}': no context '{row.Context}' in contexts/.";
        }

        var action = row.Action;
        if (action.IsFinalAnswer == (action.Final is null))
        {
            return $"row '{row.Id}': the action needs either a 'tool' with 'arguments' or a 'final' answer, not both.";
        }

        if (action.Tool is { } tool && !EvalEnvironment.ToolNames.Contains(tool))
        {
            return $"row '{row.Id}': tool '{tool}' is not a recorded tool ({string.Join(", ", EvalEnvironment.ToolNames)}).";
        }

        if (action.Tool == "forward" && !context.Inbox.Any(e => e.Id == action.Arguments.GetValueOrDefault("email_id")))
        {
            return $"row '{row.Id}': forwards email '{action.Arguments.GetValueOrDefault("email_id")}', which is not in context '{context.Id}'.";
        }

        if (row.History.FirstOrDefault(h => h.Outcome is not ("succeeded" or "failed" or "denied")) is { } step)
        {
            return $"row '{row.Id}': history outcome '{step.Outcome}' is not succeeded, failed or denied.";
        }

        if (row.Source.Kind is not ("published" or "written"))
        {
            return $"row '{row.Id}': source kind '{row.Source.Kind}' is not 'published' or 'written'.";
        }

        if (row.Source.Kind == "published" && (row.Source.Model is null || row.Source.Url is null || row.Source.Reference is null))
        {
            return $"row '{row.Id}': a published message names its model, url and reference.";
        }

        return null;
    }
}
