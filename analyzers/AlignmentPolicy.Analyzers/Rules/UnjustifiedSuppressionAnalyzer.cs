using AlignmentPolicy.Analyzers.Analysis;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AlignmentPolicy.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0007: when the policy requires it, every suppression of an ALN rule (#pragma, [SuppressMessage],
/// severity none in an editorconfig, NoWarn) must carry a written justification.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnjustifiedSuppressionAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] s_ruleIds =
    {
        DiagnosticIds.UngatedModelCall, DiagnosticIds.UngatedToolSideEffect, DiagnosticIds.UngatedModelOutputFlow, DiagnosticIds.IgnoredVerdict,
        DiagnosticIds.UngatedAutoInvocation, DiagnosticIds.UnconditionalGate, DiagnosticIds.UndeclaredDataset, DiagnosticIds.MissingEvalEntryPoint,
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnjustifiedSuppression);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var policy = PolicyOptions.Read(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            if (!policy.RequireJustification || !policy.IsAgentProject)
            {
                return;
            }

            start.RegisterSyntaxTreeAction(AnalyzePragmas);
            // Attributes file by file, name first, not from a syntax-node action: one such action makes the driver list and
            // walk every syntax node of every declaration for this rule, to find the few [SuppressMessage] there are.
            start.RegisterSemanticModelAction(AnalyzeAttributes);
            start.RegisterCompilationEndAction(AnalyzeOptions);
        });
    }

    private static void AnalyzePragmas(SyntaxTreeAnalysisContext context)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        if (!root.ContainsDirectives)
        {
            return;
        }

        // Directive to directive, not trivia by trivia: most files have a #nullable or #region and no pragma.
        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            if (directive is not PragmaWarningDirectiveTriviaSyntax pragma || !pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
            {
                continue;
            }

            var ids = pragma.ErrorCodes.Select(c => c.ToString().Trim()).Where(IsAlignmentRule).ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            var justified = pragma.EndOfDirectiveToken.LeadingTrivia.Concat(pragma.ErrorCodes.Last().GetTrailingTrivia())
                .Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) && t.ToString().TrimStart('/').Trim().Length > 0);
            if (!justified)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnjustifiedSuppression, pragma.GetLocation(), "#pragma warning disable", string.Join(", ", ids)));
            }
        }
    }

    /// <summary>
    /// The [SuppressMessage] attributes of one file. Name first: a file whose text does not spell <c>SuppressMessage</c> has
    /// none, and is not walked. Attributes in a [GeneratedCode] declaration are left alone, as the driver leaves generated
    /// code to a rule that does not analyse it (<see cref="GeneratedCode.Flags"/>).
    /// </summary>
    private static void AnalyzeAttributes(SemanticModelAnalysisContext context)
    {
        var model = context.SemanticModel;
        var tree = model.SyntaxTree;
        if (!Analysis.Sources.SourceIndex.Spells(tree, "SuppressMessage"))
        {
            return;
        }

        foreach (var attribute in tree.GetRoot(context.CancellationToken).DescendantNodes().OfType<AttributeSyntax>())
        {
            if (AnalyzeAttribute(attribute, model, context.CancellationToken) is { } diagnostic && !InGeneratedCode(attribute, model, context.CancellationToken))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    /// <summary>Whether the declaration the attribute is in, or a type around it, is marked [GeneratedCode] (on any of its parts).</summary>
    private static bool InGeneratedCode(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var node = attribute.Parent; node is not null; node = node.Parent)
        {
            if (node is MemberDeclarationSyntax or LocalFunctionStatementSyntax && model.GetDeclaredSymbol(node, cancellationToken) is { } symbol)
            {
                for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
                {
                    if (current.GetAttributes().Any(a => a.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return false;
    }

    private static Diagnostic? AnalyzeAttribute(AttributeSyntax attribute, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        // Name first (no allocation), then the symbol.
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        if (name is not ("SuppressMessage" or "SuppressMessageAttribute"))
        {
            return null;
        }

        if (semanticModel.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is not { Name: "SuppressMessageAttribute" } type
            || type.ContainingNamespace is not { Name: "CodeAnalysis", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
        {
            return null;
        }

        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var positional = arguments.Where(a => a.NameEquals is null).ToList();
        if (positional.Count < 2 || semanticModel.GetConstantValue(positional[1].Expression, cancellationToken).Value is not string checkId)
        {
            return null;
        }

        var id = checkId.Split(':')[0].Trim();
        if (!IsAlignmentRule(id))
        {
            return null;
        }

        var justification = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Justification");
        var text = justification is null ? null : semanticModel.GetConstantValue(justification.Expression, cancellationToken).Value as string;
        return string.IsNullOrWhiteSpace(text) || text!.Trim() == "<Pending>"
            ? Diagnostic.Create(Descriptors.UnjustifiedSuppression, attribute.GetLocation(), "[SuppressMessage]", id)
            : null;
    }

    /// <summary>Severity none from .editorconfig/.globalconfig, or NoWarn: no place for a justification.</summary>
    private static void AnalyzeOptions(CompilationAnalysisContext context)
    {
        var options = context.Compilation.Options;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in s_ruleIds)
        {
            var suppressed = options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific == ReportDiagnostic.Suppress;
            if (!suppressed && options.SyntaxTreeOptionsProvider is { } provider)
            {
                suppressed = provider.TryGetGlobalDiagnosticValue(id, context.CancellationToken, out var global) && global == ReportDiagnostic.Suppress;
                foreach (var tree in context.Compilation.SyntaxTrees)
                {
                    if (suppressed)
                    {
                        break;
                    }

                    suppressed = provider.TryGetDiagnosticValue(tree, id, context.CancellationToken, out var local) && local == ReportDiagnostic.Suppress;
                }
            }

            if (suppressed && reported.Add(id))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnjustifiedSuppression, Location.None, "severity 'none' (.editorconfig, .globalconfig or <NoWarn>)", id));
            }
        }
    }

    private static bool IsAlignmentRule(string id) => Array.IndexOf(s_ruleIds, id) >= 0;
}
