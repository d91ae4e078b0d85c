using System.Linq;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Pipelines;

/// <summary>
/// <c>builder.Services.AddChatClient(new OllamaChatClient(endpoint, model))</c> where the client's type is in a package
/// the scan does not have: the registration does not bind, yet the container it fills is the one injected clients
/// come from. Its origin is what the given client and the chain after it say; anything that could carry a gate
/// (an unbound call in the chain, a factory, a client from elsewhere) leaves it unknown.
/// </summary>
internal static class UnboundRegistrations
{
    /// <summary>The origin of an unkeyed <c>AddChatClient(...)</c> that did not bind, or null when the call is something else.</summary>
    public static Origin? ChatClient(IInvalidOperation invalid, AgentContext context)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax syntax || Operations.CandidateMethod(invalid) is not { Name: "AddChatClient" } candidate
            || context.Classifier.Classify(candidate) != InvocationKind.ChatClientRegistration)
        {
            return null;
        }

        // The chain after the registration: services.AddChatClient(...).UseLogging().UsePolicyGate().
        if (ChainAfter(syntax, context) is { } chained)
        {
            return chained;
        }

        var arguments = syntax.ArgumentList.Arguments;
        Origin? given = null;
        foreach (var child in invalid.ChildOperations)
        {
            if (arguments.Any(a => a.Span.Contains(child.Syntax.Span)))
            {
                var origin = context.Origins.Trace(child);
                given = given is { } previous ? Origin.Combine(previous, origin) : origin;
            }
        }

        return given is { State: GateState.Ungated }
            ? Origin.Ungated($"it is registered with AddChatClient(...) at {Operations.Where(invalid)} without UsePolicyGate()")
            : Origin.Unknown("it is registered with AddChatClient(...) of a client this scan cannot follow");
    }

    /// <summary>
    /// The names a hosting integration registers the container's chat client with straight on the host builder
    /// (CommunityToolkit.Aspire.OllamaSharp's <c>builder.AddOllamaSharpChatClient("chat")</c>); the integrations that register a
    /// client first (<c>builder.AddOllamaApiClient("chat")</c>, <c>builder.AddAzureOpenAIClient("openai")</c>,
    /// <c>builder.AddOpenAIClientFromConfiguration("chatModel")</c>) make the chat client with <c>.AddChatClient()</c> after it.
    /// </summary>
    public static readonly string[] HostIntegrationNames = { "AddOllamaSharpChatClient" };

    /// <summary>
    /// An unkeyed chat client registered by a hosting integration of a package the scan does not have, on the application's
    /// host builder (<c>IHostApplicationBuilder</c>: <c>WebApplication.CreateBuilder(args)</c>, an extension's <c>builder</c>):
    /// <c>builder.AddOllamaApiClient("chat").AddChatClient()</c>, <c>builder.AddAzureOpenAIClient("openai").AddChatClient("chat")</c>,
    /// <c>builder.AddOllamaSharpChatClient("chat")</c>. The integration registers the bare client as the container's
    /// <c>IChatClient</c>; only the chain after it can put a gate in (also through the local it is kept in:
    /// <c>chatClientBuilder = ...AddChatClient(); chatClientBuilder?.UseFunctionInvocation();</c>). Null when the call is something else.
    /// </summary>
    public static Origin? HostIntegration(IInvalidOperation invalid, AgentContext context)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Expression: var receiver } } syntax)
        {
            return null;
        }

        ExpressionSyntax? host = null;
        if (name == "AddChatClient" && IntegrationClient(receiver, invalid) is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var integration, Expression: var builder } }
            && integration.StartsWith("Add", System.StringComparison.Ordinal) && integration.Contains("Client"))
        {
            host = builder;
        }
        else if (System.Array.IndexOf(HostIntegrationNames, name) >= 0)
        {
            host = receiver;
        }

        if (host is null || !IsHostBuilder(HostOperation(host, invalid)?.Type))
        {
            return null;
        }

        return ChainAfter(syntax, context, byName: true) ?? KeptIn(syntax, context)
            ?? Origin.Ungated($"it is registered with {name}(...) of a hosting integration at {Operations.Where(invalid)} without UsePolicyGate()");
    }

    /// <summary>
    /// The integration's client registration a chat client is added after: the receiver itself
    /// (<c>builder.AddOllamaApiClient("chat").AddChatClient()</c>) or the local it is kept in
    /// (<c>var openai = builder.AddAzureOpenAIClient("openai"); openai.AddChatClient("chat")</c>).
    /// </summary>
    private static InvocationExpressionSyntax? IntegrationClient(ExpressionSyntax receiver, IInvalidOperation invalid)
        => receiver switch
        {
            InvocationExpressionSyntax call => call,
            IdentifierNameSyntax => invalid.Descendants().FirstOrDefault(d => d.Syntax == receiver) is ILocalReferenceOperation local
                && local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax initial }
                ? initial : null,
            _ => null,
        };

    /// <summary>The operation of the host builder an integration is called on, in the registration or in the local's initializer.</summary>
    private static IOperation? HostOperation(ExpressionSyntax host, IInvalidOperation invalid)
    {
        var found = invalid.Descendants().FirstOrDefault(d => d.Syntax == host);
        if (found is null && invalid.SemanticModel is { } model && model.SyntaxTree == host.SyntaxTree)
        {
            found = model.GetOperation(host);
        }

        return found;
    }

    /// <summary>
    /// What the calls chained after a registration say: gated at a gate, unknown at a link that does not bind (it may be one),
    /// null when the chain has neither. After an integration's registration no link binds (its start is of a missing package), so
    /// <paramref name="byName"/> reads them as ALN0005 reads such a chain: our gate's names gate, <c>Use(...)</c> and other
    /// <c>Use…</c> links may, the builder's own links that only observe or cache (<see cref="s_nonGatingLinks"/>) do not.
    /// </summary>
    private static Origin? ChainAfter(SyntaxNode syntax, AgentContext context, bool byName = false)
    {
        for (var link = syntax; link.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer, Name.Identifier.ValueText: var linkName } access && access.Expression == link; link = outer)
        {
            switch (context.OperationOf(outer))
            {
                case IInvocationOperation bound when context.Gates.IsGateInvocation(bound):
                    return Origin.Gated;
                case IInvocationOperation:
                    continue;
                case not null when byName && linkName is "UsePolicyGate" or "AddPolicyGate" or "WithPolicyGate":
                    return Origin.Gated;
                case not null when byName && System.Array.IndexOf(s_nonGatingLinks, linkName) >= 0:
                    continue;
                default:
                    return Origin.Unknown("it is registered with AddChatClient(...) in a chain this scan cannot bind");
            }
        }

        return null;
    }

    /// <summary>Microsoft.Extensions.AI's builder links that observe, cache or invoke tools: none decides whether a request is sent.</summary>
    private static readonly string[] s_nonGatingLinks =
    {
        "UseFunctionInvocation", "UseOpenTelemetry", "UseLogging", "UseDistributedCache", "ConfigureOptions",
    };

    /// <summary>
    /// A registration's builder kept in a local of the method (<c>chatClientBuilder = ...AddChatClient();</c>): the calls made on
    /// that local afterwards (<c>chatClientBuilder?.UseFunctionInvocation()</c>) are its chain. Name first: only invocations whose
    /// receiver is spelled with the local's name are bound.
    /// </summary>
    private static Origin? KeptIn(InvocationExpressionSyntax syntax, AgentContext context)
    {
        var local = syntax.Parent switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax identifier } assignment when assignment.Right == syntax => identifier.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            _ => null,
        };
        var body = syntax.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax);
        if (local is null || body is null)
        {
            return null;
        }

        Origin? result = null;
        foreach (var call in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var on = call.Expression switch
            {
                MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
                MemberBindingExpressionSyntax when call.Parent is ConditionalAccessExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
                _ => null,
            };
            if (on != local)
            {
                continue;
            }

            switch (context.OperationOf(call))
            {
                case IInvocationOperation bound when context.Gates.IsGateInvocation(bound):
                    return Origin.Gated;
                case IInvocationOperation:
                    continue;
                default:
                    result = Origin.Unknown("its registration's builder is used in code this scan cannot bind");
                    break;
            }
        }

        return result;
    }

    /// <summary>The application's host builder (<c>Microsoft.Extensions.Hosting.IHostApplicationBuilder</c> or a type implementing it), by name.</summary>
    private static bool IsHostBuilder(ITypeSymbol? type)
        => type is { TypeKind: not TypeKind.Error } && (IsHostBuilderInterface(type) || type.AllInterfaces.Any(IsHostBuilderInterface));

    private static bool IsHostBuilderInterface(ITypeSymbol type)
        => type is { Name: "IHostApplicationBuilder", ContainingNamespace: { Name: "Hosting", ContainingNamespace: { Name: "Extensions", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } } };
}
