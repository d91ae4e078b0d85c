namespace AlignmentPolicy.Gates;

/// <summary>Names of the integrations that build <see cref="PolicyRequest"/>s (<see cref="PolicyRequest.Source"/>).</summary>
public static class PolicySources
{
    /// <summary>Microsoft.Extensions.AI chat clients and functions.</summary>
    public const string ExtensionsAI = "Microsoft.Extensions.AI";

    /// <summary>Microsoft Agent Framework agents.</summary>
    public const string AgentFramework = "Microsoft.Agents.AI";

    /// <summary>Semantic Kernel filters.</summary>
    public const string SemanticKernel = "Microsoft.SemanticKernel";
}
