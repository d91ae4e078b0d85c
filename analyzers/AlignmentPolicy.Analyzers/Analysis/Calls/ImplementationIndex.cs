using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis.Calls;

/// <summary>
/// Which source types implement which interfaces and derive from which classes, built once per
/// compilation from the declared types (no binding), so an interface call finds its implementations
/// without scanning every type again.
/// </summary>
internal sealed class ImplementationIndex
{
    private readonly Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> _byBase = new(SymbolEqualityComparer.Default);

    private ImplementationIndex()
    {
    }

    public static ImplementationIndex Build(Compilation compilation)
    {
        var index = new ImplementationIndex();
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(compilation.Assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    stack.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    stack.Push(type);
                    if (type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.IsAbstract)
                    {
                        index.Add(type);
                    }
                }
            }
        }

        return index;
    }

    private void Add(INamedTypeSymbol type)
    {
        foreach (var @interface in type.AllInterfaces)
        {
            Register(@interface.OriginalDefinition, type);
        }

        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            Register(current.OriginalDefinition, type);
        }
    }

    private void Register(INamedTypeSymbol key, INamedTypeSymbol type)
    {
        if (!_byBase.TryGetValue(key, out var list))
        {
            _byBase[key] = list = new List<INamedTypeSymbol>();
        }

        list.Add(type);
    }

    /// <summary>Adds the source implementations or overrides of <paramref name="member"/> (an original definition).</summary>
    public void AddImplementations(IMethodSymbol member, ImmutableArray<IMethodSymbol>.Builder into)
    {
        if (!_byBase.TryGetValue(member.ContainingType.OriginalDefinition, out var types))
        {
            return;
        }

        foreach (var type in types)
        {
            if (member.ContainingType.TypeKind == TypeKind.Interface)
            {
                // FindImplementationForInterfaceMember needs the interface as the type constructs it.
                foreach (var constructed in type.AllInterfaces)
                {
                    if (!SymbolEqualityComparer.Default.Equals(constructed.OriginalDefinition, member.ContainingType))
                    {
                        continue;
                    }

                    foreach (var candidate in constructed.GetMembers(member.Name))
                    {
                        if (candidate is IMethodSymbol m && SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, member)
                            && type.FindImplementationForInterfaceMember(m) is IMethodSymbol implementation
                            && implementation.DeclaringSyntaxReferences.Length > 0 && !implementation.IsAbstract)
                        {
                            AddOnce(into, implementation.OriginalDefinition);
                        }
                    }
                }

                continue;
            }

            foreach (var candidate in type.GetMembers(member.Name))
            {
                if (candidate is not IMethodSymbol method || method.DeclaringSyntaxReferences.Length == 0)
                {
                    continue;
                }

                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, member))
                    {
                        AddOnce(into, method.OriginalDefinition);
                        break;
                    }
                }
            }
        }
    }

    private static void AddOnce(ImmutableArray<IMethodSymbol>.Builder into, IMethodSymbol method)
    {
        foreach (var existing in into)
        {
            if (SymbolEqualityComparer.Default.Equals(existing, method))
            {
                return;
            }
        }

        into.Add(method);
    }
}
