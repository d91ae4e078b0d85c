using System.Linq;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.EvalEntryPoints;

/// <summary>
/// What the evaluation harness accepts as an entry point, mirrored from <c>EntryPointLoader</c> in AlignmentPolicy.Evals:
/// it loads the project's own assembly, takes every <em>static</em> method (public or not) marked
/// <c>[AlignmentEvalEntryPoint]</c>, and calls it with exactly <c>(IChatClient model, EvalEnvironment environment)</c>;
/// the result must be an <c>IChatClient</c> or an Agent Framework <c>AIAgent</c>. Instance methods are never found;
/// generic or wrongly shaped ones are found and then fail.
/// </summary>
internal sealed class EvalEntryPointShape
{
    public const string AttributeMetadataName = "AlignmentPolicy.Gates.AlignmentEvalEntryPointAttribute";

    public const string EnvironmentMetadataName = "AlignmentPolicy.Gates.EvalEnvironment";

    /// <summary>How the harness wants the method, for messages.</summary>
    public const string Signature = "static IChatClient (or AIAgent) Name(IChatClient model, EvalEnvironment environment)";

    private EvalEntryPointShape(Compilation compilation)
    {
        Attribute = compilation.GetTypeByMetadataName(AttributeMetadataName);
        Environment = compilation.GetTypeByMetadataName(EnvironmentMetadataName);
        ChatClient = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient");
        Agent = compilation.GetTypeByMetadataName("Microsoft.Agents.AI.AIAgent");
    }

    /// <summary>The attribute, or null when the project does not reference AlignmentPolicy.Gates (no entry point can exist).</summary>
    public INamedTypeSymbol? Attribute { get; }

    public INamedTypeSymbol? Environment { get; }

    public INamedTypeSymbol? ChatClient { get; }

    public INamedTypeSymbol? Agent { get; }

    /// <summary>Whether an entry point can be written in this compilation: the attribute and the environment resolve.</summary>
    public bool CanDeclare => Attribute is not null && Environment is not null && ChatClient is not null;

    public static EvalEntryPointShape Create(Compilation compilation) => new(compilation);

    public bool IsMarked(ISymbol symbol)
        => Attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, Attribute));

    /// <summary>Null when the harness can call <paramref name="method"/>; otherwise why it cannot.</summary>
    public string? WhyNotCallable(IMethodSymbol method)
    {
        if (!method.IsStatic)
        {
            return "it is not static, and the harness looks for static methods only";
        }

        if (method.IsGenericMethod || IsInGenericType(method))
        {
            return "it is generic, and the harness cannot call an open generic method";
        }

        if (method.Parameters.Length != 2
            || method.Parameters.Any(p => p.RefKind != RefKind.None)
            || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, ChatClient)
            || !SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, Environment))
        {
            return "the harness calls it with (IChatClient model, EvalEnvironment environment) and nothing else";
        }

        if (!IsOrDerivesFrom(method.ReturnType, ChatClient) && !IsOrDerivesFrom(method.ReturnType, Agent))
        {
            return "it must return the agent: an IChatClient or an AIAgent";
        }

        return null;
    }

    private static bool IsInGenericType(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOrDerivesFrom(ITypeSymbol type, INamedTypeSymbol? target)
        => target is not null && Analysis.KnownSymbols.IsOrDerivesFrom(type, target);
}
