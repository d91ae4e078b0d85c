using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// Semantic Kernel agents that run their own client (<c>OpenAIAssistantAgent</c>, <c>AzureAIAgent</c>, <c>BedrockAgent</c>;
/// not <c>ChatHistoryAgent</c>s, which need <c>FunctionChoiceBehavior.Auto()</c>) invoke the functions of their kernel's plugins
/// whenever the model asks, with no setting to turn it on. Such an agent is automatic invocation when it is given plugins:
/// a <c>plugins</c> argument, <c>agent.Kernel.Plugins.Add(...)</c> after its creation, or a kernel the method fills with
/// plugins (<c>kernel.Plugins.Add(...)</c>, <c>{ Kernel = kernel }</c>). Gated when its kernel is (a filter that can stop a call).
/// </summary>
internal static class SkAgentPlugins
{
    public static bool IsUngatedWithPlugins(IObjectCreationOperation creation, AgentContext agent)
        => IsOwnClientAgent(creation.Type, agent) && IsUngatedWithPlugins(creation, KernelOf(creation), HasPluginsArgument(creation), agent);

    /// <summary>The same for a creation that does not bind (<c>new(definition, this.Client)</c> with the client's type missing).</summary>
    public static bool IsUngatedWithPlugins(IInvalidOperation creation, AgentContext agent)
    {
        if (creation.Syntax is not BaseObjectCreationExpressionSyntax syntax || creation.Type is not INamedTypeSymbol type || !IsOwnClientAgent(type, agent))
        {
            return false;
        }

        // plugins: by name, or in the position a constructor of the type gives the parameter named so.
        var arguments = syntax.ArgumentList?.Arguments ?? default;
        var plugins = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var named = arguments[i].NameColon?.Name.Identifier.ValueText;
            var position = i;
            if ((named == "plugins" || (named is null && type.Constructors.Any(c => c.Parameters.Length > position && c.Parameters[position].Name == "plugins")))
                && arguments[i].Expression is not (LiteralExpressionSyntax or CollectionExpressionSyntax { Elements.Count: 0 }))
            {
                plugins = true;
            }
        }

        return IsUngatedWithPlugins(creation, Analysis.Origins.OriginTracer.SkAgentKernel(syntax, creation.SemanticModel), plugins, agent);
    }

    private static bool IsOwnClientAgent(ITypeSymbol? type, AgentContext agent)
    {
        var symbols = agent.Symbols;
        return type is INamedTypeSymbol { TypeKind: not TypeKind.Error } named && symbols.SkAgent is not null && KnownSymbols.IsOrDerivesFrom(named, symbols.SkAgent)
            && named.DeclaringSyntaxReferences.IsEmpty && !(symbols.SkChatHistoryAgent is { } chatHistory && KnownSymbols.IsOrDerivesFrom(named, chatHistory));
    }

    private static bool IsUngatedWithPlugins(IOperation creation, IOperation? kernel, bool pluginsArgument, AgentContext agent)
    {
        if (!pluginsArgument && !GivenPlugins(creation, kernel))
        {
            return false;
        }

        // No kernel set: the agent's own bare kernel, which has no filter.
        return kernel is null || agent.Origins.Trace(kernel).State != GateState.Gated;
    }

    private static IOperation? KernelOf(IObjectCreationOperation creation)
        => creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "Kernel" })?.Value;

    private static bool HasPluginsArgument(IObjectCreationOperation creation)
        => creation.Arguments.Any(argument => argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == "plugins"
            && !Operations.IsNullConstant(argument.Value) && argument.Value.Syntax is not CollectionExpressionSyntax { Elements.Count: 0 });

    private static bool GivenPlugins(IOperation creation, IOperation? kernel)
    {
        // agent.Kernel.Plugins.Add(plugin) after `var agent = new AzureAIAgent(...)`; kernel.Plugins.AddFromType<T>() on the kernel it is given.
        var agentName = (creation.Syntax.Parent?.Parent as VariableDeclaratorSyntax ?? creation.Syntax.Parent?.Parent?.Parent as VariableDeclaratorSyntax)?.Identifier.ValueText;
        var kernelName = kernel is null ? null : (Operations.Unwrap(kernel) as ILocalReferenceOperation)?.Local.Name;
        foreach (var access in Operations.Root(creation).Syntax.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Name.Identifier.ValueText != "Plugins" || access.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax, Name.Identifier.ValueText: var added }
                || !added.StartsWith("Add", System.StringComparison.Ordinal))
            {
                continue;
            }

            var owner = access.Expression switch
            {
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Kernel", Expression: IdentifierNameSyntax agentReference } => agentReference.Identifier.ValueText == agentName,
                IdentifierNameSyntax kernelReference => kernelReference.Identifier.ValueText == kernelName,
                _ => false,
            };
            if (owner)
            {
                return true;
            }
        }

        return false;
    }
}
