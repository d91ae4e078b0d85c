using System;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlignmentPolicy.Analyzers;
using AlignmentPolicy.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AlignmentPolicy.CodeFixes;

/// <summary>ALN0100: adds a skeleton dataset entry for the file to datasets.provenance.json, to be completed by its owner.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UndeclaredDatasetFixer)), Shared]
public sealed class UndeclaredDatasetFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndeclaredDataset);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => DeclareAllProvider.Instance;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue("Path", out var path) || path is null
                || !diagnostic.Properties.TryGetValue("Manifest", out var manifestPath) || manifestPath is null)
            {
                continue;
            }

            var manifest = context.Document.Project.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath, manifestPath, StringComparison.Ordinal));
            if (manifest is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Declare '{path}' in datasets.provenance.json", ct => AddEntryAsync(context.Document.Project.Solution, manifest, path, ct), equivalenceKey: FixerNames.Prefix + "DeclareDataset"),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    /// <summary>Fix All: one skeleton entry per distinct undeclared file, added to the manifest in one edit.</summary>
    private sealed class DeclareAllProvider : FixAllProvider
    {
        public static readonly DeclareAllProvider Instance = new();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = fixAllContext.Scope == FixAllScope.Document && fixAllContext.Document is { } document
                ? await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                : await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false);
            var requests = diagnostics
                .Where(d => d.Properties.ContainsKey("Path") && d.Properties.ContainsKey("Manifest"))
                .Select(d => (Path: d.Properties["Path"]!, Manifest: d.Properties["Manifest"]!))
                .Distinct()
                .ToList();
            if (requests.Count == 0)
            {
                return null;
            }

            return CodeAction.Create("Declare every undeclared data file in datasets.provenance.json", async ct =>
            {
                var solution = fixAllContext.Project.Solution;
                foreach (var (path, manifestPath) in requests)
                {
                    var manifest = solution.GetProject(fixAllContext.Project.Id)?.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath, manifestPath, StringComparison.Ordinal));
                    if (manifest is not null)
                    {
                        solution = await AddEntryAsync(solution, manifest, path, ct).ConfigureAwait(false);
                    }
                }

                return solution;
            }, equivalenceKey: fixAllContext.CodeActionEquivalenceKey);
        }
    }

    private static async Task<Solution> AddEntryAsync(Solution solution, TextDocument manifest, string path, CancellationToken cancellationToken)
    {
        var text = await manifest.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var content = text.ToString();
        var index = ProvenanceManifestIndex.TryRead(content);
        if (index is null || index.DatasetsArrayEnd < 0)
        {
            return solution;
        }

        var newLine = content.Contains("\r\n") ? "\r\n" : "\n";
        var lineStart = content.LastIndexOf('\n', Math.Max(0, index.DatasetsArrayEnd - 1)) + 1;
        var closingIndent = content.Substring(lineStart, index.DatasetsArrayEnd - lineStart);
        closingIndent = closingIndent.Trim().Length == 0 ? closingIndent : "  ";
        var indent = closingIndent + "  ";
        var id = Path.GetFileNameWithoutExtension(path).ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        var entry = string.Join(newLine, new[]
        {
            indent + "{",
            indent + $"  \"id\": \"{id}\",",
            indent + "  \"purpose\": \"rag\",",
            indent + "  \"description\": \"TODO: what this data is and why the agent uses it.\",",
            indent + "  \"source\": { \"kind\": \"internal\" },",
            indent + "  \"license\": \"LicenseRef-TODO\",",
            indent + $"  \"files\": [{{ \"path\": \"{path}\" }}],",
            indent + "  \"contentClasses\": [],",
            indent + "  \"personalData\": { \"contains\": false }",
            indent + "}",
        });

        // Before the closing bracket: after the last entry (with a comma), or as the first one.
        if (index.DatasetsEmpty)
        {
            var open = content.LastIndexOf('[', index.DatasetsArrayEnd);
            return solution.WithAdditionalDocumentText(manifest.Id, text.Replace(TextSpan.FromBounds(open + 1, index.DatasetsArrayEnd), newLine + entry + newLine + closingIndent));
        }

        var afterLastEntry = content.Substring(0, index.DatasetsArrayEnd).TrimEnd().Length;
        return solution.WithAdditionalDocumentText(manifest.Id, text.Replace(new TextSpan(afterLastEntry, 0), "," + newLine + entry));
    }
}
