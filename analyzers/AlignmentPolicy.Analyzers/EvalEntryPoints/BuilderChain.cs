using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.EvalEntryPoints;

/// <summary>
/// A fluent builder chain written in one expression, <c>root.Step1().Step2()...Build()</c>: where it starts (the
/// <c>AsBuilder()</c> call, <c>new ChatClientBuilder(...)</c>, <c>services.AddChatClient(...)</c>), the steps in order,
/// outermost middleware first (the order the builder applies them), and the call that ends it, if any.
/// </summary>
internal sealed class BuilderChain
{
    private BuilderChain(IOperation? root, ImmutableArray<IInvocationOperation> steps, IOperation? end)
    {
        Root = root;
        Steps = steps;
        End = end;
    }

    /// <summary>The operation that creates the builder; null when the builder comes from a variable or a parameter.</summary>
    public IOperation? Root { get; }

    /// <summary>The calls between the root and the end.</summary>
    public ImmutableArray<IInvocationOperation> Steps { get; }

    /// <summary>The <c>Build()</c> call, or the outermost step of a chain that is never built (dependency injection).</summary>
    public IOperation? End { get; }

    public bool HasStep(string name) => Steps.Any(s => s.TargetMethod.Name == name);

    /// <summary>Whether a step applies an AlignmentPolicy gate (<c>UsePolicyGate</c>).</summary>
    public bool IsGated => Steps.Any(IsGateStep);

    public static bool IsGateStep(IInvocationOperation step)
        => step.TargetMethod.Name == "UsePolicyGate" && step.TargetMethod.ContainingNamespace?.ToDisplayString().StartsWith("AlignmentPolicy.Gates", System.StringComparison.Ordinal) == true;

    /// <summary>The chain that <paramref name="build"/> (a call that returns what the builder builds) ends.</summary>
    public static BuilderChain EndingAt(IInvocationOperation build, INamedTypeSymbol builderType, params string[] rootMethods)
    {
        var steps = ImmutableArray.CreateBuilder<IInvocationOperation>();
        var current = Receiver(build);
        IOperation? root = null;
        while (current is IInvocationOperation invocation && IsBuilder(invocation.Type, builderType))
        {
            if (rootMethods.Contains(invocation.TargetMethod.Name))
            {
                root = invocation;
                break;
            }

            steps.Add(invocation);
            current = Receiver(invocation);
        }

        if (current is IObjectCreationOperation creation && IsBuilder(creation.Type, builderType))
        {
            root = creation;
        }

        steps.Reverse();
        return new BuilderChain(root, steps.ToImmutable(), build);
    }

    /// <summary>The chain that starts at <paramref name="root"/> and continues while the calls return the builder, up to its <c>Build()</c>.</summary>
    public static BuilderChain StartingAt(IOperation root, INamedTypeSymbol builderType)
    {
        var steps = ImmutableArray.CreateBuilder<IInvocationOperation>();
        IOperation current = root;
        while (Outer(current) is { } outer && IsBuilder(outer.Type, builderType))
        {
            steps.Add(outer);
            current = outer;
        }

        // The call that ends the chain (Build()) returns what was built, no longer the builder.
        IOperation end = Outer(current) is { TargetMethod.Name: "Build" } build ? build : current;
        return new BuilderChain(root, steps.ToImmutable(), end);
    }

    /// <summary>What a call is made on: its instance, or the <c>this</c> argument of an extension method.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance;
        if (receiver is null && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
        {
            receiver = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        }

        return Unwrap(receiver);
    }

    /// <summary>The call made on the value of <paramref name="operation"/> (<c>operation.Next()</c>), if any.</summary>
    public static IInvocationOperation? Outer(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IInvocationOperation invocation when invocation.Instance == operation => invocation,
            IArgumentOperation { Parameter.Ordinal: 0 } argument when argument.Parent is IInvocationOperation invocation && invocation.TargetMethod.IsExtensionMethod => invocation,
            _ => null,
        };
    }

    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    private static bool IsBuilder(ITypeSymbol? type, INamedTypeSymbol builderType)
        => type is not null && Analysis.KnownSymbols.IsOrDerivesFrom(type, builderType);
}
