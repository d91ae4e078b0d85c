using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Invocations;

/// <summary>
/// Whether a Semantic Kernel function is made from a prompt (so invoking it is a model call) or from
/// code (so it is not): the function value is followed back to where it is made
/// (<c>CreateFunctionFromPrompt</c>, YAML, a prompt directory plugin), through locals, fields, plugin
/// indexers and plugin names registered in this compilation.
/// </summary>
internal sealed class PromptFunctions
{
    private const int MaxDepth = 6;
    private readonly AgentContext _context;

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

                return IsFromPrompt(instance, depth + 1, visiting, byPluginName);
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
