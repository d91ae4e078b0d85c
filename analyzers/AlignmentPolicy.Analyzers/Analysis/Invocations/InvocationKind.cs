namespace AlignmentPolicy.Analyzers.Analysis.Invocations;

/// <summary>What a called method means to the rules. One classifier (<see cref="InvocationClassifier"/>) decides it from the method symbol.</summary>
internal enum InvocationKind
{
    /// <summary>Nothing the rules care about (most calls).</summary>
    None = 0,

    /// <summary>A request sent to a model: IChatClient, AIAgent, IChatCompletionService, Kernel.InvokePromptAsync, OpenAI, Anthropic, Ollama.</summary>
    ModelCall,

    /// <summary><c>Kernel.InvokeAsync</c> / <c>KernelFunction.InvokeAsync</c>: a model call only when the function is a prompt function.</summary>
    KernelInvoke,

    /// <summary>Our <c>UsePolicyGate</c> / <c>AddPolicyGate</c> / <c>WithPolicyGate</c>.</summary>
    GateApplication,

    /// <summary>A call that asks for a verdict or an approval: <c>IPolicyGate.EvaluateAsync</c>, <c>IApprovalService.RequestApprovalAsync</c>.</summary>
    GateCheck,

    /// <summary><c>ChatClientBuilder.Use(...)</c> / <c>AIAgentBuilder.Use(...)</c>: a gate only when its middleware can stop the call.</summary>
    MiddlewareUse,

    /// <summary><c>ChatClientBuilder.UseFunctionInvocation()</c>.</summary>
    FunctionInvocation,

    /// <summary><c>AsAIAgent</c> / <c>CreateAIAgent</c>: an Agent Framework agent, which invokes its tools automatically.</summary>
    AgentCreation,

    /// <summary><c>AIFunctionFactory.Create</c> / <c>KernelFunctionFactory.CreateFromMethod</c>: a tool made from code.</summary>
    ToolFactory,

    /// <summary>A Semantic Kernel function or plugin made from a prompt (inline, YAML or a prompt directory).</summary>
    PromptFunctionSource,

    /// <summary><c>AddFromType&lt;T&gt;</c>, <c>AddFromObject</c>, <c>ImportPluginFromType&lt;T&gt;</c>, ...: T's kernel functions become the kernel's tools.</summary>
    PluginRegistration,

    /// <summary><c>AddFromFunctions</c> / <c>ImportPluginFromFunctions</c>: functions (MCP tools among them) become the kernel's tools.</summary>
    FunctionsImport,

    /// <summary><c>AddChatClient</c> / <c>AddKeyedChatClient</c>.</summary>
    ChatClientRegistration,

    /// <summary><c>AddKernel()</c>.</summary>
    KernelRegistration,

    /// <summary><c>AddSingleton</c> / <c>AddScoped</c> / <c>AddTransient</c> (keyed and TryAdd forms too).</summary>
    ServiceRegistration,

    /// <summary><c>kernel.FunctionInvocationFilters.Add(...)</c> and the other filter collections.</summary>
    FilterAdd,

    /// <summary><c>GetService</c> / <c>GetRequiredService</c> (keyed too).</summary>
    ServiceLookup,

    /// <summary>Semantic Kernel <c>FunctionCallContent.InvokeAsync(kernel)</c> or <c>AIFunction.InvokeAsync(arguments)</c>: tools dispatched by hand.</summary>
    FunctionCallDispatch,

    /// <summary><c>McpClient.ListToolsAsync()</c>: an MCP server's tools, ready to hand to a model.</summary>
    McpToolListing,

    /// <summary><c>FunctionChoiceBehavior.Auto()</c> / <c>Required()</c>.</summary>
    AutoInvokeBehavior,

    /// <summary>
    /// <c>ChatClientBuilder.UseKernelFunctionInvocation()</c>: Semantic Kernel's function-invoking chat client, which
    /// invokes the functions of the kernel each request carries (gated as those kernels are).
    /// </summary>
    KernelFunctionInvocation,
}
