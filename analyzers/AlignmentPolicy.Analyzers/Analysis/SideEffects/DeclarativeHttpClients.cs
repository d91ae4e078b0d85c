using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis.SideEffects;

/// <summary>
/// HTTP writes through a declarative HTTP client: an interface method that a library implements at run time from its verb
/// attribute (Refit's and RestEase's <c>[Post("/orders")] Task&lt;Order&gt; CreateOrderAsync(...)</c>, also <c>[Put]</c>,
/// <c>[Patch]</c>, <c>[Delete]</c>). The interface has no body to walk and its method's name says nothing (<c>ApproveAsync</c>,
/// <c>SubmitAsync</c>); the verb attribute is the request it sends. <c>[Get]</c>/<c>[Head]</c> read. Only interface methods count
/// (a controller's <c>[HttpPost]</c> action is spelled differently and receives a request, it sends none). The attribute must be
/// the library's: bound, its class is in the <c>Refit</c> or <c>RestEase</c> namespace (another library's <c>[Post]</c> says nothing);
/// unbound (an error type spelled with the verb), it counts only in a compilation that references Refit or RestEase, where it is
/// most likely theirs with a using the compilation misses.
/// </summary>
internal static class DeclarativeHttpClients
{
    /// <summary>Whether <paramref name="method"/> has the shape a declarative client library implements: an abstract interface method.</summary>
    public static bool IsClientMethod(IMethodSymbol method)
        => method is { IsAbstract: true, IsStatic: false, ContainingType.TypeKind: TypeKind.Interface };

    /// <summary>
    /// Whether <paramref name="method"/> (a client method) declares an HTTP write by its verb attribute. The catalogue asks
    /// only for methods whose assembly can declare verbs (declared in source, or referencing Refit or RestEase);
    /// <paramref name="compilationReferencesLibrary"/> says whether the compilation references either (unbound attributes count only then).
    /// </summary>
    public static bool DeclaresWrite(IMethodSymbol method, bool compilationReferencesLibrary)
    {
        foreach (var data in method.GetAttributes())
        {
            if (data.AttributeClass is { } attribute && IsWriteVerb(attribute, compilationReferencesLibrary))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWriteVerb(INamedTypeSymbol attribute, bool compilationReferencesLibrary)
    {
        if (attribute.Name is not ("Post" or "Put" or "Patch" or "Delete" or "PostAttribute" or "PutAttribute" or "PatchAttribute" or "DeleteAttribute"))
        {
            return false;
        }

        // Bound: the library's own attribute. Unbound: an error type, judged by the name it is spelled with where the library is referenced.
        return attribute.TypeKind == TypeKind.Error
            ? compilationReferencesLibrary
            : attribute.ContainingNamespace is { Name: "Refit" or "RestEase", ContainingNamespace.IsGlobalNamespace: true };
    }
}
