using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlignmentPolicy.Analyzers;
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
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
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

            // Offered only when the manifest can be edited without damage: valid JSON with one "datasets" array.
            var text = await manifest.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            if (DatasetManifestEdit.AddDataset(text.ToString(), path) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Declare '{path}' in datasets.provenance.json", ct => AddEntryAsync(context.Document.Project.Solution, manifest, path, ct), equivalenceKey: FixerNames.Prefix + "DeclareDataset"),
                diagnostic);
        }
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
        return DatasetManifestEdit.AddDataset(text.ToString(), path) is { } edited
            ? solution.WithAdditionalDocumentText(manifest.Id, SourceText.From(edited, text.Encoding, text.ChecksumAlgorithm))
            : solution;
    }
}
