// Probe analyzers for bench/analyzers/RealRepoCost (--probes): what the analyzer driver charges for a callback that
// does nothing, so our rules' times can be read against the floor any analyzer with the same registrations pays.
// Not shipped analyzers: measuring instruments loaded by this tool only, so the rules for shipped analyzers do not apply.
#pragma warning disable RS1041, RS1036, RS2008, RS1030
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>An operation action on every invocation that does nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class NoOpInvocationProbe : DiagnosticAnalyzer
{
    static readonly DiagnosticDescriptor s_rule = new("PROBE1", "probe", "probe", "probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [s_rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
    }
}

/// <summary>A symbol action on every method that does nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class NoOpMethodSymbolProbe : DiagnosticAnalyzer
{
    static readonly DiagnosticDescriptor s_rule = new("PROBE2", "probe", "probe", "probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [s_rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSymbolAction(_ => { }, SymbolKind.Method);
    }
}

/// <summary>An operation action on every invocation that reads the target method's return type and containing type (what a classifier does first).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class ReturnTypeInvocationProbe : DiagnosticAnalyzer
{
    static readonly DiagnosticDescriptor s_rule = new("PROBE3", "probe", "probe", "probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [s_rule];

    public static int Sink;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(c =>
        {
            var method = ((Microsoft.CodeAnalysis.Operations.IInvocationOperation)c.Operation).TargetMethod;
            if (method.ReturnType is INamedTypeSymbol { IsGenericType: true } && method.ContainingType is not null)
            {
                Sink++;
            }
        }, OperationKind.Invocation);
    }
}

/// <summary>
/// Whether Compilation.GetSemanticModel inside an analyzer hands out the driver's own model (the analyzer
/// driver attaches a caching provider): if so, a member bound by an analyzer is not bound again by the driver.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class ModelSharingProbe : DiagnosticAnalyzer
{
    static readonly DiagnosticDescriptor s_rule = new("PROBE4", "probe", "probe", "probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public static int Shared;
    public static int NotShared;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [s_rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationBlockAction(c =>
        {
            var model = c.Compilation.GetSemanticModel(c.OwningSymbol.DeclaringSyntaxReferences[0].SyntaxTree);
            if (c.OperationBlocks.Length > 0 && ReferenceEquals(model, c.OperationBlocks[0].SemanticModel))
            {
                System.Threading.Interlocked.Increment(ref Shared);
            }
            else
            {
                System.Threading.Interlocked.Increment(ref NotShared);
            }
        });
    }
}
