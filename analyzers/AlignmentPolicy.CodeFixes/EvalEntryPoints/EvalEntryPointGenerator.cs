using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AlignmentPolicy.Analyzers.EvalEntryPoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.CodeFixes.EvalEntryPoints;

/// <summary>
/// Writes an <c>[AlignmentEvalEntryPoint]</c> class for a project from its own pipeline: the code fix of ALN0008 and
/// <c>alignment-policy init --agent</c> share it. It uses Microsoft.CodeAnalysis(.CSharp) only, not the Workspaces
/// layer, so the command-line tool can host it without an IDE's assemblies. What it writes is compiled against the
/// project first: a copy that does not compile cleanly (an error or a warning) gives way to the template, so the fix
/// never breaks a build.
/// </summary>
public static class EvalEntryPointGenerator
{
    private static readonly string[] s_classNames = { "EvalEntryPoint", "AgentEvalEntryPoint", "AlignmentEvaluation" };

    /// <summary>The entry points the project already declares, and the marked methods the harness could not call.</summary>
    public static EvalEntryPointInventory Inspect(Compilation compilation, CancellationToken cancellationToken = default)
    {
        var shape = EvalEntryPointShape.Create(compilation);
        var usable = new List<string>();
        var unusable = new List<string>();
        if (shape.Attribute is not null)
        {
            foreach (var method in Methods(compilation.Assembly.GlobalNamespace, cancellationToken).Where(shape.IsMarked))
            {
                var name = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                if (shape.WhyNotCallable(method) is { } reason)
                {
                    unusable.Add($"'{name}': {reason}");
                }
                else
                {
                    usable.Add(name);
                }
            }
        }

        return new EvalEntryPointInventory(shape.CanDeclare, usable, unusable);
    }

    /// <summary>
    /// Generates the entry point from the pipeline this project builds its agent with (the one ALN0008 points at), or a
    /// template to complete. <paramref name="isFileNameTaken"/> says which file names the project already has.
    /// </summary>
    public static GeneratedEvalEntryPoint Generate(Compilation compilation, Func<string, bool> isFileNameTaken, CancellationToken cancellationToken = default)
        => Generate(compilation, FindPipeline(compilation, null, cancellationToken), isFileNameTaken, cancellationToken);

    internal static GeneratedEvalEntryPoint Generate(Compilation compilation, EvalPipelineCandidate? candidate, Func<string, bool> isFileNameTaken, CancellationToken cancellationToken)
    {
        if (!EvalEntryPointShape.Create(compilation).CanDeclare)
        {
            return GeneratedEvalEntryPoint.Failed("the project does not reference AlignmentPolicy.Gates, which declares [AlignmentEvalEntryPoint] and EvalEnvironment");
        }

        var plan = PipelineReader.Read(compilation, candidate, cancellationToken);
        var className = ClassName(compilation, plan.Namespace, isFileNameTaken);
        var newLine = candidate?.Location.SourceTree?.GetText(cancellationToken).ToString().Contains("\r\n") == true ? "\r\n" : "\n";
        var options = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default;
        // The copy first; when it does not compile cleanly here, the template (with the prompt if that was found), then the bare template.
        var attempts = new List<Func<string?, EntryPointPlan>> { _ => plan };
        if (!plan.IsTemplate)
        {
            attempts.Add(problem =>
            {
                var template = PipelineReader.Template(compilation, candidate, problem);
                template.Instructions = plan.Instructions;
                template.Usings.AddRange(plan.Usings);
                return template;
            });
        }

        attempts.Add(problem => PipelineReader.Template(compilation, candidate, problem));
        string? firstProblem = null;
        foreach (var attempt in attempts)
        {
            var current = attempt(firstProblem is null ? null : $"it does not compile here: {firstProblem}");
            current.CollectionExpressions = options.LanguageVersion >= LanguageVersion.CSharp12;
            current.FileScopedNamespace = options.LanguageVersion >= LanguageVersion.CSharp10;
            var text = EntryPointWriter.Write(current, className, newLine);
            if (Problem(compilation, text, options, cancellationToken) is not { } problem)
            {
                return new GeneratedEvalEntryPoint(className, className + ".cs", text, current.IsTemplate, current.IsTemplate ? null : current.Source, null);
            }

            firstProblem ??= problem;
        }

        return GeneratedEvalEntryPoint.Failed($"the entry point does not compile in this project: {firstProblem}");
    }

