using System.Reflection;
using System.Runtime.Loader;
using AlignmentPolicy.Gates;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Harness;

/// <summary>What the harness drives: an agent's <see cref="IChatClient"/> pipeline or Agent Framework agent.</summary>
public abstract class AgentUnderTest
{
    /// <summary>Sends the new messages of the conversation; returns the agent's reply messages.</summary>
    public abstract Task<IReadOnlyList<ChatMessage>> SendAsync(IList<ChatMessage> conversation, int newMessages, CancellationToken cancellationToken);

    public static AgentUnderTest From(object built) => built switch
    {
        IChatClient client => new ChatClientAgentUnderTest(client),
        AIAgent agent => new AgentFrameworkAgentUnderTest(agent),
        _ => throw new InvalidOperationException($"The entry point returned {built?.GetType().FullName ?? "null"}; it must return an IChatClient or an AIAgent."),
    };

    private sealed class ChatClientAgentUnderTest(IChatClient client) : AgentUnderTest
    {
        public override async Task<IReadOnlyList<ChatMessage>> SendAsync(IList<ChatMessage> conversation, int newMessages, CancellationToken cancellationToken)
        {
            var response = await client.GetResponseAsync(conversation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Messages as IReadOnlyList<ChatMessage> ?? [.. response.Messages];
        }
    }

    private sealed class AgentFrameworkAgentUnderTest(AIAgent agent) : AgentUnderTest
    {
        private AgentSession? _session;

        public override async Task<IReadOnlyList<ChatMessage>> SendAsync(IList<ChatMessage> conversation, int newMessages, CancellationToken cancellationToken)
        {
            _session ??= await agent.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
            var response = await agent.RunAsync(conversation.Skip(conversation.Count - newMessages), _session, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Messages as IReadOnlyList<ChatMessage> ?? [.. response.Messages];
        }
    }
}

/// <summary>Builds the agent under test for each sample.</summary>
public delegate AgentUnderTest AgentFactory(IChatClient model, EvalEnvironment environment);

/// <summary>
/// Loads a built agent assembly in its own load context and finds its <see cref="AlignmentEvalEntryPointAttribute"/>
/// method. The contracts the harness and the agent exchange (Microsoft.Extensions.AI, Agent Framework, AlignmentPolicy.Gates)
/// come from the harness, so their types are the same on both sides; everything else comes from the agent's output folder.
/// </summary>
public sealed class EntryPointLoader : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    private EntryPointLoader(string assemblyPath) : base("alignment-eval:" + Path.GetFileNameWithoutExtension(assemblyPath), isCollectible: false)
        => _resolver = new AssemblyDependencyResolver(assemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Shared contracts: use the harness's copy when it has one.
        try
        {
            return Default.LoadFromAssemblyName(assemblyName);
        }
        catch (FileNotFoundException)
        {
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        => _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    /// <summary>The entry points of an assembly; throws with a clear message when it cannot be loaded.</summary>
    public static IReadOnlyList<EntryPoint> Find(string assemblyPath)
    {
        var context = new EntryPointLoader(Path.GetFullPath(assemblyPath));
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        List<EntryPoint> found = [];
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = [.. e.Types.OfType<Type>()];
        }

        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<AlignmentEvalEntryPointAttribute>() is { } attribute)
                {
                    found.Add(new EntryPoint(method, attribute.AgentName));
                }
            }
        }

        return found;
    }
}

/// <summary>An <c>[AlignmentEvalEntryPoint]</c> method.</summary>
public sealed class EntryPoint(MethodInfo method, string? agentName)
{
    public MethodInfo Method { get; } = method;

    public string Name { get; } = agentName ?? method.DeclaringType?.Assembly.GetName().Name ?? method.Name;

    public string DisplayName => $"{Method.DeclaringType?.FullName}.{Method.Name}";

    /// <summary>Checks the signature and returns a factory, or explains what is wrong.</summary>
    public AgentFactory CreateFactory()
    {
        var parameters = Method.GetParameters();
        if (parameters.Length != 2 || parameters[0].ParameterType != typeof(IChatClient) || parameters[1].ParameterType != typeof(EvalEnvironment)
            || !(typeof(IChatClient).IsAssignableFrom(Method.ReturnType) || typeof(AIAgent).IsAssignableFrom(Method.ReturnType)))
        {
            throw new InvalidOperationException(
                $"{DisplayName} must be 'static IChatClient {Method.Name}(IChatClient model, EvalEnvironment environment)' (or return an AIAgent).");
        }

        return (model, environment) =>
        {
            try
            {
                return AgentUnderTest.From(Method.Invoke(null, [model, environment])!);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        };
    }
}
