using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis.SideEffects;

/// <summary>
/// HTTP writes through a declarative HTTP client: an interface method that a library implements at run time from its verb
/// attribute (Refit's and RestEase's <c>[Post("/orders")] Task&lt;Order&gt; CreateOrderAsync(...)</c>, also <c>[Put]</c>,
/// <c>[Patch]</c>, <c>[Delete]</c>). The interface has no body to walk and its method's name says nothing (<c>ApproveAsync</c>,
/// <c>SubmitAsync</c>); the verb attribute is the request it sends. <c>[Get]</c>/<c>[Head]</c> read. Only interface methods count
/// (a controller's <c>[HttpPost]</c> action is spelled differently and receives a request, it sends none). When the library is
/// missing from the compilation (a scan compiles sources alone) the attribute does not bind: its class is then an error type
/// spelled with the verb, which still says which request the method is.
/// </summary>
internal static class DeclarativeHttpClients
{
    /// <summary>Whether a call to <paramref name="method"/> sends an HTTP write declared by a verb attribute.</summary>
    public static bool IsWrite(IMethodSymbol method)
    {
        if (method is not { IsAbstract: true, IsStatic: false, ContainingType.TypeKind: TypeKind.Interface } || !MayDeclareVerbs(method))
        {
            return false;
        }

        foreach (var data in method.GetAttributes())
        {
            if (data.AttributeClass is { } attribute && IsWriteVerb(attribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWriteVerb(INamedTypeSymbol attribute)
    {
        if (attribute.Name is not ("Post" or "Put" or "Patch" or "Delete" or "PostAttribute" or "PutAttribute" or "PatchAttribute" or "DeleteAttribute"))
        {
            return false;
        }

        // Bound: the library's own attribute. Unbound (the library is missing): an error type, judged by the name it is spelled with.
        return attribute.TypeKind == TypeKind.Error
            || attribute.ContainingNamespace is { Name: "Refit" or "RestEase", ContainingNamespace.IsGlobalNamespace: true };
    }

    /// <summary>
    /// Name first: only an interface declared in source (whose attributes may be unbound) or in an assembly that references a
    /// declarative client library is asked for its attributes; the framework's interfaces (<c>IList&lt;T&gt;.Add</c>) never are.
    /// </summary>
    private static bool MayDeclareVerbs(IMethodSymbol method)
    {
        if (!method.DeclaringSyntaxReferences.IsEmpty)
        {
            return true;
        }

        if (method.ContainingAssembly is not { } assembly)
        {
            return false;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name is "Refit" or "RestEase")
                {
                    return true;
                }
            }
        }

        return false;
    }
}
