using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AlignmentPolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.CodeFixes;

/// <summary>ALN0005 on a builder chain: appends <c>.UsePolicyGate()</c> to <c>UseFunctionInvocation()</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UngatedAutoInvocationFixer)), Shared]
public sealed class UngatedAutoInvocationFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UngatedAutoInvocation);

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
            if (!diagnostic.Properties.ContainsKey("BuilderChain"))
            {
                continue;
            }

            var name = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (name.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access || access.Name != name)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Add UsePolicyGate() to the pipeline", ct => ApplyAsync(context.Document, invocation, ct), equivalenceKey: FixerNames.Prefix + "UsePolicyGate.AfterFunctionInvocation"),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var gated = GateSyntax.Call(invocation.WithoutTrailingTrivia(), "UsePolicyGate").WithTrailingTrivia(invocation.GetTrailingTrivia());
        return document.WithSyntaxRoot(GateSyntax.AddGatesUsing(root.ReplaceNode(invocation, gated)));
    }
}
