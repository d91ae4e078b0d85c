using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.RealRepos;

/// <summary>A place where a rule might be due, found by syntax, to be judged by a person.</summary>
internal sealed record Candidate(string Rule, string Path, SiteKey Key, string Context);

/// <summary>
/// Enumerates candidate sites per rule by syntax, generously (name matches, not symbols): every call that may
/// be a model call (ALN0001), every tool definition or registration (ALN0002), every place that may configure
/// automatic tool invocation (ALN0005), hand-written tool loops and `if (finishReason == ToolCalls)`
/// dispatch included (listed at their outermost loop or if keyword). Deciding whether a warning is due is a
/// person's job; this only makes sure no site is forgotten.
/// </summary>
internal static class CandidateFinder
{
    private static readonly HashSet<string> ModelCallNames = new(StringComparer.Ordinal)
    {
        "GetResponseAsync", "GetStreamingResponseAsync", "CompleteAsync", "CompleteStreamingAsync",
        "RunAsync", "RunStreamingAsync",
        "GetChatMessageContentAsync", "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync",
        "GetTextContentAsync", "GetTextContentsAsync", "GetStreamingTextContentsAsync",
        "InvokePromptAsync", "InvokePromptStreamingAsync", "InvokeAsync", "InvokeStreamingAsync",
        "CompleteChat", "CompleteChatAsync", "CompleteChatStreaming", "CompleteChatStreamingAsync",
        "CreateResponse", "CreateResponseAsync", "CreateResponseStreaming", "CreateResponseStreamingAsync",
        "ChatAsync", "GenerateAsync", "SendAsync", "SendAsAsync", "Create", "CreateAsync", "CreateStreaming",
        "GetChatCompletions", "GetChatCompletionsAsync", "GetChatCompletionsStreaming", "GetChatCompletionsStreamingAsync", "GetCompletionsAsync",
        "CreateRun", "CreateRunAsync", "CreateRunStreaming", "CreateRunStreamingAsync", "CreateThreadAndRun", "CreateThreadAndRunAsync",
        "GetClaudeMessageAsync", "StreamClaudeMessageAsync",
    };

    private static readonly HashSet<string> ToolFactoryNames = new(StringComparer.Ordinal)
    {
        "AIFunctionFactory.Create", "KernelFunctionFactory.CreateFromMethod", "ChatTool.CreateFunctionTool", "McpServerTool.Create",
    };

    private static readonly HashSet<string> ToolAttributeNames = new(StringComparer.Ordinal)
    {
        "KernelFunction", "McpServerTool", "AgentTool",
    };

    /// <summary>Plugin registrations whose functions may be code outside the scan (library, OpenAPI, gRPC, MCP plugins).</summary>
    private static readonly HashSet<string> PluginRegistrationNames = new(StringComparer.Ordinal)
    {
        "ImportPluginFromType", "ImportPluginFromObject", "AddFromType", "AddFromObject", "CreatePluginFromType", "CreatePluginFromObject",
        "ImportPluginFromOpenApiAsync", "AddFromOpenApiAsync", "CreatePluginFromOpenApiAsync", "ImportPluginFromApiManifestAsync",
        "CreatePluginFromApiManifestAsync", "AddFromApiManifestAsync", "ImportPluginFromGrpcFile", "ImportPluginFromGrpcProto",
        "AddFromFunctions", "ImportPluginFromFunctions", "CreateFromFunctions", "AddFromMcpClient", "ImportPluginFromMcpAsync",
        "CreateFunctionFromMethod",
    };

    /// <summary>Agents that invoke their kernel's or client's tools by themselves.</summary>
    private static readonly HashSet<string> AutoInvokingAgentTypes = new(StringComparer.Ordinal)
    {
        "ChatClientAgent", "FunctionInvokingChatClient", "AzureAIAgent", "OpenAIAssistantAgent", "OpenAIResponseAgent", "BedrockAgent",
    };

    private static readonly HashSet<string> AutoInvocationNames = new(StringComparer.Ordinal)
    {
        "UseFunctionInvocation", "UseKernelFunctionInvocation", "AsAIAgent", "CreateAIAgent", "CreateAIAgentAsync", "GetAIAgent", "GetAIAgentAsync", "AsAIAgentAsync",
    };

