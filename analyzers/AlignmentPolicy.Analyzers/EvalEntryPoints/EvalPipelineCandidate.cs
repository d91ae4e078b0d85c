using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.EvalEntryPoints;

/// <summary>How the project builds its agent, as far as an evaluation entry point can copy it.</summary>
internal enum EvalPipelineKind
{
    /// <summary>An Agent Framework agent: <c>AsAIAgent</c>/<c>CreateAIAgent</c> or <c>new ChatClientAgent(...)</c>.</summary>
    Agent,

    /// <summary>A Microsoft.Extensions.AI pipeline: <c>model.AsBuilder()...Build()</c> or <c>new ChatClientBuilder(model)...Build()</c>.</summary>
    ChatPipeline,

    /// <summary>A pipeline registered for dependency injection: <c>services.AddChatClient(...).Use...()</c>.</summary>
    ServicePipeline,

    /// <summary>A Semantic Kernel kernel (<c>Kernel.CreateBuilder()...Build()</c>): the harness cannot drive it as it is.</summary>
    Kernel,
}

/// <summary>
/// A place where the project builds its agent: where ALN0008 reports (so the warning sits next to the code an entry
/// point should copy), and what the code fix and <c>alignment-policy init --agent</c> copy. When a project builds
/// several, the most complete one wins: an agent over a pipeline, a gated pipeline with tool invocation over a bare one,
/// then the first in file order, so the choice is deterministic.
/// </summary>
internal sealed class EvalPipelineCandidate
{
    private EvalPipelineCandidate(EvalPipelineKind kind, IOperation operation, Location location, int score)
    {
        Kind = kind;
        Operation = operation;
        Location = location;
        Score = score;
    }

    public EvalPipelineKind Kind { get; }

    /// <summary>The agent creation, the <c>Build()</c> call, the <c>AddChatClient</c> call or the kernel's <c>Build()</c>.</summary>
    public IOperation Operation { get; }

    /// <summary>The name of the call or the created type.</summary>
    public Location Location { get; }

    public int Score { get; }

    /// <summary>The candidate <paramref name="operation"/> is, or null.</summary>
    public static EvalPipelineCandidate? TryCreate(IOperation operation, EvalPipelineSymbols symbols)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation when symbols.ChatClientAgent is not null && creation.Type is { } type && Analysis.KnownSymbols.IsOrDerivesFrom(type, symbols.ChatClientAgent):
                return Agent(creation, symbols);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method.Name is "AsAIAgent" or "CreateAIAgent" && symbols.AIAgent is not null && Analysis.KnownSymbols.IsOrDerivesFrom(method.ReturnType, symbols.AIAgent))
                {
                    return Agent(invocation, symbols);
                }

                if (method.Name == "Build" && symbols.ChatClientBuilder is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ChatClientBuilder))
                {
                    var chain = BuilderChain.EndingAt(invocation, symbols.ChatClientBuilder, "AsBuilder", "AddChatClient", "AddKeyedChatClient");
                    return new EvalPipelineCandidate(EvalPipelineKind.ChatPipeline, invocation, NameOf(invocation), (chain.Root is null ? 20 : 50) + Completeness(chain));
                }

                if (method.Name is "AddChatClient" or "AddKeyedChatClient" && symbols.ChatClientBuilder is not null && SymbolEqualityComparer.Default.Equals(method.ReturnType, symbols.ChatClientBuilder)
                    && BuilderChain.Outer(invocation) is not { TargetMethod.Name: "Build" })
                {
                    var chain = BuilderChain.StartingAt(invocation, symbols.ChatClientBuilder);
                    return new EvalPipelineCandidate(EvalPipelineKind.ServicePipeline, invocation, NameOf(invocation), 50 + Completeness(chain));
                }

                if (method.Name == "Build" && symbols.Kernel is not null && SymbolEqualityComparer.Default.Equals(method.ReturnType, symbols.Kernel))
                {
                    return new EvalPipelineCandidate(EvalPipelineKind.Kernel, invocation, NameOf(invocation), 10);
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The best of the candidates (highest score, then first in file order), or null.</summary>
    public static EvalPipelineCandidate? Best(IEnumerable<EvalPipelineCandidate> candidates)
        => candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Location.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(c => c.Location.SourceSpan.Start)
            .FirstOrDefault();

    /// <summary>The chat client an agent is created over: the receiver of <c>AsAIAgent</c>, or the first argument of the constructor.</summary>
    public static IOperation? AgentClient(IOperation agentCreation)
    {
        var client = agentCreation switch
        {
            IInvocationOperation invocation => BuilderChain.Receiver(invocation),
            IObjectCreationOperation creation => BuilderChain.Unwrap(creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value),
            _ => null,
        };
        return FollowLocal(client);
    }

    /// <summary>The value a local was declared with, when the operation reads a local declared with an initializer in the same body.</summary>
    public static IOperation? FollowLocal(IOperation? operation)
    {
        if (operation is not ILocalReferenceOperation local)
        {
            return operation;
        }

        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var declarator = root.Descendants().OfType<IVariableDeclaratorOperation>().FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local));
        var initializer = declarator?.Initializer?.Value ?? (declarator?.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
        return initializer is null ? operation : BuilderChain.Unwrap(initializer);
    }

    private static EvalPipelineCandidate Agent(IOperation creation, EvalPipelineSymbols symbols)
    {
        var gated = symbols.AIAgentBuilder is not null && BuilderChain.Outer(creation) is { TargetMethod.Name: "AsBuilder" } asBuilder
            && BuilderChain.StartingAt(asBuilder, symbols.AIAgentBuilder).IsGated;
        if (!gated && symbols.ChatClientBuilder is not null && AgentClient(creation) is IInvocationOperation { TargetMethod.Name: "Build" } build)
        {
            gated = BuilderChain.EndingAt(build, symbols.ChatClientBuilder, "AsBuilder").IsGated;
        }

        return new EvalPipelineCandidate(EvalPipelineKind.Agent, creation, NameOf(creation), 100 + (gated ? 2 : 0));
    }

    private static int Completeness(BuilderChain chain) => (chain.IsGated ? 2 : 0) + (chain.HasStep("UseFunctionInvocation") ? 1 : 0);

    private static Location NameOf(IOperation operation) => Analysis.Locations.NameOf(operation);
}

/// <summary>The types a candidate is recognised by, resolved once per compilation.</summary>
internal sealed class EvalPipelineSymbols
{
    private EvalPipelineSymbols(Compilation compilation)
    {
        ChatClientBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatClientBuilder");
        AIAgent = compilation.GetTypeByMetadataName("Microsoft.Agents.AI.AIAgent");
        AIAgentBuilder = compilation.GetTypeByMetadataName("Microsoft.Agents.AI.AIAgentBuilder");
        ChatClientAgent = compilation.GetTypeByMetadataName("Microsoft.Agents.AI.ChatClientAgent");
        Kernel = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.Kernel");
    }

    public INamedTypeSymbol? ChatClientBuilder { get; }

    public INamedTypeSymbol? AIAgent { get; }

    public INamedTypeSymbol? AIAgentBuilder { get; }

    public INamedTypeSymbol? ChatClientAgent { get; }

    public INamedTypeSymbol? Kernel { get; }

    public static EvalPipelineSymbols Create(Compilation compilation) => new(compilation);
}