    /// <summary>
    /// The pipeline ALN0008 reports at: the same candidates and the same choice; the one at <paramref name="reported"/>
    /// when the diagnostic points at one.
    /// </summary>
    internal static EvalPipelineCandidate? FindPipeline(Compilation compilation, Location? reported, CancellationToken cancellationToken)
    {
        var symbols = EvalPipelineSymbols.Create(compilation);
        var candidates = new List<EvalPipelineCandidate>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var node in root.DescendantNodes().Where(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax))
            {
                model ??= compilation.GetSemanticModel(tree);
                if (model.GetOperation(node, cancellationToken) is { } operation && EvalPipelineCandidate.TryCreate(operation, symbols) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }
        }

        return candidates.FirstOrDefault(c => reported is { IsInSource: true } && c.Location.SourceSpan == reported.SourceSpan && c.Location.SourceTree?.FilePath == reported.SourceTree?.FilePath)
            ?? EvalPipelineCandidate.Best(candidates);
    }

    private static string ClassName(Compilation compilation, string? ns, Func<string, bool> isFileNameTaken)
    {
        bool Free(string name) => compilation.GetTypeByMetadataName(ns is null ? name : ns + "." + name) is null && !isFileNameTaken(name + ".cs");
        return s_classNames.FirstOrDefault(Free) ?? Enumerable.Range(2, 1000).Select(i => s_classNames[0] + i).First(Free);
    }

    /// <summary>The first error or warning the generated file has in this compilation, or null when it compiles cleanly.</summary>
    private static string? Problem(Compilation compilation, string text, CSharpParseOptions options, CancellationToken cancellationToken)
    {
        var tree = CSharpSyntaxTree.ParseText(text, options, path: "EvalEntryPoint.generated.cs", cancellationToken: cancellationToken);
        var diagnostic = compilation.AddSyntaxTrees(tree).GetSemanticModel(tree).GetDiagnostics(cancellationToken: cancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .OrderByDescending(d => d.Severity)
            .FirstOrDefault();
        return diagnostic is null ? null : $"{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static IEnumerable<IMethodSymbol> Methods(INamespaceOrTypeSymbol container, CancellationToken cancellationToken)
    {
        foreach (var member in container.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case IMethodSymbol method when method.Locations.Any(l => l.IsInSource):
                    yield return method;
                    break;
                case INamespaceOrTypeSymbol nested:
                    foreach (var inner in Methods(nested, cancellationToken))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }
}

/// <summary>What <see cref="EvalEntryPointGenerator.Inspect"/> found.</summary>
public sealed class EvalEntryPointInventory
{
    internal EvalEntryPointInventory(bool canDeclare, IReadOnlyList<string> usable, IReadOnlyList<string> unusable)
    {
        CanDeclare = canDeclare;
        Usable = usable;
        Unusable = unusable;
    }

    /// <summary>The project references AlignmentPolicy.Gates, so an entry point can be declared.</summary>
    public bool CanDeclare { get; }

    /// <summary>Entry points the harness can call.</summary>
    public IReadOnlyList<string> Usable { get; }

    /// <summary>Marked methods the harness cannot call, each with the reason.</summary>
    public IReadOnlyList<string> Unusable { get; }
}

/// <summary>A generated entry-point file, or why none could be written.</summary>
public sealed class GeneratedEvalEntryPoint
{
    internal GeneratedEvalEntryPoint(string className, string fileName, string text, bool isTemplate, string? copiedFrom, string? error)
    {
        ClassName = className;
        FileName = fileName;
        Text = text;
        IsTemplate = isTemplate;
        CopiedFrom = copiedFrom;
        Error = error;
    }

    /// <summary>The generated class's name (EvalEntryPoint, unless the project has one).</summary>
    public string ClassName { get; }

    /// <summary>The file name to add to the project's folder.</summary>
    public string FileName { get; }

    /// <summary>The file's text; empty when <see cref="Error"/> is set.</summary>
    public string Text { get; }

    /// <summary>The method is a template whose prompt and gates are to be filled in.</summary>
    public bool IsTemplate { get; }

    /// <summary>Where the copied pipeline is (<c>Agent.cs, line 12</c>), when one was copied.</summary>
    public string? CopiedFrom { get; }

    /// <summary>Why nothing was generated, or null.</summary>
    public string? Error { get; }

    internal static GeneratedEvalEntryPoint Failed(string error) => new("", "", "", isTemplate: false, copiedFrom: null, error);
}
