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
    {
        var symbols = agent.Symbols;
        if (creation.Type is not INamedTypeSymbol type || symbols.SkAgent is null || !KnownSymbols.IsOrDerivesFrom(type, symbols.SkAgent)
            || !type.DeclaringSyntaxReferences.IsEmpty || (symbols.SkChatHistoryAgent is { } chatHistory && KnownSymbols.IsOrDerivesFrom(type, chatHistory)))
        {
            return false;
        }

        var kernel = KernelOf(creation);
        if (!GivenPlugins(creation, kernel, agent))
        {
            return false;
        }

        // No kernel set: the agent's own bare kernel, which has no filter.
        return kernel is null || agent.Origins.Trace(kernel).State != GateState.Gated;
    }

    private static IOperation? KernelOf(IObjectCreationOperation creation)
        => creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "Kernel" })?.Value;

    private static bool GivenPlugins(IObjectCreationOperation creation, IOperation? kernel, AgentContext agent)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == "plugins" && !Operations.IsNullConstant(argument.Value)
                && !(argument.Value.Syntax is CollectionExpressionSyntax { Elements.Count: 0 }))
            {
                return true;
            }
        }

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