    public static IEnumerable<Candidate> Find(SyntaxTree tree, string relativePath)
    {
        var root = tree.GetRoot();
        var text = tree.GetText();
        string Context(SyntaxToken token) => text.Lines.GetLineFromPosition(token.SpanStart).ToString().Trim();
        Candidate Make(string rule, SyntaxToken token) => new(rule, relativePath, SiteLocator.Locate(token), Context(token));

        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when NameToken(invocation.Expression) is { } name:
                    var qualified = Qualified(invocation.Expression);
                    if (ModelCallNames.Contains(name.ValueText) && name.ValueText switch
                        {
                            "Create" or "CreateAsync" or "CreateStreaming" => qualified.StartsWith("Messages.", StringComparison.Ordinal), // Anthropic
                            "SendAsync" or "SendAsAsync" => qualified.Contains("chat", StringComparison.OrdinalIgnoreCase), // OllamaSharp's Chat
                            _ => true,
                        })
                    {
                        yield return Make("ALN0001", name);
                    }

                    if (ToolFactoryNames.Contains(qualified) || PluginRegistrationNames.Contains(name.ValueText))
                    {
                        yield return Make("ALN0002", name);
                    }

                    if (AutoInvocationNames.Contains(name.ValueText)
                        || (name.ValueText is "Auto" or "Required" && qualified.EndsWith("FunctionChoiceBehavior." + name.ValueText, StringComparison.Ordinal)))
                    {
                        yield return Make("ALN0005", name);
                    }

                    break;
                case MemberAccessExpressionSyntax access when access.Name.Identifier.ValueText == "AutoInvokeKernelFunctions":
                    yield return Make("ALN0005", access.Name.Identifier);
                    break;
                case ObjectCreationExpressionSyntax creation when AutoInvokingAgentTypes.Contains(LastName(creation.Type)):
                    yield return Make("ALN0005", creation.NewKeyword);
                    break;
                case MethodDeclarationSyntax method when method.AttributeLists.SelectMany(l => l.Attributes).Any(a => ToolAttributeNames.Contains(ShortName(a.Name))):
                    yield return Make("ALN0002", method.Identifier);
                    break;
                case ImplicitObjectCreationExpressionSyntax implicitCreation
                    when implicitCreation.Parent?.Parent?.Parent is VariableDeclarationSyntax { Type: var declared } && AutoInvokingAgentTypes.Contains(LastName(declared)):
                    yield return Make("ALN0005", implicitCreation.NewKeyword);
                    break;
                case ObjectCreationExpressionSyntax creation when LastName(creation.Type) == "ChatCompletionsFunctionToolDefinition":
                    yield return Make("ALN0002", creation.NewKeyword);
                    break;
                case WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or IfStatementSyntax
                    when LooksLikeToolLoop(node) && !node.Ancestors().Any(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or IfStatementSyntax && LooksLikeToolLoop(a)):
                    yield return Make("ALN0005", node.GetFirstToken());
                    break;
            }
        }
    }

    private static bool LooksLikeToolLoop(SyntaxNode loop)
    {
        var condition = loop switch
        {
            WhileStatementSyntax w => w.Condition.ToString(),
            DoStatementSyntax d => d.Condition.ToString(),
            ForStatementSyntax f => f.Condition?.ToString() ?? "",
            IfStatementSyntax i => i.Condition.ToString(),
            _ => "",
        };
        if (loop is IfStatementSyntax)
        {
            // `if (finishReason == ToolCalls) { foreach (var call in message.ToolCalls) ... }`: one round of hand dispatch.
            return condition.Contains("ToolCalls", StringComparison.Ordinal) && loop.Parent is not ElseClauseSyntax;
        }

        var body = loop.ToString();
        return condition.Contains("ToolCall", StringComparison.Ordinal) || condition.Contains("FunctionCall", StringComparison.Ordinal)
            || ((body.Contains("ToolCalls", StringComparison.Ordinal) || body.Contains("FunctionCallContent", StringComparison.Ordinal))
                && (body.Contains("CompleteChat", StringComparison.Ordinal) || body.Contains("GetResponse", StringComparison.Ordinal) || body.Contains("GetChatMessageContent", StringComparison.Ordinal)));
    }

    private static SyntaxToken? NameToken(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier,
        SimpleNameSyntax name => name.Identifier,
        _ => null,
    };

    private static string Qualified(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => $"{LastName(access.Expression)}.{access.Name.Identifier.ValueText}",
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => "",
    };

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => expression.ToString(),
    };

    private static string ShortName(NameSyntax name)
    {
        var text = name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => name.ToString(),
        };
        return text.EndsWith("Attribute", StringComparison.Ordinal) ? text[..^"Attribute".Length] : text;
    }
}
