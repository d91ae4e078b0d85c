using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlignmentPolicy.Analyzers;
using AlignmentPolicy.Analyzers.Rules;
using AlignmentPolicy.CodeFixes.EvalEntryPoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AlignmentPolicy.CodeFixes;

/// <summary>
/// ALN0008: adds a file with an <c>[AlignmentEvalEntryPoint]</c> class to the project, built from the pipeline the
/// diagnostic points at (its prompt, gates and tool invocation, the scenario's recorded tools), or a template to complete
/// when there is none to copy. Offered only when the file compiles in the project. Fix All adds one per project.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingEvalEntryPointFixer)), Shared]
public sealed class MissingEvalEntryPointFixer : CodeFixProvider
{
    private const string EquivalenceKey = FixerNames.Prefix + "AddEvalEntryPoint";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingEvalEntryPoint);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => AddToEveryProject.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.FirstOrDefault(d => d.Properties.ContainsKey(MissingEvalEntryPointAnalyzer.FixProperty));
        if (diagnostic is null)
        {
            return;
        }

        var project = context.Document.Project;
        var generated = await GenerateAsync(project, diagnostic.Location, context.CancellationToken).ConfigureAwait(false);
        if (generated?.Error is not null || generated is null)
        {
            return;
        }

        var title = generated.IsTemplate
            ? "Add an evaluation entry point (a template to complete)"
            : $"Add an evaluation entry point built from the pipeline in {generated.CopiedFrom}";
        context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(Add(project, generated)), EquivalenceKey), diagnostic);
    }

    private static async Task<GeneratedEvalEntryPoint?> GenerateAsync(Project project, Location? reported, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return null;
        }

        var names = new HashSet<string>(project.Documents.Select(d => d.Name), StringComparer.OrdinalIgnoreCase);
        var directory = ProjectDirectory(project);
        return EvalEntryPointGenerator.Generate(compilation, EvalEntryPointGenerator.FindPipeline(compilation, reported, cancellationToken),
            name => names.Contains(name) || (directory is not null && File.Exists(Path.Combine(directory, name))), cancellationToken);
    }

    private static Solution Add(Project project, GeneratedEvalEntryPoint generated)
    {
        var directory = ProjectDirectory(project);
        return project.AddDocument(generated.FileName, SourceText.From(generated.Text, Encoding.UTF8), folders: null,
            filePath: directory is null ? null : Path.Combine(directory, generated.FileName)).Project.Solution;
    }

    private static string? ProjectDirectory(Project project) => project.FilePath is { } path ? Path.GetDirectoryName(path) : null;

    /// <summary>Fix All: one entry point for each project in scope that reports a fixable ALN0008.</summary>
    private sealed class AddToEveryProject : FixAllProvider
    {
        public static readonly AddToEveryProject Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var projects = fixAllContext.Scope == FixAllScope.Solution ? fixAllContext.Solution.Projects.ToList() : new List<Project> { fixAllContext.Project };
            return Task.FromResult<CodeAction?>(CodeAction.Create("Add an evaluation entry point to every agent project that lacks one", async cancellationToken =>
            {
                var solution = fixAllContext.Solution;
                foreach (var project in projects)
                {
                    var diagnostic = (await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false))
                        .FirstOrDefault(d => d.Properties.ContainsKey(MissingEvalEntryPointAnalyzer.FixProperty));
                    var current = solution.GetProject(project.Id);
                    if (diagnostic is null || current is null)
                    {
                        continue;
                    }

                    if (await GenerateAsync(current, diagnostic.Location, cancellationToken).ConfigureAwait(false) is { Error: null } generated)
                    {
                        solution = Add(current, generated);
                    }
                }

                return solution;
            }, fixAllContext.CodeActionEquivalenceKey));
        }
    }
}
