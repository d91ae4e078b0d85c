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
    /// <summary>Whether <paramref name="method"/> has the shape a declarative client library implements: an abstract interface method.</summary>
    public static bool IsClientMethod(IMethodSymbol method)
        => method is { IsAbstract: true, IsStatic: false, ContainingType.TypeKind: TypeKind.Interface };

    /// <summary>
    /// Whether <paramref name="method"/> (a client method) declares an HTTP write by its verb attribute. The catalogue asks
    /// only for methods whose assembly can declare verbs (declared in source, or referencing Refit or RestEase).
    /// </summary>
    public static bool DeclaresWrite(IMethodSymbol method)
    {
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
}
