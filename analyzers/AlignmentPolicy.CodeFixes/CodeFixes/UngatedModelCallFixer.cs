using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlignmentPolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.CodeFixes;

/// <summary>
/// ALN0001: adds <c>UsePolicyGate()</c> where the client is built: before <c>Build()</c> of a builder chain,
/// or by wrapping a raw client as <c>.AsBuilder().UsePolicyGate().Build()</c>. The analyzer says which and where.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UngatedModelCallFixer)), Shared]
public sealed class UngatedModelCallFixer : CodeFixProvider
{
    private const string FixKindProperty = "FixKind";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UngatedModelCall);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixKindProperty, out var kind) || diagnostic.AdditionalLocations.Count == 0)
            {
                continue;
            }

            var site = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: false) as ExpressionSyntax;
            if (site is null)
            {
                continue;
            }

            var replacement = kind switch
            {
                "InsertBeforeBuild" => InsertBeforeBuild(site),
                "WrapChatClient" => Wrap(site),
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            var title = kind == "InsertBeforeBuild" ? "Add UsePolicyGate() to the pipeline" : "Wrap the client: .AsBuilder().UsePolicyGate().Build()";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ApplyAsync(context.Document, site, replacement, ct), equivalenceKey: FixerNames.Prefix + "UsePolicyGate." + kind),
                diagnostic);
        }
    }

    private static ExpressionSyntax? InsertBeforeBuild(ExpressionSyntax site)
    {
        if (site is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build" } build } invocation)
        {
            return null;
        }

        // Keep the line break before .Build() where it was.
        var gated = GateSyntax.Call(build.Expression.WithoutTrailingTrivia(), "UsePolicyGate").WithTrailingTrivia(build.Expression.GetTrailingTrivia());
        return invocation.WithExpression(build.WithExpression(gated));
    }

    private static ExpressionSyntax Wrap(ExpressionSyntax site)
        => GateSyntax.Call(GateSyntax.Call(GateSyntax.Call(site.WithoutTrivia(), "AsBuilder"), "UsePolicyGate"), "Build").WithTriviaFrom(site);

    private static async Task<Document> ApplyAsync(Document document, SyntaxNode site, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var updated = GateSyntax.AddGatesUsing(root.ReplaceNode(site, replacement));
        return document.WithSyntaxRoot(updated);
    }
}
