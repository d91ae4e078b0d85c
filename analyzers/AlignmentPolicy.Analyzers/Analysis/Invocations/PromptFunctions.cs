using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Invocations;

/// <summary>
/// Whether a Semantic Kernel function is made from a prompt (so invoking it is a model call) or from
/// code (so it is not): the function value is followed back to where it is made
/// (<c>CreateFunctionFromPrompt</c>, YAML, a prompt directory plugin), through locals, fields, plugin
/// indexers and plugin names registered in this compilation, and through the collections functions are kept in
/// (<c>functions["summary"]</c> of a dictionary, list or array whose elements are made from prompts).
/// </summary>
internal sealed class PromptFunctions
{
    private const int MaxDepth = 6;
    private readonly AgentContext _context;

    // A field's or property's element writes (`_functions["title"] = ...`, `_functions.Add(...)`) in its own type, bound once.
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> _memberElementWrites = new(SymbolEqualityComparer.Default);

    public PromptFunctions(AgentContext context) => _context = context;

    /// <summary><c>kernel.InvokeAsync(function, ...)</c> or <c>kernel.InvokeAsync("Plugin", "Function")</c> of a prompt function.</summary>
    public bool InvokesPromptFunction(IInvocationOperation invocation)
    {
        IOperation? function = null;
        string? pluginName = null;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "function":
                    function = argument.Value;
                    break;
                case "pluginName" when argument.Value.ConstantValue is { HasValue: true, Value: string name }:
                    pluginName = name;
                    break;
            }
        }

        if (function is not null)
        {
            return IsPromptFunction(function);
        }

        return pluginName is not null && _context.Pipelines.IsPromptPlugin(pluginName);
    }

    /// <summary>The function (or plugin) value comes from a prompt.</summary>
    public bool IsPromptFunction(IOperation function) => IsFromPrompt(function, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default), byPluginName: true);

    private bool IsFromPrompt(IOperation operation, int depth, HashSet<ISymbol> visiting, bool byPluginName)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        operation = Operations.Unwrap(operation);
        switch (operation)
        {
            case IInvocationOperation invocation:
                var kind = _context.Classifier.Classify(invocation.TargetMethod);
                if (kind == InvocationKind.PromptFunctionSource)
                {
                    return true;
                }

                // plugins.GetFunction("Plugin", "Function"), plugin.TryGetFunction(...)
                if (invocation.TargetMethod.Name == "GetFunction" && invocation.Arguments.Length >= 1
                    && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string plugin })
                {
                    return byPluginName && _context.Pipelines.IsPromptPlugin(plugin);
                }

                return false;
            case IInvalidOperation invalid when Operations.CandidateMethod(invalid) is { } candidate:
                // kernel.CreateFunctionFromPrompt(prompt, new MistralAIPromptExecutionSettings { ... }) with the connector not referenced.
                return _context.Classifier.Classify(candidate) == InvocationKind.PromptFunctionSource;
            case IInvalidOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call }:
                // KernelFunctionYaml.FromPromptYaml(config) with the Yaml package missing (no candidate method at all): the names
                // Semantic Kernel gives its prompt-function factories say where the function comes from.
                return Sources.SourceIndex.SimpleName(call) is "FromPromptYaml" or "CreateFunctionFromPromptYaml" or "CreateFromPromptYaml"
                    or "CreateFunctionFromPrompt" or "CreatePluginFromPromptDirectoryYaml" or "ImportPluginFromPromptDirectoryYaml";
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance is { } instance:
                // plugin["Function"] or kernel.Plugins["Plugin"]
                if (KnownSymbols.IsOrDerivesFrom(instance.Type!, _context.Symbols.KernelPluginCollection))
                {
                    return byPluginName && indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }
                        && _context.Pipelines.IsPromptPlugin(name);
                }

                // plugin["Function"] of a prompt plugin, or functions["summary"] of a collection holding prompt functions.
                return HoldsKernelFunctions(instance.Type)
                    ? ElementsFromPrompt(instance, depth + 1, visiting, byPluginName)
                    : IsFromPrompt(instance, depth + 1, visiting, byPluginName);
            case ILocalReferenceOperation local when visiting.Add(local.Local):
                foreach (var value in Assignments(Operations.Root(local), local.Local))
                {
                    if (IsFromPrompt(value, depth + 1, visiting, byPluginName))
                    {
                        return true;
                    }
                }

                return false;
            case IFieldReferenceOperation field when visiting.Add(field.Field):
                return MemberFromPrompt(field.Field, depth, visiting, byPluginName);
            case IPropertyReferenceOperation property when visiting.Add(property.Property):
                return MemberFromPrompt(property.Property, depth, visiting, byPluginName);
            default:
                return false;
        }
    }

    private bool MemberFromPrompt(ISymbol member, int depth, HashSet<ISymbol> visiting, bool byPluginName)
    {
        foreach (var value in _context.Origins.MemberValues(member))
        {
            if (IsFromPrompt(value, depth + 1, visiting, byPluginName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A collection of kernel functions (a dictionary, list or array whose element type is a <c>KernelFunction</c>) any element of which
    /// is made from a prompt: what it is made with (an initializer, a collection expression) and what is put in it (an indexer
    /// assignment, <c>Add</c>/<c>TryAdd</c>/<c>Insert</c>), in the body of a local or the type of a field or property. An element read
    /// from it may be that prompt function, so invoking the element may be a model call.
    /// </summary>
    private bool ElementsFromPrompt(IOperation collection, int depth, HashSet<ISymbol> visiting, bool byPluginName)
    {
        collection = Operations.Unwrap(collection);
        if (depth > MaxDepth || !HoldsKernelFunctions(collection.Type))
        {
            return false;
        }

        IEnumerable<IOperation> values;
        IEnumerable<IOperation> writes;
        switch (collection)
        {
            case ILocalReferenceOperation local when visiting.Add(local.Local):
                values = Assignments(Operations.Root(local), local.Local);
                writes = ElementWrites(Operations.Root(local).Descendants(), local.Local);
                break;
            case IFieldReferenceOperation field when visiting.Add(field.Field):
                values = _context.Origins.MemberValues(field.Field);
                writes = MemberElementWrites(field.Field);
                break;
            case IPropertyReferenceOperation { Property.IsIndexer: false } property when property.Property.DeclaringSyntaxReferences.Length > 0 && visiting.Add(property.Property):
                values = _context.Origins.MemberValues(property.Property);
                writes = MemberElementWrites(property.Property);
                break;
            case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                return false; // already followed on this path, or a member whose values are not in this compilation
            default:
                values = new[] { collection };
                writes = Enumerable.Empty<IOperation>();
                break;
        }

        foreach (var value in values)
        {
            foreach (var element in ElementValues(Operations.Unwrap(value)))
            {
                if (IsFromPrompt(element, depth + 1, visiting, byPluginName))
                {
                    return true;
                }
            }
        }

        foreach (var written in writes)
        {
            if (IsFromPrompt(written, depth + 1, visiting, byPluginName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A dictionary, list, array or other collection whose elements are kernel functions (<c>IDictionary&lt;string, KernelFunction&gt;</c>, <c>KernelFunction[]</c>).</summary>
    private bool HoldsKernelFunctions(ITypeSymbol? type)
    {
        if (type is null || _context.Symbols.KernelFunction is not { } function)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return KnownSymbols.IsOrDerivesFrom(array.ElementType, function);
        }

        // The last type argument is the element (List<T>) or the value (Dictionary<TKey, TValue>).
        return type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Length > 0
            && KnownSymbols.IsOrDerivesFrom(named.TypeArguments[named.TypeArguments.Length - 1], function);
    }

    /// <summary>The values a collection is made with: array and collection initializers, <c>["key"] = value</c> and <c>{ "key", value }</c> entries, collection expressions.</summary>
    private static IEnumerable<IOperation> ElementValues(IOperation value)
    {
        if (value is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var entry in initializer.Initializers)
            {
                switch (entry)
                {
                    case ISimpleAssignmentOperation assignment:
                        yield return assignment.Value; // ["summary"] = kernel.CreateFunctionFromPrompt(...)
                        break;
                    case IInvocationOperation { Arguments.Length: > 0 } add:
                        yield return add.Arguments[add.Arguments.Length - 1].Value; // { "summary", function } or { function }
                        break;
                }
            }

            yield break;
        }

        foreach (var element in Operations.Elements(value))
        {
            yield return element;
        }
    }

    /// <summary>What a body puts in a collection held by <paramref name="holder"/>: indexer assignments and <c>Add</c>-like calls.</summary>
    private static IEnumerable<IOperation> ElementWrites(IEnumerable<IOperation> operations, ISymbol holder)
    {
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } target } } assignment
                    when Refers(target, holder):
                    yield return assignment.Value;
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" or "Insert" or "AddRange", Instance: { } target, Arguments.Length: > 0 } add
                    when Refers(target, holder):
                    var last = add.Arguments[add.Arguments.Length - 1].Value;
                    if (add.TargetMethod.Name == "AddRange")
                    {
                        foreach (var element in ElementValues(Operations.Unwrap(last)))
                        {
                            yield return element;
                        }
                    }
                    else
                    {
                        yield return last;
                    }

                    break;
            }
        }
    }

    private static bool Refers(IOperation operation, ISymbol holder) => Operations.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, holder),
        IMemberReferenceOperation member => SymbolEqualityComparer.Default.Equals(member.Member, holder),
        _ => false,
    };

    /// <summary>
    /// A field's or property's element writes in its own type. Name first: only element assignments and calls whose receiver is spelled
    /// with the member's name (<c>_functions[...] = </c>, <c>this._functions.Add(...)</c>) are bound.
    /// </summary>
    private ImmutableArray<IOperation> MemberElementWrites(ISymbol member)
        => _memberElementWrites.GetOrAdd(member, m =>
        {
            if (m.ContainingType is null)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            var found = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var reference in m.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    var receiver = node switch
                    {
                        AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax access } => access.Expression,
                        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "TryAdd" or "Insert" or "AddRange" } call } => call.Expression,
                        _ => null,
                    };
                    var spelled = receiver switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
                        _ => null,
                    };
                    if (spelled == m.Name && _context.OperationOf(node) is { } operation)
                    {
                        found.AddRange(ElementWrites(new[] { operation }, m));
                    }
                }
            }

            return found.ToImmutable();
        });

    /// <summary>A functions argument (<c>[function]</c>, <c>functions: [...]</c>) holding a prompt function: the plugin made of them is a prompt plugin.</summary>
    public bool HoldsPromptFunction(IOperation functions)
    {
        foreach (var element in Operations.Elements(Operations.Unwrap(functions)))
        {
            // Not by plugin name: this runs while the index of plugin names is being built.
            if (IsFromPrompt(element, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default), byPluginName: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values a local is declared with or assigned in its body, in source order.</summary>
    public static IEnumerable<IOperation> Assignments(IOperation root, ILocalSymbol local) => LocalValues.Of(root, local);
}
