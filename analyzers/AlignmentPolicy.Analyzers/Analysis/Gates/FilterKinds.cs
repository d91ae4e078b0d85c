using System;

namespace AlignmentPolicy.Analyzers.Analysis.Gates;

/// <summary>
/// The Semantic Kernel filter interfaces, by what each intercepts: a function filter runs around a function the kernel
/// invokes and an auto-function filter around a tool call the model asked for (both see tools, never the request sent to
/// the model); a prompt-render filter runs where a prompt function's prompt is rendered, before it is sent to the model.
/// A question about gating says which it asks about: tools (<see cref="Tools"/>) or model requests (<see cref="ModelRequests"/>).
/// </summary>
[Flags]
internal enum FilterKinds
{
    None = 0,

    /// <summary><c>IFunctionInvocationFilter</c>.</summary>
    Function = 1,

    /// <summary><c>IAutoFunctionInvocationFilter</c>.</summary>
    AutoFunction = 2,

    /// <summary><c>IPromptRenderFilter</c>.</summary>
    PromptRender = 4,

    /// <summary>What can stop a tool the pipeline invokes: any filter (a prompt filter that blocks also stops the turn that would call it).</summary>
    Tools = Function | AutoFunction | PromptRender,

    /// <summary>What can stop a request to the model made through the kernel (a prompt function's): only a prompt-render filter sees it.</summary>
    ModelRequests = PromptRender,

    /// <summary>
    /// What can stop a request sent straight to a kernel's chat service (a chat-service call handed or taken from the kernel,
    /// a Semantic Kernel agent's turn): no kernel filter; only <c>KernelFunctionFromPrompt</c> runs the prompt-render filters.
    /// </summary>
    DirectRequests = None,
}
