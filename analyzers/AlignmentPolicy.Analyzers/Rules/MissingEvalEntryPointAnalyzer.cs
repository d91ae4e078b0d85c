using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Configuration;
using AlignmentPolicy.Analyzers.EvalEntryPoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0008: the policy requires evaluations before <c>dotnet pack</c>, and the project has no
/// <c>[AlignmentEvalEntryPoint]</c> method the harness can call, so pack would fail (ALN0201) with nothing to run.
/// Absence is known only once every method has been seen, so this rule reports at compilation end, at the place
/// where the project builds its agent (the code fix copies it) or, when there is none, on the project.
/// A marked method the harness cannot call (not static, wrong parameters or result) is reported where it is declared.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingEvalEntryPointAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set when the code fix can add an entry point.</summary>
    public const string FixProperty = "AddEntryPoint";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MissingEvalEntryPoint);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code may declare the entry point (a source generator, a partial class), so it is analysed too.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.RegisterCompilationStartAction(start =>
        {
            var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var policy = PolicyOptions.Read(global);
            if (!policy.IsConfigured || !policy.IsAgentProject || policy.RequiredEvalSuites.IsEmpty || !PackIsGated(global))
            {
                return;
            }

            var shape = EvalEntryPointShape.Create(start.Compilation);
            var symbols = EvalPipelineSymbols.Create(start.Compilation);
            var marked = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);
            var candidates = new ConcurrentBag<EvalPipelineCandidate>();
            if (shape.Attribute is not null)
            {
                start.RegisterSymbolAction(c =>
                {
                    var method = (IMethodSymbol)c.Symbol;
                    if (shape.IsMarked(method))
                    {
                        marked.TryAdd(method.PartialDefinitionPart ?? method, 0);
                    }
                }, SymbolKind.Method);
            }

            start.RegisterOperationAction(c =>
            {
                // Generated code may declare the entry point, but the warning and the copy belong with the user's own pipeline.
                if (!c.IsGeneratedCode && EvalPipelineCandidate.TryCreate(c.Operation, symbols) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }, OperationKind.Invocation, OperationKind.ObjectCreation);

            start.RegisterCompilationEndAction(end => Report(end, policy, shape, marked.Keys.ToImmutableArray(), candidates));
        });
    }

    private static void Report(CompilationAnalysisContext context, PolicyOptions policy, EvalEntryPointShape shape, ImmutableArray<IMethodSymbol> marked, ConcurrentBag<EvalPipelineCandidate> candidates)
    {
        var suites = Suites(policy.RequiredEvalSuites);
        var unusable = marked.Select(m => (Method: m, Reason: shape.WhyNotCallable(m))).Where(m => m.Reason is not null).ToList();
        if (marked.Length > unusable.Count)
        {
            // The harness finds an entry point. Marked methods it cannot call are still mistakes: a static one makes
            // the harness fail ("a project exposes one"), an instance one is silently ignored.
            foreach (var (method, reason) in unusable)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingEvalEntryPoint, method.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None,
                    suites, $"'{method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}' is marked [AlignmentEvalEntryPoint] but {reason}"));
            }

            return;
        }

        if (unusable.Count > 0)
        {
            foreach (var (method, reason) in unusable)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingEvalEntryPoint, method.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None,
                    suites, $"'{method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}' is marked [AlignmentEvalEntryPoint] but {reason}: declare it as '{EvalEntryPointShape.Signature}'"));
            }

            return;
        }

        var best = EvalPipelineCandidate.Best(candidates);
        var properties = shape.CanDeclare ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "true") : ImmutableDictionary<string, string?>.Empty;
        var detail = !shape.CanDeclare
            ? "no [AlignmentEvalEntryPoint] method can exist: reference AlignmentPolicy.Gates, then add one (the code fix, or 'alignment-policy init --agent <project>')"
            : best is null
                ? "no [AlignmentEvalEntryPoint] method exists: add one that builds this agent around the harness's model (the code fix, or 'alignment-policy init --agent <project>')"
                : "no [AlignmentEvalEntryPoint] method exists: add one that builds this agent around the harness's model (the code fix copies this pipeline; or 'alignment-policy init --agent <project>')";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingEvalEntryPoint, best?.Location ?? Location.None, properties, suites, detail));
    }

    /// <summary>
    /// The pack gate runs only in packable projects with the gate on: the targets test both for 'true', and
    /// AlignmentPolicy.Build makes both visible to the compiler. Without them (another host: a test, 'alignment-policy
    /// scan') the defaults apply: NuGet's IsPackable and the gate are on.
    /// </summary>
    private static bool PackIsGated(AnalyzerConfigOptions global)
        => IsTrueOrAbsent(global, "build_property.IsPackable") && IsTrueOrAbsent(global, "build_property.AlignmentPolicyPackGateEnabled");

    private static bool IsTrueOrAbsent(AnalyzerConfigOptions global, string key)
        => !global.TryGetValue(key, out var value) || string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static string Suites(ImmutableArray<string> suites)
        => suites.Length <= 3 ? string.Join(", ", suites) : string.Join(", ", suites.Take(3)) + $" and {suites.Length - 3} more";
}
