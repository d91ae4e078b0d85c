using AlignmentPolicy.Analyzers.Analysis;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
            start.RegisterSyntaxNodeAction(AnalyzeAttribute, SyntaxKind.Attribute);
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

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context)
    {
        var attribute = (AttributeSyntax)context.Node;
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
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol?.ContainingType is not { Name: "SuppressMessageAttribute" } type
            || type.ContainingNamespace is not { Name: "CodeAnalysis", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
        {
            return;
        }

        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var positional = arguments.Where(a => a.NameEquals is null).ToList();
        if (positional.Count < 2 || context.SemanticModel.GetConstantValue(positional[1].Expression, context.CancellationToken).Value is not string checkId)
        {
            return;
        }

        var id = checkId.Split(':')[0].Trim();
        if (!IsAlignmentRule(id))
        {
            return;
        }

        var justification = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Justification");
        var text = justification is null ? null : context.SemanticModel.GetConstantValue(justification.Expression, context.CancellationToken).Value as string;
        if (string.IsNullOrWhiteSpace(text) || text!.Trim() == "<Pending>")
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnjustifiedSuppression, attribute.GetLocation(), "[SuppressMessage]", id));
        }
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
