using System;
using System.Collections.Immutable;
using System.Linq;
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

    /// <summary>
    /// The names a call this rule judges is spelled with: those <see cref="InvocationClassifier"/> classifies as
    /// <see cref="InvocationKind.ModelCall"/>, <see cref="InvocationKind.KernelInvoke"/> or <see cref="InvocationKind.WorkflowRun"/>
    /// (<see cref="ModelCall.TryCreate"/>), and the chat calls of other SDK versions <see cref="ModelCall.UnboundClient"/> knows.
    /// A name the classifier learns for those kinds belongs here too.
    /// </summary>
    internal static readonly string[] DispatchNames =
    {
        "GetResponseAsync", "GetStreamingResponseAsync", "RunAsync", "RunStreamingAsync",
        "GetChatMessageContentsAsync", "GetChatMessageContentAsync", "GetStreamingChatMessageContentsAsync", "GetStreamingChatMessageContentAsync",
        "GetTextContentsAsync", "GetTextContentAsync", "GetStreamingTextContentsAsync", "GetStreamingTextContentAsync",
        "InvokePromptAsync", "InvokePromptStreamingAsync", "InvokeAsync", "InvokeStreamingAsync",
        "CompleteChat", "CompleteChatAsync", "CompleteChatStreaming", "CompleteChatStreamingAsync", "Create", "CreateStreaming",
        "CreateResponse", "CreateResponseAsync", "CreateResponseStreaming", "CreateResponseStreamingAsync", "ChatAsync", "SendAsync", "SendAsAsync",
        "CreateSamplingHandler", "CreateRun", "CreateRunAsync", "CreateRunStreaming", "CreateRunStreamingAsync",
        "CreateThreadAndRun", "CreateThreadAndRunAsync", "CreateThreadAndRunStreaming", "CreateThreadAndRunStreamingAsync", "GenerateAsync",
        "GetCompletions", "GetCompletionsAsync", "GetCompletionsStreaming", "GetCompletionsStreamingAsync", "GetClaudeMessageAsync", "StreamClaudeMessageAsync",
        "GetChatCompletions", "GetChatCompletionsAsync", "GetChatCompletionsStreaming", "GetChatCompletionsStreamingAsync", "CompleteAsync", "CompleteStreamingAsync",
        "Complete", "CompleteStreaming", // Azure AI Inference's ChatCompletionsClient (bound, or ModelCall.UnboundClient)
        "PostAsync", "PostAsJsonAsync", // RawHttpModelCalls.Names ("SendAsync" above)
        "StreamAsync", // ModelCall.UnboundClient: InProcessExecution.StreamAsync(workflow, input) of earlier Agent Framework versions
        "CreatePlanAsync", // ModelCall.UnboundClient: the Handlebars planner's planner.CreatePlanAsync(kernel, goal)
    };

    /// <summary>
    /// The names a call that does not bind is judged by (<see cref="ModelCall.UnboundCallNames"/>, read from the call's own syntax by
    /// <see cref="ModelCall.UnboundClient"/>): only a block that spells one of them is handed its invalid operations (a scanned project
    /// missing a package has many, most in blocks spelling only names of bound calls such as <c>Create</c>). A static array, as the
    /// dispatch caches what it read per list instance.
    /// </summary>
    internal static readonly string[] UnboundNames = ModelCall.UnboundCallNames.OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

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

            // Name first: only a block that spells a model call's name is handed to this rule, operation by operation.
            agent.SpelledNames.Declare(DispatchNames);
            agent.SpelledNames.Declare(UnboundNames);

            // The operation actions, made once per compilation and registered for each block that spells the names (a lambda written
            // inside the block-start action would be a new delegate per block).
            Action<OperationAnalysisContext> onInvocation = c =>
            {
                WorkCounters.Count(ref WorkCounters.ModelCallRuleCallbacks);
                using var running = WorkCounters.Run(WorkCounters.Callback.ModelInvocation);
                Analyze(c, agent);
            };
            Action<OperationAnalysisContext> onInvalid = c =>
            {
                WorkCounters.Count(ref WorkCounters.ModelCallRuleCallbacks);
                using var running = WorkCounters.Run(WorkCounters.Callback.ModelInvalid);
                AnalyzeUnbound(c, agent);
            };
            start.RegisterOperationBlockStartAction(block =>
            {
                WorkCounters.Count(ref WorkCounters.ModelCallRuleCallbacks);
                if (!agent.SpelledNames.AnySpells(block.OperationBlocks, DispatchNames))
                {
                    return;
                }

                block.RegisterOperationAction(onInvocation, OperationKind.Invocation);

                // Operations that do not bind, only where the block spells a name the unbound judge reads (a third of the list).
                if (agent.SpelledNames.AnySpells(block.OperationBlocks, UnboundNames))
                {
                    block.RegisterOperationAction(onInvalid, OperationKind.Invalid);
                }
            });
        });
    }

    private static void Analyze(OperationAnalysisContext context, AgentContext agent)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (ModelCall.TryCreate(invocation, agent) is { } call)
        {
            Analyze(context, agent, invocation, call.Client, call.KernelRendersRequest ? call.Kernel : null, call.Name);
        }
        else if (RawHttpModelCalls.ChatEndpoint(invocation, agent.Symbols) is { } endpoint
            && agent.Gates.Checks.FromBody("request", Operations.Root(invocation)) is null)
        {
            // A chat request posted with a plain HttpClient: nothing but a gate the code asks itself can stand before the model.
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UngatedModelCall,
                Locations.NameOf(invocation),
                invocation.TargetMethod.Name,
                $"it is posted to a model's chat endpoint ('{endpoint}') with a plain HttpClient, and the code asks no policy gate before it"));
        }
    }

    /// <summary>A chat call of an SDK version the scan does not have (it does not bind): gated only as its client is.</summary>
    private static void AnalyzeUnbound(OperationAnalysisContext context, AgentContext agent)
    {
        var invalid = (IInvalidOperation)context.Operation;
        if (ModelCall.UnboundClient(invalid, agent, out var name) is { } client)
        {
            // A kernel handed to a chat call gives it tools, not a filter on the request (ModelCall.KernelRendersRequest). A planner
            // sends its request to the kernel's chat service itself: no kernel filter sees it.
            var origin = ModelCall.IsPlanRequest(name) ? agent.ModelCallOrigins.TraceKernelChatService(client) : agent.ModelCallOrigins.Trace(client);
            Analyze(context, agent, invalid, origin, null, name);
        }
    }

    private static void Analyze(OperationAnalysisContext context, AgentContext agent, IOperation invocation, IOperation client, IOperation? callKernel, string name)
        => Analyze(context, agent, invocation, agent.ModelCallOrigins.Trace(client), callKernel, name);

    private static void Analyze(OperationAnalysisContext context, AgentContext agent, IOperation invocation, Origin origin, IOperation? callKernel, string name)
    {
        if (origin.State != GateState.Gated && callKernel is { } kernel && agent.ModelCallOrigins.Trace(kernel).State == GateState.Gated)
        {
            return; // a prompt function invoked with a kernel whose prompt filters gate its rendered request
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
            name,
            origin.Reason));
    }
}
