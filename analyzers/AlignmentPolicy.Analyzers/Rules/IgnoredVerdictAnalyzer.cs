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
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when ReadState(declarator.Symbol, current) is { } unread => $"stored in '{declarator.Symbol.Name}' and {unread}",
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

    /// <summary>
    /// Null when the verdict's decision is acted on (a test of Decision, IsAllowed or a pattern that can change what runs),
    /// or the verdict is handed on or returned; else what happens to it, for the message. A test whose branches only log
    /// (<c>if (verdict.Decision == PolicyDecision.Deny) logger.LogWarning(...)</c>) changes nothing: the action runs anyway.
    /// </summary>
    private static string? ReadState(ILocalSymbol local, IOperation declaration)
    {
        var logged = false;
        foreach (var reference in Operations.Root(declaration).Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            if (TestingStatement(reference) is { } test)
            {
                if (!OnlyLogs(test))
                {
                    return null;
                }

                logged = true;
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
                    return null;
                case IConversionOperation { Parent: IArgumentOperation or IReturnOperation }:
                    return null;
            }
        }

        return logged ? "its decision is only logged" : "never checked";
    }

    /// <summary>The <c>if</c> statement whose condition the verdict is read in (through its members, comparisons and patterns), or null.</summary>
    private static IConditionalOperation? TestingStatement(IOperation reference)
    {
        var current = reference;
        while (current.Parent is IPropertyReferenceOperation or IBinaryOperation or IUnaryOperation or IConversionOperation or IIsPatternOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IConditionalOperation { IsRef: false } conditional && conditional.Condition == current && conditional.Parent is IBlockOperation
            ? conditional
            : null;
    }

    /// <summary>
    /// Both branches of the test end where they began and do nothing but write to a log or the console: no return,
    /// throw, break or goto, no assignment (a flag tested later), no other call (the action itself inside the branch).
    /// </summary>
    private static bool OnlyLogs(IConditionalOperation test)
    {
        foreach (var branch in new[] { test.WhenTrue, test.WhenFalse })
        {
            if (branch is null)
            {
                continue;
            }

            foreach (var operation in branch.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IReturnOperation or IThrowOperation or IBranchOperation or IAssignmentOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                    case IInvocationOperation invocation when !IsLogging(invocation):
                        return false;
                }
            }
        }

        return true;
    }

    /// <summary>Console output (<c>Console.WriteLine</c>, <c>Console.Error.WriteLine</c>), Debug/Trace, and Microsoft.Extensions.Logging.</summary>
    private static bool IsLogging(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (invocation.Instance is IPropertyReferenceOperation { Property.ContainingType: { } owner })
        {
            // Console.Error.WriteLine: a TextWriter, but the console's (a StreamWriter's WriteLine would write a file).
            return Is(owner, "Console", "System");
        }

        return method.ContainingType is { } type
            && (Is(type, "Console", "System") || Is(type, "Debug", "System", "Diagnostics") || Is(type, "Trace", "System", "Diagnostics")
                || InNamespace(type.ContainingNamespace, "Microsoft", "Extensions", "Logging"));
    }

    private static bool Is(INamedTypeSymbol type, string name, params string[] ns) => type.Name == name && InNamespace(type.ContainingNamespace, ns);

    private static bool InNamespace(INamespaceSymbol? ns, params string[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }
}
