using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0006: a type presented as a gate (implements IPolicyGate, carries [PolicyGate], or is listed in the
/// policy) whose every path allows, or a filter presented as a gate that always calls next.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnconditionalGateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnconditionalGate);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var agent = AgentContext.TryCreate(start);
            if (agent is null)
            {
                return;
            }

            start.RegisterSymbolAction(c => Analyze(c, agent), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, AgentContext agent)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || (!agent.Policy.AdditionalGateTypes.Any() && !MayBeGate(type)))
        {
            return;
        }

        var isPolicyGate = KnownSymbols.IsOrDerivesFrom(type, agent.Symbols.IPolicyGate);
        var declaredGate = agent.Gates.IsGateType(type);
        if (isPolicyGate || (declaredGate && type.GetMembers("EvaluateAsync").Length > 0))
        {
            var evaluate = type.GetMembers("EvaluateAsync").OfType<IMethodSymbol>().FirstOrDefault(m => m.DeclaringSyntaxReferences.Length > 0 && m.Parameters.Length == 2);
            if (evaluate is not null && AlwaysAllows(evaluate, agent))
            {
                Report(context, evaluate, type, "every path of EvaluateAsync returns an allow verdict");
            }

            return;
        }

        if (declaredGate)
        {
            foreach (var filter in agent.Gates.FilterMethods(type))
            {
                if (!agent.Gates.MethodCanStop(filter))
                {
                    Report(context, filter, type, $"{filter.Name} calls next on every path, so it never stops a call");
                }
            }
        }
    }

    /// <summary>Before any symbol work: a class with neither attributes nor a base list can be a gate only by the policy's list.</summary>
    private static bool MayBeGate(INamedTypeSymbol type)
    {
        if (type.BaseType is { SpecialType: not SpecialType.System_Object })
        {
            return true;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration && (declaration.AttributeLists.Count > 0 || declaration.BaseList is not null))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(SymbolAnalysisContext context, IMethodSymbol method, INamedTypeSymbol type, string why)
    {
        if (method.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnconditionalGate, location, type.Name, why));
        }
    }

    private static bool AlwaysAllows(IMethodSymbol evaluate, AgentContext agent)
    {
        var returns = 0;
        foreach (var reference in evaluate.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            if (agent.OperationOf(syntax) is not { } body)
            {
                return false;
            }


            foreach (var operation in body.Descendants())
            {
                if (operation is IThrowOperation)
                {
                    return false; // throwing denies (gates fail closed)
                }

                if (operation is IReturnOperation { ReturnedValue: { } value } returned && Operations.Root(returned) == body)
                {
                    returns++;
                    if (!IsAllow(value))
                    {
                        return false;
                    }
                }
            }
        }

        return returns > 0;
    }

    /// <summary>PolicyVerdict.Allowed, wrapped or not in ValueTask.FromResult / new ValueTask&lt;PolicyVerdict&gt;(...).</summary>
    private static bool IsAllow(IOperation value)
    {
        value = Operations.Unwrap(value);
        switch (value)
        {
            case IPropertyReferenceOperation { Property.Name: "Allowed" or "Allow" } property:
                return property.Property.ContainingType.Name == "PolicyVerdict";
            case IInvocationOperation { TargetMethod.Name: "FromResult" } fromResult when fromResult.Arguments.Length == 1:
                return IsAllow(fromResult.Arguments[0].Value);
            case IInvocationOperation { TargetMethod.Name: "Allow" } allow:
                return allow.TargetMethod.ContainingType.Name == "PolicyVerdict";
            case IObjectCreationOperation creation when creation.Arguments.Length == 1 && creation.Type?.Name == "ValueTask":
                return IsAllow(creation.Arguments[0].Value);
            case IObjectCreationOperation creation when creation.Type?.Name == "PolicyVerdict" && creation.Arguments.Length >= 1:
                return Operations.Unwrap(creation.Arguments[0].Value) is IFieldReferenceOperation { Field.Name: "Allow" };
            default:
                return false;
        }
    }
}
