using System;
using System.Collections.Immutable;
using AlignmentPolicy.Vocabulary;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.Analyzers.Analysis.SideEffects;

/// <summary>
/// Azure Functions' MCP tools (<c>Microsoft.Azure.Functions.Worker.Extensions.Mcp</c>): a function whose parameter carries
/// <c>[McpToolTrigger(name, description)]</c> is a tool of the function app's MCP server, called when a remote model asks, as an
/// <c>[McpServerTool]</c> method is. Besides what its body calls, such a function writes through its output bindings: an attribute
/// on the method deriving from the worker's <c>OutputBindingAttribute</c> (<c>[BlobOutput(path)]</c>, <c>[QueueOutput]</c>,
/// <c>[SqlOutput]</c>, <c>[CosmosDBOutput]</c>, ...) stores what the function returns. The worker packages are often missing from a
/// scan, so both are recognised by the names the attributes are spelled with when their types do not resolve.
/// </summary>
internal static class FunctionsMcpTools
{
    private const string WorkerNamespace = "Microsoft.Azure.Functions.Worker";

    /// <summary>
    /// Name first, on syntax: whether a parameter of the declaration spells an attribute named <c>McpToolTrigger</c>. Only then is
    /// <see cref="IsTool"/> asked (it binds the parameters' attributes).
    /// </summary>
    public static bool MaySpellTrigger(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not MethodDeclarationSyntax { ParameterList.Parameters: var parameters })
            {
                continue;
            }

            foreach (var parameter in parameters)
            {
                foreach (var list in parameter.AttributeLists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        if (Sources.SourceIndex.RightmostName(attribute.Name) is "McpToolTrigger" or "McpToolTriggerAttribute")
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A function a parameter of which is the MCP tool trigger of the Functions worker (or an unresolved attribute of that name).</summary>
    public static bool IsTool(IMethodSymbol method)
    {
        if (!MaySpellTrigger(method))
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            foreach (var data in parameter.GetAttributes())
            {
                if (data.AttributeClass is { Name: "McpToolTriggerAttribute" or "McpToolTrigger" } cls && IsWorkerOrMissing(cls))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The write an output binding on the function makes with what it returns (<c>[BlobOutput("snippets/{name}.json")]</c>), or null.
    /// Database bindings (SQL, Cosmos DB, tables) write to a database; the others (blobs, queues, Service Bus, Event Grid, ...) send
    /// to a service over the wire.
    /// </summary>
    public static SideEffectPath? OutputBinding(IMethodSymbol method, Func<string, bool> enabled)
    {
        foreach (var data in method.GetAttributes())
        {
            if (data.AttributeClass is not { } cls || !IsOutputBinding(cls))
            {
                continue;
            }

            var name = cls.Name.EndsWith("Attribute", StringComparison.Ordinal) ? cls.Name.Substring(0, cls.Name.Length - "Attribute".Length) : cls.Name;
            var category = name.StartsWith("Sql", StringComparison.Ordinal) || name.StartsWith("MySql", StringComparison.Ordinal)
                || name.StartsWith("CosmosDB", StringComparison.Ordinal) || name.StartsWith("Table", StringComparison.Ordinal)
                ? SideEffectVocabulary.Database
                : SideEffectVocabulary.Http;
            if (enabled(category))
            {
                return new SideEffectPath(category, ImmutableArray.Create(method.Name, "[" + name + "] binding"));
            }
        }

        return null;
    }

    /// <summary>Bound: derives from the worker's <c>OutputBindingAttribute</c>. Missing: spelled <c>...Output</c> (<c>BlobOutput</c>, <c>SqlOutput</c>).</summary>
    private static bool IsOutputBinding(INamedTypeSymbol attribute)
    {
        if (attribute.TypeKind == TypeKind.Error)
        {
            return attribute.Name.Length > "Output".Length
                && (attribute.Name.EndsWith("Output", StringComparison.Ordinal) || attribute.Name.EndsWith("OutputAttribute", StringComparison.Ordinal));
        }

        for (var current = attribute.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "OutputBindingAttribute" && IsWorkerOrMissing(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWorkerOrMissing(INamedTypeSymbol type)
        => type.TypeKind == TypeKind.Error || type.ContainingNamespace?.ToDisplayString().StartsWith(WorkerNamespace, StringComparison.Ordinal) == true;
}
