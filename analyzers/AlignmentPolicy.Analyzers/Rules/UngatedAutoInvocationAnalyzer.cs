using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0005: automatic tool invocation without a gate: UseFunctionInvocation() in a pipeline without a
/// gate; FunctionChoiceBehavior.Auto()/Required() or ToolCallBehavior.AutoInvokeKernelFunctions on a
/// kernel no gating filter guards; Agent Framework agents given tools without a gate; tool calls
/// dispatched by hand (a loop on <c>ChatFinishReason.ToolCalls</c>, <c>FunctionCallContent.InvokeAsync(kernel)</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UngatedAutoInvocationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property set when the fix can append UsePolicyGate() to the builder chain.</summary>
    public const string BuilderChainProperty = "BuilderChain";

    private const string KernelReason = "no gating filter is registered on the kernel (kernel.UsePolicyGate() or AddPolicyGate())";

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
            if (agent.Symbols.ChatClientAgent is not null)
            {
                start.RegisterOperationAction(c => AnalyzeCreation(c, agent), OperationKind.ObjectCreation);
            }

            if (agent.Symbols.ToolCallBehavior is not null)
            {
                start.RegisterOperationAction(c => AnalyzePropertyReference(c, agent), OperationKind.PropertyReference);
            }

            if (agent.Symbols.OpenAIChatFinishReason is not null)
            {
                start.RegisterOperationAction(c => AnalyzeFinishReason(c, agent), OperationKind.FieldReference, OperationKind.PropertyReference);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, AgentContext agent)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (agent.Classifier.Classify(method))
        {
            case InvocationKind.FunctionInvocation:
                if (!agent.Pipelines.IsPipelineGated(invocation))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invocation),
                        ImmutableDictionary<string, string?>.Empty.Add(BuilderChainProperty, "true"),
                        "UseFunctionInvocation()", "this pipeline has no UsePolicyGate()"));
                }

                break;
            case InvocationKind.AutoInvokeBehavior:
                if (IsAutoInvokeDisabled(invocation) || IsKernelGated(invocation, agent))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invocation), $"FunctionChoiceBehavior.{method.Name}()", KernelReason));
                break;
            case InvocationKind.AgentCreation:
                if (Tools.Of(invocation.Arguments, agent) == ToolSet.Ungated && !agent.Pipelines.IsAgentGated(invocation))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invocation),
                        $"{method.Name}(...) with tools", "neither its chat client nor the agent is gated"));
                }

                break;
            case InvocationKind.FunctionCallDispatch:
                // functionCall.InvokeAsync(kernel): the kernel's filters run; a gate check in the same method guards it too.
                var kernel = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "kernel")?.Value;
                if ((kernel is not null && agent.Origins.Trace(kernel).State == GateState.Gated) || ChecksGateInMethod(invocation, agent))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invocation),
                    "FunctionCallContent.InvokeAsync(...) (tool calls dispatched by hand)", KernelReason));
                break;
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, AgentContext agent)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not { } type || !KnownSymbols.IsOrDerivesFrom(type, agent.Symbols.ChatClientAgent) || agent.Gates.IsGateType(type))
        {
            return;
        }

        if (Tools.Of(creation.Arguments, agent) == ToolSet.Ungated && !agent.Pipelines.IsAgentGated(creation))
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
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(reference), "ToolCallBehavior.AutoInvokeKernelFunctions", KernelReason));
        }
    }

    /// <summary>
    /// A hand-written tool loop: <c>while (completion.FinishReason == ChatFinishReason.ToolCalls)</c> or a
    /// <c>case ChatFinishReason.ToolCalls:</c> inside a loop, dispatching the model's tool calls. It is
    /// automatic invocation in all but name: gated only when the model calls in the method are, or the loop
    /// asks a gate.
    /// </summary>
    private static void AnalyzeFinishReason(OperationAnalysisContext context, AgentContext agent)
    {
        var member = context.Operation switch
        {
            IFieldReferenceOperation field => (ISymbol)field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        if (member is not { Name: "ToolCalls", IsStatic: true } || !SymbolEqualityComparer.Default.Equals(member.ContainingType, agent.Symbols.OpenAIChatFinishReason)
            || EnclosingLoop(context.Operation) is not { } loop)
        {
            return;
        }

        var root = Operations.Root(loop);
        var calls = root.Descendants().OfType<IInvocationOperation>().Select(i => ModelCall.TryCreate(i, agent)).Where(c => c is not null).ToList();
        if ((calls.Count > 0 && calls.All(c => agent.Origins.Trace(c!.Client).State == GateState.Gated)) || ChecksGate(loop, agent))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(context.Operation),
            "a hand-written tool loop (ChatFinishReason.ToolCalls)", "the model's tool calls are dispatched with no gate"));
    }

    /// <summary>The loop whose condition tests the finish reason, or which contains the switch case that does.</summary>
    private static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        var inCondition = true;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IWhileLoopOperation loop when inCondition || loop.Condition is null:
                    return loop;
                case ILoopOperation loop when !inCondition:
                    return loop;
                case IBlockOperation:
                    inCondition = false;
                    break;
                case ISwitchCaseOperation or ISwitchExpressionArmOperation:
                    inCondition = false;
                    break;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    private static bool ChecksGate(IOperation scope, AgentContext agent)
        => agent.Gates.Checks.FromBody("loop", scope) is not null;

    private static bool ChecksGateInMethod(IOperation operation, AgentContext agent) => ChecksGate(Operations.Root(operation), agent);

    private static bool IsAutoInvokeDisabled(IInvocationOperation invocation)
    {
        var autoInvoke = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "autoInvoke");
        return autoInvoke is { ArgumentKind: ArgumentKind.Explicit } && autoInvoke.Value.ConstantValue is { HasValue: true, Value: false };
    }

    /// <summary>
    /// The kernels that will run the behaviour: the kernel of the model call the settings are handed to
    /// (directly, or through the local they are stored in); else the kernels used in the same method (an
    /// injected one is the container's kernel); with none in sight, every kernel of the compilation.
    /// </summary>
    private static bool IsKernelGated(IOperation operation, AgentContext agent)
    {
        var kernels = KernelsOfCalls(operation, agent);
        if (kernels.Count == 0)
        {
            kernels = Operations.Root(operation).Descendants()
                .Where(o => o is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation && o.Type is { } t && KnownSymbols.IsOrDerivesFrom(t, agent.Symbols.Kernel))
                .ToList();
        }

        if (kernels.Count == 0)
        {
            return agent.Pipelines.AllKernelsGated;
        }

        var states = kernels.Select(k => agent.Origins.Trace(k).State).ToList();
        return states.All(s => s == GateState.Gated) || (states.All(s => s != GateState.Ungated) && agent.Pipelines.AllKernelsGated);
    }

    /// <summary>The kernels of the model calls that receive these settings.</summary>
    private static List<IOperation> KernelsOfCalls(IOperation behaviour, AgentContext agent)
    {
        var kernels = new List<IOperation>();
        ILocalSymbol? settings = null;
        for (var current = behaviour.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation invocation && ModelCall.TryCreate(invocation, agent) is { } call)
            {
                AddKernel(call, kernels, agent);
                return kernels;
            }

            if (current is IVariableDeclaratorOperation declarator)
            {
                settings = declarator.Symbol;
                break;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                break;
            }
        }

        if (settings is null)
        {
            return kernels;
        }

        foreach (var invocation in Operations.Root(behaviour).Descendants().OfType<IInvocationOperation>())
        {
            if (invocation.Arguments.Any(a => a.Value.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, settings)))
                && ModelCall.TryCreate(invocation, agent) is { } call)
            {
                AddKernel(call, kernels, agent);
            }
        }

        return kernels;
    }

    private static void AddKernel(ModelCall call, List<IOperation> kernels, AgentContext agent)
    {
        if (call.Kernel is { } kernel)
        {
            kernels.Add(kernel);
        }
        else if (call.Client.Type is { } type && KnownSymbols.IsOrDerivesFrom(type, agent.Symbols.Kernel))
        {
            kernels.Add(call.Client);
        }
    }
}
