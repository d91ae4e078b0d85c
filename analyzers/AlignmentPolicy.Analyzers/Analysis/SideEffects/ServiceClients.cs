using System;
using AlignmentPolicy.Vocabulary;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.SideEffects;

/// <summary>
/// Side effects through service clients the catalogue does not list by name: the write verbs of a third-party SDK's client
/// (<c>trelloClient.AddCardAsync(...)</c>, Octokit's <c>github.Issue.Create(...)</c>, <c>tableClient.UpsertEntityAsync(...)</c>), and,
/// when the client's package is missing from the compilation (a scan compiles sources alone; a build that does not restore),
/// the calls whose receiver is of a missing type, judged by the names they are spelled with: a client's write verb, a Kiota/Graph
/// request builder's HTTP write, an ADO.NET command's <c>ExecuteNonQuery</c>, Dapper's <c>Execute</c> on a connection, a
/// DbContext's <c>SaveChanges</c>. A tool's helper that calls one of these is as much a side effect as one the catalogue lists.
/// Reads (<c>Get</c>, <c>List</c>, <c>Search</c>, ...) are not: only a name that starts with a write verb counts, and only for a
/// call that goes over the wire (awaitable, or spelled <c>...Async</c>: client-side builders such as <c>CreateSender()</c> are
/// not), and never for a model's or an agent's client (a tool that asks another model is not a side effect).
/// </summary>
internal static class ServiceClients
{
    private static readonly string[] s_writeVerbs =
    {
        "Add", "Create", "Insert", "Update", "Upsert", "Delete", "Remove", "Send", "Post", "Put", "Patch", "Move", "Upload", "Publish",
        "Submit", "Archive", "Replace", "Rename", "Transfer", "Assign", "Schedule", "Enqueue", "Set", "Cancel",
    };

    // Model and agent SDKs (and the framework): their clients' "Create"/"Send" calls ask a model or build a request.
    private static readonly string[] s_excludedAssemblyPrefixes =
    {
        "System", "Microsoft.", "mscorlib", "netstandard", "OpenAI", "Azure.AI.", "Azure.Core", "Azure.Identity", "ModelContextProtocol",
        "OllamaSharp", "Anthropic", "A2A", "Google", "Mistral", "Grpc.", "AlignmentPolicy", "LLama", "Amazon.BedrockRuntime",
    };

    // Name parts of a model's or agent's client type (OpenAIClient, AIProjectClient, PersistentAgentsClient, AnthropicClient, McpClient, ...).
    private static readonly string[] s_modelClientParts =
    {
        "AI", "Agent", "Chat", "Completion", "Mcp", "A2A", "Anthropic", "Ollama", "Gemini", "Mistral", "Embedding", "Inference", "Model", "Llm", "LLM", "Kernel",
    };

    /// <summary>The name-first test: whether a call with this simple name can be one of these writes.</summary>
    public static bool MayMatchCall(string simpleName)
        => StartsWithWriteVerb(simpleName) || simpleName is "ExecuteNonQuery" or "ExecuteNonQueryAsync" or "Execute" or "ExecuteAsync" or "SaveChanges" or "SaveChangesAsync";

