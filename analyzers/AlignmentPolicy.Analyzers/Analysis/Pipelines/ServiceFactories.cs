using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Pipelines;

/// <summary>
/// Agents (and other clients) put in the container by a registration of their own service type:
/// <c>services.AddTransient&lt;AIAgent&gt;(sp =&gt; chatClient.AsAIAgent(...))</c>,
/// <c>services.AddKeyedSingleton&lt;AIAgent&gt;("joker", (sp, _) =&gt; ...)</c>, <c>services.AddSingleton(agent)</c>.
/// An injected value of that type is gated when every such registration's factory or instance is.
/// </summary>
internal sealed class ServiceFactories
{
    private static readonly string[] s_names =
    {
        "AddSingleton", "AddScoped", "AddTransient", "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient", "TryAddSingleton", "TryAddScoped", "TryAddTransient",
        "AddAIAgent",
    };

    private static readonly ConditionalWeakTable<AgentContext, ServiceFactories> s_perCompilation = new();

    // A factory that asks the container for its own type would trace back here: that path adds nothing.
    [ThreadStatic]
    private static HashSet<(ITypeSymbol, string?)>? t_inProgress;

    private readonly AgentContext _context;
    private readonly Lazy<List<(ITypeSymbol Service, string? Key, IOperation Value)>> _registrations;

