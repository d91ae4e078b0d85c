using System.Collections.Immutable;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>ALN0001: a model call whose client, agent or kernel is not built through a policy gate.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UngatedModelCallAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: how the fix adds the gate (<see cref="FixKind"/>).</summary>
    public const string FixKindProperty = "FixKind";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UngatedModelCall);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var agent = AgentContext.TryCreate(start);
            if (agent is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, agent), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, AgentContext agent)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (ModelCall.TryCreate(invocation, agent) is not { } call)
        {
            return;
        }

        var origin = agent.ModelCallOrigins.Trace(call.Client);
        if (origin.State != GateState.Gated && call.Kernel is { } kernel && agent.ModelCallOrigins.Trace(kernel).State == GateState.Gated)
        {
            return; // a Semantic Kernel chat call made with a gated kernel
        }

        if (origin.State == GateState.Gated)
        {
            return;
        }

        DiagnosticSeverity severity;
        if (origin.State == GateState.Unknown)
        {
            var level = agent.Policy.UnknownOrigin;
            if (level == "none")
            {
                return;
            }

            severity = Severity.From(level);
        }
        else
        {
            severity = Descriptors.UngatedModelCall.DefaultSeverity;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        var additional = ImmutableArray<Location>.Empty;
        if (origin.FixSite is { } site && origin.Fix != FixKind.None && site.SyntaxTree == invocation.Syntax.SyntaxTree)
        {
            properties = properties.Add(FixKindProperty, origin.Fix.ToString());
            additional = ImmutableArray.Create(site.GetLocation());
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UngatedModelCall,
            Locations.NameOf(invocation),
            severity,
            additional,
            properties,
            call.Name,
            origin.Reason));
    }
}
