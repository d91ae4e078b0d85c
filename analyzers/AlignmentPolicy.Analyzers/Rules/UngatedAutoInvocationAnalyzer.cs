using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using AlignmentPolicy.Analyzers.Analysis.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    /// <summary>
    /// The names an invocation this rule judges is spelled with: those <see cref="InvocationClassifier"/> classifies as
    /// <see cref="InvocationKind.FunctionInvocation"/>, <see cref="InvocationKind.KernelFunctionInvocation"/>,
    /// <see cref="InvocationKind.AutoInvokeBehavior"/>, <see cref="InvocationKind.AgentCreation"/> or
    /// <see cref="InvocationKind.FunctionCallDispatch"/> (the kinds <see cref="AnalyzeInvocation"/> acts on), and OllamaSharp's
    /// <c>chat.SendAsync(message, tools)</c> (a <see cref="InvocationKind.ModelCall"/> that invokes the tools it is given).
    /// </summary>
    internal static readonly string[] DispatchNames = { "UseFunctionInvocation", "UseKernelFunctionInvocation", "Auto", "Required", "AsAIAgent", "CreateAIAgent", "InvokeAsync", "SendAsync", "SendAsAsync", McpToolDispatch.Name };

    private static readonly string[] s_propertyNames = { "AutoInvokeKernelFunctions" };

    private const string UseFunctionInvocationName = "UseFunctionInvocation";

    private const string AutoInvokeKernelFunctionsName = "AutoInvokeKernelFunctions";

    /// <summary>
    /// What a block must spell for <see cref="AnalyzeUnbound"/> to find something in its operations that do not bind, each read from
    /// the operation's own syntax: an agent factory's name (<see cref="UnboundAgentCreation.Names"/>), <c>UseFunctionInvocation</c>,
    /// <c>AutoInvokeKernelFunctions</c>, and, for an agent created with a type known here (<c>new ChatClientAgent(...)</c>, a user's
    /// subclass, an SDK agent, or a target-typed <c>new(...)</c> that spells no type), the keyword <c>new</c>, which every creation is spelled with.
    /// </summary>
    internal static readonly string[] UnboundNames = UnboundAgentCreation.Names.Concat(new[] { UseFunctionInvocationName, AutoInvokeKernelFunctionsName, "new", McpToolDispatch.Name }).ToArray();

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UngatedAutoInvocation);

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

            if (agent.Symbols.ChatClientAgent is not null || agent.Symbols.SkAgent is not null)
            {
                // Not by name: an agent type may be the user's own subclass, spelled with any name.
                start.RegisterOperationAction(
                    c =>
                    {
                        WorkCounters.Count(ref WorkCounters.AutoInvocationRuleCallbacks);
                        using var running = WorkCounters.Run(WorkCounters.Callback.AutoCreation);
                        AnalyzeCreation(c, agent);
                    },
                    OperationKind.ObjectCreation);
            }

            // Name first: invocations, property references and tests of the finish reason are handed to this rule only in the
            // blocks that spell what it looks for (invocations and property references are most of a body's operations).
            var toolCallBehavior = agent.Symbols.ToolCallBehavior is not null;
            var finishReason = agent.Symbols.OpenAIChatFinishReason is not null;
            agent.SpelledNames.Declare(DispatchNames);
            agent.SpelledNames.Declare(UnboundNames);
            if (toolCallBehavior)
            {
                agent.SpelledNames.Declare(s_propertyNames);
            }

            // The operation actions, made once per compilation and registered for each block that spells the names (a lambda written
            // inside the block-start action would be a new delegate per block).
            System.Action<OperationAnalysisContext> onInvocation = c =>
            {
                WorkCounters.Count(ref WorkCounters.AutoInvocationRuleCallbacks);
                using var running = WorkCounters.Run(WorkCounters.Callback.AutoInvocation);
                AnalyzeInvocation(c, agent);
            };
            System.Action<OperationAnalysisContext> onInvalid = c =>
            {
                WorkCounters.Count(ref WorkCounters.AutoInvocationRuleCallbacks);
                using var running = WorkCounters.Run(WorkCounters.Callback.AutoInvalid);
                AnalyzeUnbound(c, agent);
            };
            System.Action<OperationAnalysisContext> onPropertyReference = c =>
            {
                WorkCounters.Count(ref WorkCounters.AutoInvocationRuleCallbacks);
                using var running = WorkCounters.Run(WorkCounters.Callback.AutoPropertyOrTest);
                AnalyzePropertyReference(c, agent);
            };
            System.Action<OperationAnalysisContext> onFinishReason = c =>
            {
                WorkCounters.Count(ref WorkCounters.AutoInvocationRuleCallbacks);
                using var running = WorkCounters.Run(WorkCounters.Callback.AutoPropertyOrTest);
                AnalyzeFinishReason(c, agent);
            };
            start.RegisterOperationBlockStartAction(block =>
            {
                WorkCounters.Count(ref WorkCounters.AutoInvocationRuleCallbacks);
                if (agent.SpelledNames.AnySpells(block.OperationBlocks, DispatchNames))
                {
                    block.RegisterOperationAction(onInvocation, OperationKind.Invocation);
                }

                // Operations that do not bind (a scanned project missing a package has many): only in the blocks that spell what the
                // unbound judge reads.
                if (agent.SpelledNames.AnySpells(block.OperationBlocks, UnboundNames))
                {
                    block.RegisterOperationAction(onInvalid, OperationKind.Invalid);
                }

                if (toolCallBehavior && agent.SpelledNames.AnySpells(block.OperationBlocks, s_propertyNames))
                {
                    block.RegisterOperationAction(onPropertyReference, OperationKind.PropertyReference);
                }

                // A test of ChatFinishReason.ToolCalls spells "ToolCalls" in its file (AnalyzeFinishReason's first test, asked per
                // block): loops, ifs and switches of other files are never handed over.
                // The Azure AI Agents (Foundry) form, `run.RequiredAction is SubmitToolOutputsAction`, spells that type's name (its
                // package may be missing from a scan, and then no symbol says the project uses it).
                if ((finishReason && block.OperationBlocks.Any(b => agent.Sources.TreeSpells(b.Syntax.SyntaxTree, "ToolCalls")))
                    || block.OperationBlocks.Any(b => agent.Sources.TreeSpells(b.Syntax.SyntaxTree, SubmitToolOutputs)))
                {
                    block.RegisterOperationAction(onFinishReason, OperationKind.Loop, OperationKind.Conditional, OperationKind.Switch);
                }
            });
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, AgentContext agent)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == McpToolDispatch.Name)
        {
            if (McpToolDispatch.IsModelChosen(invocation, agent))
            {
                ReportMcpDispatch(context, invocation, agent);
            }

            return;
        }

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
            case InvocationKind.KernelFunctionInvocation:
                if (!KernelFunctionInvocation.IsGated(invocation, agent))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invocation),
                        "UseKernelFunctionInvocation()", "the kernel its requests carry has no gating filter (AddPolicyGate() on the builder the client is registered in, or kernel.UsePolicyGate())"));
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
                AnalyzeDispatch(context, invocation, agent);
                break;
            case InvocationKind.ModelCall when OllamaChatTools(invocation, agent) is { } tools:
                AnalyzeOllamaChat(context, invocation, tools, agent);
                break;
        }
    }

    /// <summary>Whether the file assigns a chat's <c>ToolInvoker</c> (<c>chat.ToolInvoker = ...</c>, <c>new Chat(...) { ToolInvoker = ... }</c>); name first.</summary>
    private static bool SetsToolInvoker(SyntaxTree tree, AgentContext agent)
        => agent.Sources.TreeSpells(tree, "ToolInvoker")
            && tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => a.Left switch
            {
                IdentifierNameSyntax { Identifier.ValueText: "ToolInvoker" } => true,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToolInvoker" } => true,
                _ => false,
            });

    /// <summary>
    /// The tools handed to OllamaSharp's <c>Chat.SendAsync(message, tools)</c> / <c>SendAsAsync(role, message, tools)</c>, when some
    /// are (not a null constant): the chat runs the tool calls the model makes through its <c>ToolInvoker</c> and sends the results
    /// back, automatic invocation by another name.
    /// </summary>
    private static IOperation? OllamaChatTools(IInvocationOperation invocation, AgentContext agent)
    {
        if (agent.Symbols.OllamaChat is not { } chat || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, chat))
        {
            return null;
        }

        var tools = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "tools" && a.ArgumentKind == ArgumentKind.Explicit)?.Value;
        return tools is null || Operations.IsNullConstant(tools) ? null : tools;
    }

    /// <summary>
    /// An OllamaSharp chat given tools: gated when its model calls are (the client it is made with), or when the code asks a gate
    /// in the method, or hands the chat a tool invoker of its own (<c>chat.ToolInvoker = ...</c>, which decides how a tool runs).
    /// </summary>
    private static void AnalyzeOllamaChat(OperationAnalysisContext context, IInvocationOperation invocation, IOperation tools, AgentContext agent)
    {
        if (SetsToolInvoker(invocation.Syntax.SyntaxTree, agent)
            || (Operations.Receiver(invocation) is { } receiver && agent.Origins.Trace(receiver).State == GateState.Gated)
            || ChecksGateInMethod(invocation, agent))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invocation),
            $"OllamaSharp Chat.{invocation.TargetMethod.Name}(...) with tools", "the chat invokes the model's tool calls and nothing gates them"));
    }

    /// <summary>
    /// <c>functionCall.InvokeAsync(kernel)</c> / <c>function.InvokeAsync(arguments)</c>: the model's tool calls
    /// run by hand. Inside a loop that also calls the model, the loop is the automatic invocation: reported
    /// once, at the loop. Gated by the kernel's filters (SK) or a gate check in the same method.
    /// </summary>
    private static void AnalyzeDispatch(OperationAnalysisContext context, IInvocationOperation invocation, AgentContext agent)
    {
        if (!IsHandDispatch(invocation, agent))
        {
            return;
        }

        var kernel = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "kernel")?.Value;
        if ((kernel is not null && !Operations.IsNullConstant(kernel) && agent.Origins.Trace(kernel).State == GateState.Gated) || ChecksGateInMethod(invocation, agent))
        {
            return;
        }

        var location = Locations.NameOf(invocation);
        if (ModelLoop(invocation, agent) is { } loop)
        {
            // One report per loop: at its first dispatch.
            var first = loop.Descendants().OfType<IInvocationOperation>().First(i => agent.Classifier.Classify(i.TargetMethod) == InvocationKind.FunctionCallDispatch && IsHandDispatch(i, agent));
            if (first != invocation)
            {
                return;
            }

            location = Locations.Keyword(loop);
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, location,
            "tool calls dispatched by hand (InvokeAsync of the model's function calls)", "no gate checks them (kernel filter, UsePolicyGate or IPolicyGate)"));
    }

    /// <summary>
    /// <c>mcpClient.CallToolAsync(functionCall.Name, ...)</c>: the model's function call run on an MCP server by hand
    /// (<see cref="McpToolDispatch"/>). Gated by a gate check in the same method; reported at the call.
    /// </summary>
    private static void ReportMcpDispatch(OperationAnalysisContext context, IOperation call, AgentContext agent)
    {
        if (ChecksGateInMethod(call, agent))
        {
            return;
        }

        var location = call.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : call.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, location,
            "tool calls dispatched by hand (CallToolAsync of an MCP client with the model's function name)", "no gate checks them (UsePolicyGate or IPolicyGate)"));
    }

    /// <summary>
    /// A function call dispatched by this code, not by a pipeline it is a link of: a delegating function calling its inner
    /// function, or a <c>FunctionInvoker</c> delegate or function middleware calling <c>context.Function.InvokeAsync(...)</c>
    /// (the function the automatic invocation loop is running; that loop is judged where it is configured).
    /// </summary>
    private static bool IsHandDispatch(IInvocationOperation invocation, AgentContext agent)
    {
        if (agent.Symbols.AIFunction is { } aiFunction && invocation.SemanticModel?.GetEnclosingSymbol(invocation.Syntax.SpanStart)?.ContainingType is { } containing
            && KnownSymbols.IsOrDerivesFrom(containing, aiFunction))
        {
            return false; // a delegating function calling its inner function
        }

        var function = Operations.Receiver(invocation) is { } receiver ? Operations.Unwrap(receiver) : null;
        if (function is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
        {
            function = Operations.Unwrap(initial); // var function = context.Function;
        }

        return !(function is IPropertyReferenceOperation { Property.Name: "Function", Instance: { Type: { } contextType } }
            && agent.Symbols.MeaiFunctionInvocationContext is { } invocationContext && KnownSymbols.IsOrDerivesFrom(contextType, invocationContext));
    }

    /// <summary>The innermost loop around the operation that also sends a request to the model.</summary>
    private static ILoopOperation? ModelLoop(IOperation operation, AgentContext agent)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            if (current is ILoopOperation loop && loop.Body.Descendants().OfType<IInvocationOperation>().Any(i => agent.Classifier.Classify(i.TargetMethod) == InvocationKind.ModelCall))
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>
    /// Code that does not bind here (a package the scan does not have): an agent factory given local tools
    /// (<see cref="UnboundAgentCreation"/>), or a connector's <c>XxxToolCallBehavior.AutoInvokeKernelFunctions</c>
    /// (Gemini, Mistral, older OpenAI connectors), automatic invocation of the kernel's functions as the OpenAI one is.
    /// </summary>
    private static void AnalyzeUnbound(OperationAnalysisContext context, AgentContext agent)
    {
        var invalid = (IInvalidOperation)context.Operation;
        switch (invalid.Syntax)
        {
            case InvocationExpressionSyntax call:
                if (UnboundAgentCreation.Find(invalid, agent) is { } name)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, name.GetLocation(),
                        $"{name.Identifier.ValueText}(...) with tools", "neither its client nor the agent is gated"));
                }
                else if (UnboundFunctionInvocation(call) is { } configured)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, configured.GetLocation(),
                        "UseFunctionInvocation()", "this pipeline has no UsePolicyGate()"));
                }
                else if (McpToolDispatch.IsModelChosen(invalid, agent))
                {
                    ReportMcpDispatch(context, invalid, agent);
                }

                break;
            case BaseObjectCreationExpressionSyntax when UnboundAgentCreation.IsUngatedCreationWithTools(invalid, agent):
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invalid),
                    $"new {invalid.Type!.Name}(...) with tools", "neither its chat client nor the agent is gated"));
                break;
            case BaseObjectCreationExpressionSyntax when SkAgentPlugins.IsUngatedWithPlugins(invalid, agent):
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(invalid),
                    $"new {invalid.Type!.Name}(...) with kernel plugins", KernelReason));
                break;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: AutoInvokeKernelFunctionsName, Expression: var owner } access
                when owner.ToString().EndsWith("ToolCallBehavior", System.StringComparison.Ordinal) && !IsKernelGated(invalid, agent):
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, access.Name.GetLocation(), $"{owner}.AutoInvokeKernelFunctions", KernelReason));
                break;
        }
    }

    /// <summary>
    /// <c>UseFunctionInvocation()</c> in a builder chain that does not bind here because its start is of a package the scan
    /// does not have (Aspire's <c>builder.AddAzureOpenAIClient("openai").AddChatClient("chat")</c>, the removed
    /// <c>new OllamaChatClient(...)</c>): the chain configures automatic invocation all the same, and it is due whatever
    /// tools reach it. Only the chain can gate it (its start is code this analysis cannot see into, and no gate of ours is
    /// unresolved): not reported when a link of the chain is a gate or middleware that may be one (<c>Use(...)</c>).
    /// Name first: the call must be spelled <c>UseFunctionInvocation</c> on a member access.
    /// </summary>
    private static SimpleNameSyntax? UnboundFunctionInvocation(InvocationExpressionSyntax call)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { Name: { Identifier.ValueText: UseFunctionInvocationName } name })
        {
            return null;
        }

        // The chain: down through receivers, up through the calls this one is the receiver of.
        ExpressionSyntax top = call;
        while (top.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == top)
        {
            top = outer;
        }

        for (var link = top as InvocationExpressionSyntax; link is not null;)
        {
            if (link.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var linkName } member)
            {
                if (linkName is "UsePolicyGate" or "AddPolicyGate" or "WithPolicyGate" or "Use")
                {
                    return null;
                }

                link = member.Expression as InvocationExpressionSyntax;
            }
            else
            {
                break;
            }
        }

        return name;
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, AgentContext agent)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (SkAgentPlugins.IsUngatedWithPlugins(creation, agent))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(creation),
                $"new {creation.Type!.Name}(...) with kernel plugins", KernelReason));
            return;
        }

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
    /// A hand-written tool loop: <c>while (completion.FinishReason == ChatFinishReason.ToolCalls)</c>, an
    /// <c>if</c> or a <c>case ChatFinishReason.ToolCalls:</c> whose code answers the model's tool calls
    /// (makes tool messages). It is automatic invocation in all but name: gated only when the model calls in
    /// the method are, or the code asks a gate. A test of the finish reason that dispatches nothing is not.
    /// </summary>
    private static void AnalyzeFinishReason(OperationAnalysisContext context, AgentContext agent)
    {
        // Name first: a test of ChatFinishReason.ToolCalls spells "ToolCalls" in its file. Most files never do, and then
        // no loop, if or switch of theirs has its condition walked (one text search per file, cached).
        if (!agent.Sources.TreeSpells(context.Operation.Syntax.SyntaxTree, "ToolCalls") && !agent.Sources.TreeSpells(context.Operation.Syntax.SyntaxTree, SubmitToolOutputs))
        {
            return;
        }

        switch (context.Operation)
        {
            case IWhileLoopOperation { Condition: { } condition } loop:
                AnalyzeTest(context, condition, loop.Body, agent);
                break;
            case IConditionalOperation { IsRef: false } conditional when conditional.WhenTrue is IBlockOperation or IExpressionStatementOperation or IConditionalOperation:
                AnalyzeTest(context, conditional.Condition, conditional.WhenTrue, agent);
                break;
            case ISwitchOperation @switch:
                foreach (var @case in @switch.Cases)
                {
                    foreach (var clause in @case.Clauses)
                    {
                        AnalyzeTest(context, clause, @case, agent);
                    }
                }

                break;
        }
    }

    private const string SubmitToolOutputsAction = "SubmitToolOutputsAction";

    /// <summary>The streaming form's update: <c>if (update is RequiredActionUpdate action)</c>, one function call the run asks for.</summary>
    private const string RequiredActionUpdate = "RequiredActionUpdate";

    /// <summary>
    /// What every file that answers an Azure AI Agents run's tool calls by hand spells: the required action's type
    /// (<c>SubmitToolOutputsAction</c>) or the call that hands the outputs back (<c>SubmitToolOutputsToRun</c>, <c>SubmitToolOutputsToStream</c>).
    /// </summary>
    private const string SubmitToolOutputs = "SubmitToolOutputs";

    private static void AnalyzeTest(OperationAnalysisContext context, IOperation test, IOperation region, AgentContext agent)
    {
        IOperation? toolCalls = null;
        foreach (var operation in test.DescendantsAndSelf())
        {
            if (IsSubmitToolOutputsTest(operation))
            {
                // Azure AI Agents: `if (run.RequiredAction is SubmitToolOutputsAction submit)` whose code runs the function calls the
                // run asks for and submits their outputs: the service's model chose them; this code invokes them.
                if (SubmitsToolOutputs(region))
                {
                    ReportHandLoop(context, operation, region, agent, "tool calls answered by hand (SubmitToolOutputsAction)");
                }

                return;
            }

            if (IsTypeTest(operation, RequiredActionUpdate))
            {
                // The streaming form: `if (update is RequiredActionUpdate action) toolOutputs.Add(Resolve(action.FunctionName, ...))`,
                // the outputs submitted after the stream (`SubmitToolOutputsToStream(run, toolOutputs)`) in the same method.
                if (ProducesToolOutputs(region) && SubmitsToolOutputs(Operations.Root(region)))
                {
                    ReportHandLoop(context, operation, region, agent, "tool calls answered by hand (RequiredActionUpdate)");
                }

                return;
            }

            var member = operation switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
            if (member is { Name: "ToolCalls", IsStatic: true } && SymbolEqualityComparer.Default.Equals(member.ContainingType, agent.Symbols.OpenAIChatFinishReason))
            {
                toolCalls = operation;
                break;
            }

            if (operation is IInvalidOperation && IsUnboundFinishReasonToolCalls(operation.Syntax))
            {
                // Azure.AI.OpenAI 1.x: `choice.FinishReason == CompletionsFinishReason.ToolCalls`, a type the scan does not have.
                toolCalls = operation;
                break;
            }
        }

        if (toolCalls is null || !(toolCalls is IInvalidOperation ? AnswersToolCallsUnbound(region) : AnswersToolCalls(region, agent)))
        {
            return;
        }

        ReportHandLoop(context, toolCalls, region, agent, "a hand-written tool loop (ChatFinishReason.ToolCalls)");
    }

    /// <summary>A hand loop is gated when every model call of its method is, or its code asks a gate.</summary>
    private static void ReportHandLoop(OperationAnalysisContext context, IOperation at, IOperation region, AgentContext agent, string what)
    {
        var root = Operations.Root(region);
        var calls = root.Descendants().OfType<IInvocationOperation>().Select(i => ModelCall.TryCreate(i, agent)).Where(c => c is not null).ToList();
        if ((calls.Count > 0 && calls.All(c => agent.Origins.Trace(c!.Client).State == GateState.Gated)) || ChecksGate(region, agent))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UngatedAutoInvocation, Locations.NameOf(at), what, "the model's tool calls are dispatched with no gate"));
    }

    /// <summary><c>x is SubmitToolOutputsAction</c> (a type or declaration pattern, or an <c>is</c> type test), bound or not.</summary>
    private static bool IsSubmitToolOutputsTest(IOperation operation) => IsTypeTest(operation, SubmitToolOutputsAction);

    /// <summary><c>x is T</c> / <c>x is T t</c> for a type of this name, bound or not (the agent-service package is often missing from a scan).</summary>
    private static bool IsTypeTest(IOperation operation, string typeName)
        => operation switch
        {
            IDeclarationPatternOperation { MatchedType: { } matched } => matched.Name == typeName,
            ITypePatternOperation { MatchedType: { } matched } => matched.Name == typeName,
            IIsTypeOperation { TypeOperand: { } operand } => operand.Name == typeName,
            _ => false,
        };

    /// <summary>
    /// The region makes a tool's output for the run: <c>new ToolOutput(...)</c>, or adds to a list of them the result of a call
    /// that is given the function's name (<c>toolOutputs.Add(GetResolvedToolOutput(action.FunctionName, action.ToolCallId, ...))</c>).
    /// </summary>
    private static bool ProducesToolOutputs(IOperation region)
    {
        foreach (var node in region.Syntax.DescendantNodes())
        {
            switch (node)
            {
                case ObjectCreationExpressionSyntax creation when Analysis.Sources.SourceIndex.RightmostName(creation.Type) == "ToolOutput":
                    return true;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" }, ArgumentList.Arguments: { Count: 1 } added }
                    when added[0].Expression is InvocationExpressionSyntax resolve && resolve.ArgumentList.Arguments.Any(a => a.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FunctionName" }):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The region hands tool outputs back to the run: <c>SubmitToolOutputsToRun(Async)</c> or <c>new ToolOutput(...)</c>, by name (the
    /// agent-service package is often missing from a scan; a test of <see cref="SubmitToolOutputsAction"/> says which API this is).
    /// </summary>
    private static bool SubmitsToolOutputs(IOperation region)
    {
        foreach (var node in region.Syntax.DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax call when Analysis.Sources.SourceIndex.SimpleName(call) is "SubmitToolOutputsToRun" or "SubmitToolOutputsToRunAsync"
                    or "SubmitToolOutputsToStream" or "SubmitToolOutputsToStreamAsync":
                case ObjectCreationExpressionSyntax creation when Analysis.Sources.SourceIndex.RightmostName(creation.Type) == "ToolOutput":
                    return true;
            }
        }

        return false;
    }

    /// <summary>A finish-reason constant spelled <c>XxxFinishReason.ToolCalls</c> that does not bind (an SDK version the scan does not have).</summary>
    private static bool IsUnboundFinishReasonToolCalls(SyntaxNode syntax)
        => syntax is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToolCalls", Expression: var owner }
            && owner.ToString().EndsWith("FinishReason", System.StringComparison.Ordinal);

    /// <summary>
    /// The unbound form of <see cref="AnswersToolCalls"/>: the region answers each tool call the model asked for, a loop over
    /// the response's <c>ToolCalls</c> that adds something (a tool message) per call
    /// (<c>foreach (var toolCall in choice.Message.ToolCalls) { options.Messages.Add(Answer(toolCall)); }</c>).
    /// </summary>
    private static bool AnswersToolCallsUnbound(IOperation region)
    {
        foreach (var loop in region.Syntax.DescendantNodesAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.CommonForEachStatementSyntax>())
        {
            if (loop.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToolCalls" }
                && loop.Statement.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" }))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The region answers tool calls: it makes tool result messages (ToolChatMessage) or dispatches function calls.</summary>
    private static bool AnswersToolCalls(IOperation region, AgentContext agent)
    {
        foreach (var operation in region.DescendantsAndSelf())
        {
            var type = operation switch
            {
                IObjectCreationOperation creation => creation.Type,
                IInvocationOperation invocation => invocation.Type,
                _ => null,
            };
            if (type is { Name: "ToolChatMessage" } && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, agent.Symbols.OpenAIChatFinishReason!.ContainingNamespace))
            {
                return true;
            }

            if (operation is IInvocationOperation call && agent.Classifier.Classify(call.TargetMethod) == InvocationKind.FunctionCallDispatch && IsHandDispatch(call, agent))
            {
                return true;
            }
        }

        return false;
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
            // The references of the body's one walk (LocalValues), in the same order: not a walk of the body per behaviour.
            kernels = LocalValues.NamedValues(Operations.Root(operation))
                .Where(o => o.Type is { } t && KnownSymbols.IsOrDerivesFrom(t, agent.Symbols.Kernel))
                .ToList();
        }

        if (kernels.Count == 0)
        {
            return agent.Pipelines.AllKernelsGatedFrom(operation.Syntax.SyntaxTree);
        }

        var states = kernels.Select(k => agent.Origins.Trace(k).State).ToList();
        return states.All(s => s == GateState.Gated) || (states.All(s => s != GateState.Ungated) && agent.Pipelines.AllKernelsGatedFrom(operation.Syntax.SyntaxTree));
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

        // The calls handed the settings: from the body's one walk (LocalValues), not a walk of the body and of every call's arguments.
        foreach (var invocation in LocalValues.InvocationsGiven(Operations.Root(behaviour), settings))
        {
            if (ModelCall.TryCreate(invocation, agent) is { } call)
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
