using AlignmentPolicy.Cli.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>
/// Lists a project's model calls and agent tools (the public SDK surfaces DESIGN.md names, matched by symbol) so the
/// report can show every one of them, not only those the analyzers flag. Gate status is not decided here: an item
/// is ungated exactly when an analyzer finding (ALN0001 for calls, ALN0002/ALN0003 for tools) lies within it.
/// </summary>
internal static class AgentInventory
{
    /// <summary>Model-call methods by name, with the types (and their subtypes) they must be called on.</summary>
    private static readonly Dictionary<string, string[]> ModelCallMethods = new(StringComparer.Ordinal)
    {
        ["GetResponseAsync"] = ["Microsoft.Extensions.AI.IChatClient"],
        ["GetStreamingResponseAsync"] = ["Microsoft.Extensions.AI.IChatClient"],
        ["RunAsync"] = ["Microsoft.Agents.AI.AIAgent"],
        ["RunStreamingAsync"] = ["Microsoft.Agents.AI.AIAgent"],
        ["GetChatMessageContentAsync"] = ["Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService"],
        ["GetChatMessageContentsAsync"] = ["Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService"],
        ["GetStreamingChatMessageContentAsync"] = ["Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService"],
        ["GetStreamingChatMessageContentsAsync"] = ["Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService"],
        ["InvokePromptAsync"] = ["Microsoft.SemanticKernel.Kernel"],
        ["InvokePromptStreamingAsync"] = ["Microsoft.SemanticKernel.Kernel"],
        ["CompleteChat"] = ["OpenAI.Chat.ChatClient"],
        ["CompleteChatAsync"] = ["OpenAI.Chat.ChatClient"],
        ["CompleteChatStreaming"] = ["OpenAI.Chat.ChatClient"],
        ["CompleteChatStreamingAsync"] = ["OpenAI.Chat.ChatClient"],
    };

    /// <summary>Factories that turn a method or lambda into a tool the model can call.</summary>
    private static readonly Dictionary<string, string> ToolFactories = new(StringComparer.Ordinal)
    {
        ["Create"] = "Microsoft.Extensions.AI.AIFunctionFactory",
        ["CreateFunctionTool"] = "OpenAI.Chat.ChatTool",
        ["CreateFromMethod"] = "Microsoft.SemanticKernel.KernelFunctionFactory",
    };

    /// <summary>Attributes that make a method a tool.</summary>
    private static readonly string[] ToolAttributes =
    [
        "Microsoft.SemanticKernel.KernelFunctionAttribute", "ModelContextProtocol.Server.McpServerToolAttribute", "AlignmentPolicy.Gates.AgentToolAttribute",
    ];

    private static readonly string[] CallRules = ["ALN0001"];
    private static readonly string[] ToolRules = ["ALN0002", "ALN0003"];

    public static (IReadOnlyList<CodeItem> ModelCalls, IReadOnlyList<CodeItem> Tools) Collect(ScanProject project, string root, IReadOnlyList<ScanFinding> findings, CancellationToken cancellationToken)
    {
        var compilation = ScanCompilationFactory.Create(project);
        var calls = new List<CodeItem>();
        var tools = new List<CodeItem>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!project.Sources.Contains(tree.FilePath))
            {
                continue; // the implicit usings we add
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when MethodName(invocation) is { } name:
                        if (ModelCallMethods.TryGetValue(name, out var receivers) && IsModelCall(model, invocation, receivers, cancellationToken))
                        {
                            calls.Add(Item("model call", ReceiverText(invocation) + name, invocation, root, findings, CallRules));
                        }
                        else if (ToolFactories.TryGetValue(name, out var factory) && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingType: { } type } && type.ToDisplayString() == factory)
                        {
                            tools.Add(Item("tool", $"{type.Name}.{name}({ToolName(invocation)})", invocation, root, findings, ToolRules));
                        }

                        break;
                    case MethodDeclarationSyntax method when method.AttributeLists.Count > 0
                        && model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol && ToolAttribute(symbol) is { } attribute && !IsProcessStep(symbol.ContainingType):
                        tools.Add(Item("tool", $"[{attribute.Replace("Attribute", "", StringComparison.Ordinal)}] {symbol.ContainingType.Name}.{symbol.Name}", method, root, findings, ToolRules));
                        break;
                }
            }
        }

        return (Sorted(calls), Sorted(tools));
    }

    private static List<CodeItem> Sorted(List<CodeItem> items)
        => [.. items.OrderBy(i => i.RelativePath, StringComparer.Ordinal).ThenBy(i => i.Line).ThenBy(i => i.Column)];

    private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static string ReceiverText(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax member)
        {
            return "";
        }

        var text = member.Expression.ToString().Split('\n')[^1].Trim();
        return (text.Length > 40 ? "…" + text[^39..] : text) + ".";
    }

    private static bool IsModelCall(SemanticModel model, InvocationExpressionSyntax invocation, string[] receivers, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }

        var receiver = method.ReducedFrom is not null ? method.ReceiverType
            : method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type
            : invocation.Expression is MemberAccessExpressionSyntax member ? model.GetTypeInfo(member.Expression, cancellationToken).Type
            : method.ContainingType;
        if (receiver is null || !receivers.Any(r => IsOrDerivesFrom(receiver, r)))
        {
            return false;
        }

        // Middleware that forwards to its inner client is part of a pipeline, not a call the agent makes.
        var container = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken)?.ContainingType;
        return container is null || !receivers.Any(r => IsOrDerivesFrom(container, r));
    }

    private static bool IsOrDerivesFrom(ITypeSymbol type, string fullName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.ToDisplayString() == fullName)
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == fullName);
    }

    private static string? ToolAttribute(IMethodSymbol method)
        => method.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()).FirstOrDefault(name => name is not null && ToolAttributes.Contains(name)) is { } found
            ? found[(found.LastIndexOf('.') + 1)..]
            : null;

    /// <summary>[KernelFunction] on a process step is a step of a process, not a tool the model chooses.</summary>
    private static bool IsProcessStep(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "KernelProcessStep" && current.ContainingNamespace.ToDisplayString().StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string ToolName(InvocationExpressionSyntax invocation)
    {
        var first = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        return first switch
        {
            null => "",
            LambdaExpressionSyntax => "lambda",
            AnonymousMethodExpressionSyntax => "delegate",
            LiteralExpressionSyntax literal => literal.Token.ValueText,
            _ => first.ToString().Length > 40 ? first.ToString()[..39] + "…" : first.ToString(),
        };
    }

    private static CodeItem Item(string kind, string name, SyntaxNode node, string root, IReadOnlyList<ScanFinding> findings, string[] rules)
    {
        var span = node.GetLocation().GetLineSpan();
        var first = span.StartLinePosition.Line + 1;
        var last = span.EndLinePosition.Line + 1;
        var path = node.SyntaxTree.FilePath;
        var finding = findings
            .Where(f => rules.Contains(f.RuleId) && f.FullPath == path && f.StartLine >= first && f.StartLine <= last)
            .OrderByDescending(f => f.Severity)
            .FirstOrDefault();
        var status = finding is null ? GateStatus.Gated : finding.IsWarningOrError ? GateStatus.Ungated : GateStatus.Unknown;
        var detail = finding?.Message ?? (kind == "tool" ? "no unguarded side effect found" : "routed through a policy gate");
        return new CodeItem(kind, name, Path.GetRelativePath(root, path).Replace('\\', '/'), path, first, span.StartLinePosition.Character + 1, status, finding?.RuleId, detail);
    }
}
