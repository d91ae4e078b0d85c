using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.Analyzers.Analysis.Calls;

/// <summary>
/// What a walk looks for, by name: the name-first test a walk asks before it binds a method's body
/// (as BannedApiAnalyzers asks "is this name in the list?" before any symbol work). Answering true when
/// unsure is always safe; answering false promises that no call or creation spelled so can be a finding.
/// </summary>
internal interface ICallNameFilter
{
    /// <summary>Whether a call whose method has this simple name can be a finding.</summary>
    bool MayFindCall(string simpleName);

    /// <summary>Whether creating a type spelled with this simple name can be a finding (null: <c>new(...)</c>, the type is not spelled).</summary>
    bool MayFindCreation(string? typeName);
}

/// <summary>
/// The calls a method's syntax spells, read without binding: the simple names of its invocations and the
/// type names of its object creations, plus what the syntax implies but does not spell (a collection
/// initializer's <c>Add</c>, an interpolated string handler's <c>AppendLiteral</c>/<c>AppendFormatted</c>, a
/// delegate's <c>Invoke</c>). Shapes whose bound calls cannot be read from names (local functions, which
/// siblings call by a name declared elsewhere; constructor initializers; query expressions; collection
/// expressions) make the method <see cref="MustBind"/>.
/// </summary>
internal sealed class CallNames
{
    private static readonly CallNames s_mustBind = new(Array.Empty<string>(), Array.Empty<string>(), anyInvocation: true, implicitCreation: true, mustBind: true);

    private CallNames(string[] invoked, string[] created, bool anyInvocation, bool implicitCreation, bool mustBind)
    {
        Invoked = invoked;
        Created = created;
        AnyInvocation = anyInvocation;
        ImplicitCreation = implicitCreation;
        MustBind = mustBind;
    }

    // Arrays, not sets: a walk reads them once per method it reaches (enumerating an ImmutableHashSet costs more than the lookups).

    /// <summary>The simple names of the methods the syntax calls (and the implied Add/AppendLiteral/AppendFormatted), each once, in the order first spelled.</summary>
    public string[] Invoked { get; }

    /// <summary>The simple names of the types the syntax creates with <c>new T(...)</c>, each once, in the order first spelled.</summary>
    public string[] Created { get; }

    /// <summary>Some invocation: it may be a delegate's, whose bound method is <c>Invoke</c> whatever the syntax says.</summary>
    public bool AnyInvocation { get; }

    /// <summary>A target-typed <c>new(...)</c>: the created type is not spelled.</summary>
    public bool ImplicitCreation { get; }

    /// <summary>The names cannot say what the body calls: bind it.</summary>
    public bool MustBind { get; }

    /// <summary>The calls spelled by every declaration of a method (partial methods have two).</summary>
    public static CallNames Of(ImmutableArray<SyntaxReference> declarations)
    {
        var invoked = new Names();
        var created = new Names();
        bool anyInvocation = false, implicitCreation = false;
        foreach (var reference in declarations)
        {
            var declaration = reference.GetSyntax();
            if (declaration is LocalFunctionStatementSyntax or not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax))
            {
                return s_mustBind;
            }

            foreach (var node in declaration.DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        anyInvocation = true;
                        if (NameOf(invocation.Expression) is { } name)
                        {
                            invoked.Add(name);
                        }

                        break;
                    case ObjectCreationExpressionSyntax creation:
                        if (NameOf(creation.Type) is { } typeName)
                        {
                            created.Add(typeName);
                        }
                        else
                        {
                            implicitCreation = true;
                        }

                        break;
                    case ImplicitObjectCreationExpressionSyntax:
                        implicitCreation = true;
                        break;
                    case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression }:
                        invoked.Add("Add");
                        break;
                    case InterpolatedStringExpressionSyntax:
                        invoked.Add("AppendLiteral");
                        invoked.Add("AppendFormatted");
                        break;
                    case LocalFunctionStatementSyntax or ConstructorInitializerSyntax or QueryExpressionSyntax or CollectionExpressionSyntax:
                        return s_mustBind;
                }
            }
        }

        return new CallNames(invoked.ToArray(), created.ToArray(), anyInvocation, implicitCreation, mustBind: false);
    }

    /// <summary>Names collected once each, in the order first added.</summary>
    private sealed class Names
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<string> _ordered = new();

        public void Add(string name)
        {
            if (_seen.Add(name))
            {
                _ordered.Add(name);
            }
        }

        public string[] ToArray() => _ordered.ToArray();
    }

    /// <summary>The simple name a call or type is spelled with: <c>Name</c>, <c>x.Name</c>, <c>x?.Name</c>, <c>Name&lt;T&gt;</c>, <c>A.B.Name</c>.</summary>
    private static string? NameOf(SyntaxNode expression) => expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
        NullableTypeSyntax nullable => NameOf(nullable.ElementType),
        _ => null,
    };
}