    /// <summary>
    /// A write of a third-party service client, bound: an awaitable method spelled with a write verb on a type named <c>...Client</c>
    /// (or an extension of one) from a referenced assembly that is neither the framework nor a model SDK.
    /// </summary>
    public static bool IsThirdPartyWrite(IMethodSymbol method, IAssemblySymbol self)
    {
        if (!StartsWithWriteVerb(method.Name) || IsEnsureExists(method.Name) || !IsAwaitable(method.ReturnType))
        {
            return false;
        }

        var type = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type as INamedTypeSymbol : method.ContainingType;
        if (type is null || !IsServiceClientName(type.Name) || type.ContainingAssembly is not { } assembly || SymbolEqualityComparer.Default.Equals(assembly, self))
        {
            return false;
        }

        foreach (var prefix in s_excludedAssemblyPrefixes)
        {
            if (assembly.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A call that did not bind because its receiver's type is missing, judged by names: the type the receiver chain starts
    /// from (<c>graph</c> in <c>graph.Me.SendMail.PostAsync(...)</c>, <c>sp.GetRequiredService&lt;TrelloClient&gt;()</c>) and the method's name.
    /// </summary>
    public static string? MatchUnresolved(IInvalidOperation call, bool http, bool database)
    {
        if (call.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access }
            || !MayMatchCall(name) || call.SemanticModel is not { } model)
        {
            return null;
        }

        if (MissingReceiverType(access.Expression, model) is not { } typeName)
        {
            return null;
        }

        if (database && (name is "ExecuteNonQuery" or "ExecuteNonQueryAsync" && typeName.EndsWith("Command", StringComparison.Ordinal)
            || name is "Execute" or "ExecuteAsync" && typeName.EndsWith("Connection", StringComparison.Ordinal)
            || name is "SaveChanges" or "SaveChangesAsync" && typeName.EndsWith("Context", StringComparison.Ordinal)))
        {
            return SideEffectVocabulary.Database;
        }

        if (!http || !IsServiceClientName(typeName) || IsEnsureExists(name) || !StartsWithWriteVerb(name))
        {
            return null;
        }

        // Over the wire: awaited, or named as an asynchronous call (the return type of a missing method is unknown).
        var awaited = call.Syntax.Parent is AwaitExpressionSyntax || call.Parent is IAwaitOperation;
        return awaited || name.EndsWith("Async", StringComparison.Ordinal) ? SideEffectVocabulary.Http : null;
    }

    /// <summary>
    /// The name of the missing type a receiver chain is made on: going inward from the receiver (member and element accesses,
    /// calls, <c>!</c>, parentheses), the first part whose type has a name decides; null when that type is not missing.
    /// </summary>
    private static string? MissingReceiverType(ExpressionSyntax receiver, SemanticModel model)
    {
        for (var node = receiver; node is not null;)
        {
            if (node is ThisExpressionSyntax or BaseExpressionSyntax)
            {
                return null;
            }

            var type = model.GetTypeInfo(node).Type;
            if (type is { Name.Length: > 0 })
            {
                return type.TypeKind == TypeKind.Error ? type.Name : null;
            }

            node = node switch
            {
                MemberAccessExpressionSyntax member => member.Expression,
                ElementAccessExpressionSyntax element => element.Expression,
                InvocationExpressionSyntax invocation => invocation.Expression,
                ParenthesizedExpressionSyntax parenthesized => parenthesized.Expression,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                _ => null,
            };
        }

        return null;
    }

    /// <summary><c>TrelloClient</c>, <c>IIssuesClient</c>, <c>GraphServiceClient</c>; not a model's or an agent's client.</summary>
    private static bool IsServiceClientName(string typeName)
    {
        if (!typeName.EndsWith("Client", StringComparison.Ordinal) || typeName.Length == "Client".Length)
        {
            return false;
        }

        foreach (var part in s_modelClientParts)
        {
            if (typeName.IndexOf(part, StringComparison.Ordinal) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWithWriteVerb(string name)
    {
        foreach (var verb in s_writeVerbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal) && (name.Length == verb.Length || char.IsUpper(name[verb.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>CreateIfNotExistsAsync</c>, <c>CreateDatabaseIfNotExistsAsync</c>: a client's setup, idempotent, not an action; and a query sent
    /// under a write verb's name (<c>SendQueryAsync</c> of a GraphQL client, <c>CreateQuery</c>) reads.
    /// </summary>
    private static bool IsEnsureExists(string name) => name.IndexOf("IfNotExist", StringComparison.Ordinal) >= 0 || name.IndexOf("Query", StringComparison.Ordinal) >= 0;

    private static bool IsAwaitable(ITypeSymbol type)
        => type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };
}
