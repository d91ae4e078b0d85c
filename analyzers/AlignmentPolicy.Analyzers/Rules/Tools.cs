using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>The tools handed to an agent: none, all gated one by one, or some ungated.</summary>
internal enum ToolSet
{
    None,
    AllGated,
    Ungated,
}

/// <summary>Reads the tools given to an agent (a <c>tools:</c> argument or <c>ChatOptions.Tools</c> in its options).</summary>
internal static class Tools
{
    public static ToolSet Of(ImmutableArray<IArgumentOperation> arguments, AgentContext agent)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is null)
            {
                continue;
            }

            var value = Operations.Unwrap(argument.Value);
            if (value is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
            {
                // var options = new ChatClientAgentOptions { ... }; chatClient.AsAIAgent(options)
                value = Operations.Unwrap(initial);
            }

            if (argument.Parameter.Name == "tools")
            {
                if (value is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation)
                {
                    return ToolSet.None;
                }

                return AllWrappedInGates(value, agent) ? ToolSet.AllGated : ToolSet.Ungated;
            }

            // new ChatClientAgentOptions { ChatOptions = new() { Tools = [...] } }
            if (value is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var reference in initializer.Descendants().OfType<IPropertyReferenceOperation>())
                {
                    if (reference.Property.Name == "Tools" && KnownSymbols.IsOrDerivesFrom(reference.Property.ContainingType, agent.Symbols.ChatOptions))
                    {
                        return reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference && AllWrappedInGates(Operations.Unwrap(assignment.Value), agent)
                            ? ToolSet.AllGated
                            : ToolSet.Ungated;
                    }
                }
            }
        }

        return ToolSet.None;
    }

    /// <summary>A collection literal whose every element is a tool that gates itself (<c>new ApprovalRequiredAIFunction(...)</c>, <c>.WithPolicyGate()</c>).</summary>
    private static bool AllWrappedInGates(IOperation tools, AgentContext agent)
    {
        var elements = Operations.Elements(tools).ToList();
        return elements.Count > 0 && elements.All(e => agent.Gates.IsSelfGatedTool(Operations.Unwrap(e)));
    }
}
