using AlignmentPolicy.Core.Licensing;
using NuGet.Packaging.Licenses;

namespace AlignmentPolicy.Core.Tests.Licensing;

public class SpdxExpressionTests
{
    public static TheoryData<string> ValidExpressions => new()
    {
        "MIT",
        "Apache-2.0",
        "MPL-2.0+",
        "MIT OR Apache-2.0",
        "MIT AND CC-BY-4.0",
        "MIT OR Apache-2.0 AND CC0-1.0",
        "(MIT OR Apache-2.0) AND CC0-1.0",
        "GPL-2.0-only WITH Classpath-exception-2.0",
        "Apache-2.0 WITH LLVM-exception OR MIT",
        "((MIT))",
        "LGPL-2.1-only OR (GPL-2.0-only WITH Classpath-exception-2.0 AND BSD-3-Clause)",
        "  MIT   OR   CC-BY-4.0  ",
    };

    /// <summary>Our parser reads every valid expression into the same tree as NuGet's, the reference for .NET.</summary>
    [Theory]
    [MemberData(nameof(ValidExpressions))]
    public void Parses_valid_expressions_into_the_same_tree_as_NuGet(string text)
    {
        Assert.True(SpdxExpression.TryParse(text, out var ours, out var error), error?.Message);
        var nuget = NuGetLicenseExpression.Parse(text);
        Assert.Equal(Describe(nuget), Describe(ours!));
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("MIT OR", 6, "licence id was expected")]
    [InlineData("MIT Apache-2.0", 4, "expected AND, OR or WITH")]
    [InlineData("(MIT OR Apache-2.0", 18, "not closed")]
    [InlineData("MIT)", 3, "no matching '('")]
    [InlineData("mit", 0, "write \"MIT\"")]
    [InlineData("MIT or Apache-2.0", 4, "in capitals")]
    [InlineData("Apache 2.0", 0, "not an SPDX licence identifier")]
    [InlineData("GPL-2.0-only WITH Nope-exception", 18, "not an SPDX licence exception")]
    [InlineData("GPL-2.0-only WITH", 13, "followed by an SPDX exception id")]
    [InlineData("Classpath-exception-2.0", 0, "write it after WITH")]
    [InlineData("(MIT OR GPL-2.0-only) WITH Classpath-exception-2.0", 22, "single licence id")]
    [InlineData("MIT/Apache-2.0", 3, "cannot appear")]
    public void Rejects_invalid_expressions_at_the_offending_token(string text, int index, string message)
    {
        Assert.False(SpdxExpression.TryParse(text, out _, out var error));
        Assert.Equal(index, error!.Index);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("MIT", true)]
    [InlineData("GPL-3.0-only", false)]
    [InlineData("MIT OR GPL-3.0-only", true)]
    [InlineData("MIT AND GPL-3.0-only", false)]
    [InlineData("(GPL-3.0-only OR CC-BY-4.0) AND MIT", true)]
    [InlineData("Apache-2.0 WITH LLVM-exception", true)]
    public void An_expression_is_allowed_when_every_AND_and_one_side_of_each_OR_is(string text, bool allowed)
    {
        var list = new HashSet<string> { "MIT", "Apache-2.0", "CC-BY-4.0" };
        Assert.True(SpdxExpression.TryParse(text, out var expression, out _));
        Assert.Equal(allowed, expression!.IsSatisfiedBy(list.Contains));
    }

    private static string Describe(NuGetLicenseExpression expression) => expression switch
    {
        NuGetLicense license => license.Identifier + (license.Plus ? "+" : ""),
        WithOperator with => $"({Describe(with.License)} WITH {with.Exception.Identifier})",
        LogicalOperator logical => $"({Describe(logical.Left)} {(logical.LogicalOperatorType == LogicalOperatorType.And ? "AND" : "OR")} {Describe(logical.Right)})",
        _ => throw new InvalidOperationException(expression.GetType().Name),
    };

    private static string Describe(SpdxExpression expression) => expression switch
    {
        SpdxLicense license => license.ToString(),
        SpdxWithException with => $"({with.License} WITH {with.Exception})",
        SpdxCompound compound => $"({Describe(compound.Left)} {(compound.IsAnd ? "AND" : "OR")} {Describe(compound.Right)})",
        _ => throw new InvalidOperationException(expression.GetType().Name),
    };
}
