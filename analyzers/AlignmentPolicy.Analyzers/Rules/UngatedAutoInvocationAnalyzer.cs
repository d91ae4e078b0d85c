using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0005: automatic tool invocation without a gate: UseFunctionInvocation() in a pipeline without
/// UsePolicyGate(); FunctionChoiceBehavior.Auto()/Required() or ToolCallBehavior.AutoInvokeKernelFunctions
/// with no gating filter on the kernel; Agent Framework agents given tools without a gate.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UngatedAutoInvocationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set when the fix can append UsePolicyGate() to the builder chain.</summary>
    public const string BuilderChainProperty = "BuilderChain";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UngatedAutoInvocation);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var agent = AgentContext.TryCreate(start);
            if (agent is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, agent), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, agent), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzePropertyReference(c, agent), OperationKind.PropertyReference);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, AgentContext agent)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var symbols = agent.Symbols;
        switch (method.Name)
        {
            case "UseFunctionInvocation" when KnownSymbols.IsOrDerivesFrom(method.ReturnType, symbols.ChatClientBuilder):
                if (!agent.IsPipelineGated(invocation))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invocation),
                        ImmutableDictionary<string, string?>.Empty.Add(BuilderChainProperty, "true"),
                        "UseFunctionInvocation()", "this pipeline has no UsePolicyGate()"));
                }

                break;
            case "Auto" or "Required" when SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.FunctionChoiceBehavior):
                if (IsAutoInvokeDisabled(invocation) || IsKernelGated(invocation, agent))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invocation),
                    $"FunctionChoiceBehavior.{method.Name}()", "no gating filter is registered on the kernel (kernel.UsePolicyGate() or AddPolicyGate())"));
                break;
            case "AsAIAgent" or "CreateAIAgent" when KnownSymbols.IsOrDerivesFrom(method.ReturnType, symbols.AIAgent):
                if (HasTools(invocation.Arguments) && !agent.IsAgentGated(invocation))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invocation),
                        $"{method.Name}(...) with tools", "neither its chat client nor the agent is gated"));
                }

                break;
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, AgentContext agent)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not { } type || !KnownSymbols.IsOrDerivesFrom(type, agent.Symbols.ChatClientAgent) || agent.IsGateType(type))
        {
            return;
        }

        if (HasTools(creation.Arguments) && !agent.IsAgentGated(creation))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(creation),
                $"new {type.Name}(...) with tools", "neither its chat client nor the agent is gated"));
        }
    }

    private static void AnalyzePropertyReference(OperationAnalysisContext context, AgentContext agent)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Property.Name != "AutoInvokeKernelFunctions" || !SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, agent.Symbols.ToolCallBehavior))
        {
            return;
        }

        if (!IsKernelGated(reference, agent))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(reference),
                "ToolCallBehavior.AutoInvokeKernelFunctions", "no gating filter is registered on the kernel (kernel.UsePolicyGate() or AddPolicyGate())"));
        }
    }

    private static bool IsAutoInvokeDisabled(IInvocationOperation invocation)
    {
        var autoInvoke = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "autoInvoke");
        return autoInvoke is { ArgumentKind: ArgumentKind.Explicit } && autoInvoke.Value.ConstantValue is { HasValue: true, Value: false };
    }

    private static bool HasTools(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is null)
            {
                continue;
            }

            var value = ModelCall.Unwrap(argument.Value);
            if (value is ILocalReferenceOperation local)
            {
                // var options = new ChatClientAgentOptions { ... }; chatClient.AsAIAgent(options)
                value = AgentContext.Root(local).Descendants().OfType<IVariableDeclaratorOperation>()
                    .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local))?.Initializer?.Value is { } initial
                    ? ModelCall.Unwrap(initial)
                    : value;
            }

            if (argument.Parameter.Name == "tools")
            {
                return value is not (ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation);
            }

            // new ChatClientAgentOptions { ChatOptions = new() { Tools = [...] } }
            if (value is IObjectCreationOperation { Initializer: { } initializer } && initializer.Descendants().OfType<IPropertyReferenceOperation>().Any(p => p.Property.Name == "Tools"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The kernel that will run the behaviour: the ones used in the same method, else every kernel of the
    /// compilation (a gating filter registered anywhere, DI included).
    /// </summary>
    private static bool IsKernelGated(IOperation operation, AgentContext agent)
    {
        var root = AgentContext.Root(operation);
        var kernels = root.Descendants()
            .Where(o => o.Type is { } t && KnownSymbols.IsOrDerivesFrom(t, agent.Symbols.Kernel) && o is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation)
            .ToList();
        if (kernels.Count > 0)
        {
            return kernels.All(k => agent.Trace(k).State == GateState.Gated) || (agent.Facts.KernelGates > 0 && kernels.All(k => agent.Trace(k).State != GateState.Ungated));
        }

        return agent.Facts.KernelGates > 0;
    }
}
