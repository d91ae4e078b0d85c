using System.Reflection;

namespace AlignmentPolicy.Analyzers.Tests;

public class DiagnosticIdsTests
{
    [Fact]
    public void Rule_ids_are_unique_and_follow_the_ALN_format()
    {
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(DiagnosticIds.HelpLinkBase))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches("^ALN0[01][0-9][0-9]$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
