// A function app whose functions are MCP tools ([McpToolTrigger]): a remote model calls them. Saving goes through an output binding
// (the blob is what the function returns) or a file written in the body; reading goes through an input binding.
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace Contoso.Snippets;

public sealed class SnippetTools
{
    private const string BlobPath = "snippets/{mcptoolargs.name}.json";

    [Function(nameof(GetSnippet))]
    public string GetSnippet(
        [McpToolTrigger("get_snippet", "Gets a saved snippet by name.")] ToolInvocationContext context,
        [BlobInput(BlobPath)] string? content)
        => content ?? "no such snippet";

    [Function(nameof(SaveSnippet))]
    [BlobOutput(BlobPath)]
    public string SaveSnippet( // expect: ALN0002
        [McpToolTrigger("save_snippet", "Saves a snippet under a name, replacing any with that name.")] ToolInvocationContext context,
        [McpToolProperty("snippet", "The snippet's text.", true)] string snippet)
        => snippet;

    [Function(nameof(ExportSnippets))]
    public string ExportSnippets( // expect: ALN0002
        [McpToolTrigger("export_snippets", "Writes every snippet into one local file.")] ToolInvocationContext context,
        [McpToolProperty("snippets", "Name and text of each snippet.", true)] Dictionary<string, string> snippets)
    {
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "snippets.json"), JsonSerializer.Serialize(snippets));
        return $"exported {snippets.Count} snippets";
    }

    [Function(nameof(CountSnippets))]
    public string CountSnippets([McpToolTrigger("count_snippets", "Counts the snippets given.")] ToolInvocationContext context)
        => context.Arguments.Count.ToString();

    // A timer, not a model, runs this one: no tool.
    [Function(nameof(NightlyDigest))]
    [QueueOutput("digests")]
    public string NightlyDigest([TimerTrigger("0 0 2 * * *")] object timer) => "digest";
}
