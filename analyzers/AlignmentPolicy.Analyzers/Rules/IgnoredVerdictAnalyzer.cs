using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>ALN0004: a gate is called and its PolicyVerdict is discarded, or kept but its decision never read.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IgnoredVerdictAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.IgnoredVerdict);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var verdict = start.Compilation.GetTypeByMetadataName("AlignmentPolicy.Gates.PolicyVerdict");
            if (verdict is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, verdict), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol verdictType)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!ProducesVerdict(invocation.TargetMethod.ReturnType, verdictType))
        {
            return;
        }

        // Skip past await, conversions and ConfigureAwait(false).
        IOperation current = invocation;
        while (current.Parent is { } parent && (parent is IAwaitOperation or IConversionOperation or IParenthesizedOperation
            || (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask" } wrapper && wrapper.Instance == current)))
        {
            current = parent;
        }

        string? problem = current.Parent switch
        {
            IExpressionStatementOperation => "discarded",
            ISimpleAssignmentOperation { Target: IDiscardOperation } => "assigned to a discard",
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when !IsRead(declarator.Symbol, current) => $"stored in '{declarator.Symbol.Name}' and never checked",
            _ => null,
        };
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.IgnoredVerdict, Locations.NameOf(invocation), invocation.TargetMethod.Name, problem));
        }
    }

    private static bool ProducesVerdict(ITypeSymbol type, INamedTypeSymbol verdictType)
    {
        if (SymbolEqualityComparer.Default.Equals(type, verdictType))
        {
            return true;
        }

        return type is INamedTypeSymbol { IsGenericType: true, Name: "ValueTask" or "Task" } task
            && task.TypeArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(task.TypeArguments[0], verdictType);
    }

    /// <summary>The verdict's decision is read (Decision, IsAllowed, a pattern), or the verdict is handed on or returned.</summary>
    private static bool IsRead(ILocalSymbol local, IOperation declaration)
    {
        foreach (var reference in Operations.Root(declaration).Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            switch (reference.Parent)
            {
                case IPropertyReferenceOperation property when property.Property.Name is "Decision" or "IsAllowed" or "IsDenied" or "RequiresEscalation" or "Findings":
                case IIsPatternOperation:
                case ISwitchOperation:
                case ISwitchExpressionOperation:
                case IArgumentOperation:
                case IReturnOperation:
                case IBinaryOperation:
                    return true;
                case IConversionOperation { Parent: IArgumentOperation or IReturnOperation }:
                    return true;
            }
        }

        return false;
    }
}
