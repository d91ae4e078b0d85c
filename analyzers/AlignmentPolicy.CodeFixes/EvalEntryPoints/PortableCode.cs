using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AlignmentPolicy.CodeFixes.EvalEntryPoints;

/// <summary>
/// Moves a piece of the program's code (an argument, a lambda) into the generated static entry-point class: it
/// may use what it declares itself (lambda parameters, its own locals), constants and static members the new class
/// can reach, and members of those; never the enclosing method's locals or parameters, <c>this</c>, or private
/// members. Static members and nested types named without their type are qualified, since the new class is another
/// type. Values the entry point gets from the harness instead are substituted (the approval service becomes
/// <c>environment.Approvals</c>).
/// </summary>
internal sealed class PortableCode
{
    private static readonly SymbolDisplayFormat s_inNamespace = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private readonly SemanticModel _model;
    private readonly string? _targetNamespace;
    private readonly Func<ExpressionSyntax, ITypeSymbol?, string?> _substitute;

    public PortableCode(SemanticModel model, string? targetNamespace, Func<ExpressionSyntax, ITypeSymbol?, string?>? substitute = null)
    {
        _model = model;
        _targetNamespace = targetNamespace;
        _substitute = substitute ?? ((_, _) => null);
    }

    /// <summary>The text of <paramref name="node"/> as the new class can compile it, or null when it cannot be moved.</summary>
    public string? Move(SyntaxNode node)
    {
        var edits = new List<(TextSpan, string)>();
        return Visit(node, node, edits, substitute: true) ? Splice(node, edits) : null;
    }

    /// <summary>Whether <paramref name="node"/> refers to a member named <paramref name="memberName"/> (for example AdditionalTools).</summary>
    public bool Mentions(SyntaxNode node, string memberName)
        => node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(n => n.Identifier.ValueText == memberName && _model.GetSymbolInfo(n).Symbol is { Kind: SymbolKind.Property or SymbolKind.Field or SymbolKind.Method });

    private bool Visit(SyntaxNode root, SyntaxNode node, List<(TextSpan, string)> edits, bool substitute)
    {
        // The outermost expression the harness supplies instead, when the program's own value cannot move.
        if (substitute && node is ExpressionSyntax expression && IsValue(expression)
            && _substitute(expression, _model.GetTypeInfo(expression).Type) is { } replacement
            && !Visit(root, expression, new List<(TextSpan, string)>(), substitute: false))
        {
            edits.Add((expression.Span, replacement));
            return true;
        }

        switch (node)
        {
            case ThisExpressionSyntax or BaseExpressionSyntax:
                return false;
            case SimpleNameSyntax name:
                if (!Resolve(root, name, out var qualified))
                {
                    return false;
                }

                if (qualified is not null)
                {
                    edits.Add((name.Span, qualified));
                    return true;
                }

                break;
        }

        foreach (var child in node.ChildNodes())
        {
            if (!Visit(root, child, edits, substitute))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks a simple name; sets <paramref name="qualified"/> when it must be written with its type.</summary>
    private bool Resolve(SyntaxNode root, SimpleNameSyntax name, out string? qualified)
    {
        qualified = null;
        if (name.Parent is NameColonSyntax or NameEqualsSyntax || name.IsVar)
        {
            return true;
        }

        var symbol = _model.GetSymbolInfo(name).Symbol;
        if (symbol is not null && IsQualified(name))
        {
            // x.Name: x is checked on its own; Name must only be reachable from the new class.
            return symbol is not (INamedTypeSymbol or IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol) || IsAccessible(symbol);
        }

        if (symbol is null)
        {
            // nameof(...) binds to no symbol; anything else unbound cannot be checked, so it does not move.
            return name.Identifier.ValueText == "nameof" && name.Parent is InvocationExpressionSyntax;
        }

        switch (symbol)
        {
            case INamespaceSymbol or IDiscardSymbol or ILabelSymbol:
                return true;
            case ILocalSymbol or IParameterSymbol or IRangeVariableSymbol:
                return DeclaredWithin(root, symbol);
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction }:
                return DeclaredWithin(root, symbol);
            case ITypeParameterSymbol:
                return false;
            case INamedTypeSymbol type:
                if (!IsAccessible(type))
                {
                    return false;
                }

                if (type.ContainingType is not null)
                {
                    qualified = TypeName(type);
                }

                return true;
            case IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol:
                if (!IsAccessible(symbol))
                {
                    return false;
                }

                if (symbol is IMethodSymbol { ReducedFrom: not null })
                {
                    return true;
                }

                if (symbol.IsStatic || symbol is IFieldSymbol { IsConst: true })
                {
                    qualified = TypeName(symbol.ContainingType) + "." + name.ToString();
                    return true;
                }

                // An instance member named alone: 'this' of the enclosing type, unless it is the member being set in
                // an object initializer (new ChatOptions { Instructions = ... }).
                return name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name && assignment.Parent is InitializerExpressionSyntax;
            default:
                return false;
        }
    }

    private bool IsAccessible(ISymbol symbol) => _model.Compilation.IsSymbolAccessibleWithin(symbol, _model.Compilation.Assembly);

    private string TypeName(INamedTypeSymbol type)
        => type.ContainingNamespace is { } ns && (ns.IsGlobalNamespace ? _targetNamespace is null : ns.ToDisplayString() == _targetNamespace)
            ? type.ToDisplayString(s_inNamespace)
            : type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static bool DeclaredWithin(SyntaxNode root, ISymbol symbol)
        => symbol.DeclaringSyntaxReferences.Length > 0
            && symbol.DeclaringSyntaxReferences.All(r => r.SyntaxTree == root.SyntaxTree && root.Span.Contains(r.Span));

    /// <summary>The right-hand name of <c>x.Name</c> or <c>x?.Name</c>: checked with its receiver, not alone.</summary>
    private static bool IsQualified(SimpleNameSyntax name)
        => name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            || name.Parent is MemberBindingExpressionSyntax
            || name.Parent is QualifiedNameSyntax qualified && qualified.Right == name
            || name.Parent is AliasQualifiedNameSyntax;

    /// <summary>An expression that reads a value (not the member name of <c>x.Name</c>, not the target of an assignment).</summary>
    private static bool IsValue(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                or ConditionalAccessExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax
            && !IsNameOfMember(expression)
            && !(expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression);

    private static bool IsNameOfMember(ExpressionSyntax expression) => expression is SimpleNameSyntax name && IsQualified(name);

    private static string Splice(SyntaxNode node, List<(TextSpan Span, string Text)> edits)
    {
        var text = node.ToString();
        var builder = new StringBuilder(text);
        foreach (var (span, replacement) in edits.OrderByDescending(e => e.Span.Start))
        {
            builder.Remove(span.Start - node.SpanStart, span.Length).Insert(span.Start - node.SpanStart, replacement);
        }

        return builder.ToString();
    }
}