    private ServiceFactories(AgentContext context)
    {
        _context = context;
        _registrations = new Lazy<List<(ITypeSymbol, string?, IOperation)>>(Gather, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The combined origin of the registrations of exactly this service type (and key), or null when there are none.</summary>
    public static Origin? Of(ITypeSymbol type, string? key, AgentContext context)
    {
        var inProgress = t_inProgress ??= new HashSet<(ITypeSymbol, string?)>();
        var entry = ((ITypeSymbol)type.OriginalDefinition, key);
        if (!inProgress.Add(entry))
        {
            return Origin.Gated; // a cycle adds no new path
        }

        try
        {
            var registrations = s_perCompilation.GetValue(context, c => new ServiceFactories(c))._registrations.Value;
            Origin? result = null;
            foreach (var (service, registeredKey, value) in registrations)
            {
                if (registeredKey != key || !SymbolEqualityComparer.Default.Equals(service.OriginalDefinition, type.OriginalDefinition))
                {
                    continue;
                }

                var origin = Trace(value, context);
                result = result is { } previous ? Origin.Combine(previous, origin) : origin;
            }

            return result;
        }
        finally
        {
            inProgress.Remove(entry);
        }
    }

    private static Origin Trace(IOperation value, AgentContext context)
    {
        if (value is IInvocationOperation or IInvalidOperation && value.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddAIAgent" } })
        {
            // builder.AddAIAgent(name, instructions): a chat-client agent on the container's chat client.
            return context.Pipelines.FromContainer(context.Symbols.IChatClient);
        }

        var unwrapped = Operations.Unwrap(value);
        var factory = unwrapped as IAnonymousFunctionOperation ?? (unwrapped as IDelegateCreationOperation)?.Target as IAnonymousFunctionOperation;
        if (factory is not null)
        {
            Origin? result = null;
            foreach (var returned in factory.Body.Descendants().OfType<IReturnOperation>())
            {
                if (returned.ReturnedValue is { } returnedValue && Owner(returned) == factory)
                {
                    var origin = context.Origins.Trace(returnedValue);
                    result = result is { } previous ? Origin.Combine(previous, origin) : origin;
                }
            }

            return result ?? Origin.Unknown("it is registered with a factory whose result is not followed");
        }

        return context.Origins.Trace(value);
    }

    private static IOperation? Owner(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>services.AddKeyedSingleton&lt;AIAgent&gt;("key", (sp, _) =&gt; chatClient.CreateAIAgent(...))</c> whose factory calls a method the
    /// scan does not have (another Agent Framework version): the call does not bind, for want of a factory type to infer, but it
    /// still registers that factory's result as the service of the type it names. Null for anything else.
    /// </summary>
    private (ITypeSymbol, string?, IOperation)? Unbound(IInvalidOperation invalid)
    {
        if (invalid.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
            {
                Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Expression: var receiver, Name: Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } typeArguments } name },
                ArgumentList.Arguments: { Count: > 0 } arguments,
            } call
            || invalid.SemanticModel is not { } model
            || _context.Symbols.IServiceCollection is not { } collection
            || model.GetTypeInfo(receiver).Type is not { } receiverType || !KnownSymbols.IsOrDerivesFrom(receiverType, collection)
            || model.GetTypeInfo(typeArguments[0]).Type is not { TypeKind: not TypeKind.Error } service || !_context.Symbols.IsClientLike(service)
            || model.GetOperation(arguments[arguments.Count - 1].Expression) is not { } value)
        {
            return null;
        }

        string? key = null;
        if (name.Identifier.ValueText.Contains("Keyed"))
        {
            if (arguments.Count < 2)
            {
                return null;
            }

            key = model.GetConstantValue(arguments[0].Expression) is { HasValue: true, Value: string constant } ? constant : "?";
        }
        else if (arguments.Count != 1)
        {
            return null;
        }

        return (service, key, value);
    }

    /// <summary>
    /// The Agent Framework's hosting registration, <c>builder.AddAIAgent("name", (sp, key) =&gt; ...)</c> or
    /// <c>builder.AddAIAgent("name", "instructions")</c> (bound or not: the hosting package is often missing from a scan): the
    /// keyed <c>AIAgent</c> service of that name, made by the factory, or as a chat-client agent on the container's chat client.
    /// </summary>
    private (ITypeSymbol, string?, IOperation)? AgentRegistration(InvocationExpressionSyntax syntax, IOperation operation)
    {
        if (syntax is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddAIAgent" }, ArgumentList.Arguments: { Count: >= 2 } arguments }
            || _context.Symbols.AIAgent is not { } agentType || operation.SemanticModel is not { } model
            || model.GetConstantValue(arguments[0].Expression) is not { HasValue: true, Value: string key })
        {
            return null;
        }

        var last = arguments[arguments.Count - 1].Expression;
        if (last is LambdaExpressionSyntax && model.GetOperation(last) is { } factory)
        {
            return (agentType, key, factory);
        }

        return model.GetTypeInfo(arguments[1].Expression).Type?.SpecialType == SpecialType.System_String ? (agentType, key, operation) : null;
    }

    private List<(ITypeSymbol, string?, IOperation)> Gather()
    {
        var registrations = new List<(ITypeSymbol, string?, IOperation)>();
        foreach (var syntax in _context.Sources.Invocations(s_names))
        {
            var operation = _context.OperationOf(syntax);
            if (operation is not null && AgentRegistration(syntax, operation) is { } agentRegistration)
            {
                registrations.Add(agentRegistration);
                continue;
            }

            if (operation is IInvalidOperation invalid && Unbound(invalid) is { } unbound)
            {
                registrations.Add(unbound);
                continue;
            }

            if (operation is not IInvocationOperation invocation
                || _context.Classifier.Classify(invocation.TargetMethod) != InvocationKind.ServiceRegistration
                || invocation.TargetMethod.TypeArguments.Length != 1
                || !_context.Symbols.IsClientLike(invocation.TargetMethod.TypeArguments[0]))
            {
                continue;
            }

            string? key = null;
            IOperation? value = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || (parameter.Ordinal == 0 && invocation.TargetMethod.IsExtensionMethod))
                {
                    continue; // the service collection
                }

                if (parameter.Name == "serviceKey")
                {
                    key = Operations.Unwrap(argument.Value).ConstantValue is { HasValue: true, Value: string constant } ? constant : "?";
                }
                else
                {
                    value = argument.Value;
                }
            }

            if (value is not null)
            {
                registrations.Add((invocation.TargetMethod.TypeArguments[0], key, value));
            }
        }

        return registrations;
    }
}
