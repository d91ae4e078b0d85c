namespace AlignmentPolicy.Gates.Tests.BuiltIn;

internal static class GateTestRequests
{
    public static PolicyRequest Tool(string name, string[] sideEffects, params (string Key, object? Value)[] arguments)
        => PolicyRequest.ForToolCall(name, arguments.ToDictionary(a => a.Key, a => a.Value), sideEffects);

    public static PolicyRequest ToolAfter(IEnumerable<ChatMessage> history, string name, string[] sideEffects, params (string Key, object? Value)[] arguments)
        => PolicyRequest.ForToolCall(name, arguments.ToDictionary(a => a.Key, a => a.Value), sideEffects, history);

    /// <summary>A `run` of <paramref name="command"/> (a process side effect) after <paramref name="history"/>.</summary>
    public static PolicyRequest RunAfter(IEnumerable<ChatMessage> history, string command)
        => ToolAfter(history, "run", [SideEffectCategories.Process], ("command", command));

    /// <summary>A `write_file` of <paramref name="content"/> to <paramref name="path"/> after <paramref name="history"/>.</summary>
    public static PolicyRequest WriteAfter(IEnumerable<ChatMessage> history, string path, string content)
        => ToolAfter(history, "write_file", [SideEffectCategories.FileSystem], ("path", path), ("content", content));

    /// <summary>The side-effect gate's and the oversight gate's decisions on one request.</summary>
    public static async Task<(PolicyDecision SideEffects, PolicyDecision Oversight)> SideEffectsAndOversight(PolicyRequest request)
        => ((await Judge(new SideEffectPolicyGate(), request)).Decision, (await Judge(new OversightPolicyGate(), request)).Decision);

    public static PolicyRequest Answer(string text, params ChatMessage[] history)
        => PolicyRequest.ForModelResponse(history, new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));

    public static async Task<PolicyVerdict> Judge(IPolicyGate gate, PolicyRequest request) => await gate.EvaluateAsync(request, CancellationToken.None);

    public static ChatMessage ToolCall(string callId, string name, params (string Key, object? Value)[] arguments)
        => new(ChatRole.Assistant, [new FunctionCallContent(callId, name, arguments.ToDictionary(a => a.Key, a => a.Value))]);

    public static ChatMessage ToolResult(string callId, object? result, Exception? exception = null)
        => new(ChatRole.Tool, [new FunctionResultContent(callId, result) { Exception = exception }]);

    /// <summary>The history of one `sudo systemctl restart` of <paramref name="service"/> that failed with <paramref name="error"/>.</summary>
    public static ChatMessage[] FailedRestart(string service, string error) =>
    [
        ToolCall("c1", "run", ("command", $"sudo systemctl restart {service}")),
        ToolResult("c1", error, new InvalidOperationException($"{service}.service failed")),
    ];
}
