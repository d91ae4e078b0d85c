using System.Reflection;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Tests.Diagnostics;

public class BuildDiagnosticIdsTests
{
    private static readonly List<BuildDiagnosticDescriptor> s_declared = typeof(BuildDiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(BuildDiagnosticDescriptor))
        .Select(f => (BuildDiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    [Fact]
    public void Every_declared_code_is_registered_once()
    {
        Assert.Equal(s_declared.Select(d => d.Id).Order(), BuildDiagnosticIds.All.Select(d => d.Id).Order());
        Assert.Equal(s_declared.Count, s_declared.Select(d => d.Id).Distinct().Count());
        Assert.All(s_declared, d => Assert.Matches("^ALN0[1-4][0-9][0-9]$", d.Id));
    }

    [Fact]
    public void Every_code_has_a_docs_page_titled_as_the_descriptor_and_a_help_link_to_it()
    {
        Assert.All(s_declared, d =>
        {
            var page = Path.Combine(RepoPaths.Root, "docs", "build", d.Id + ".md");
            Assert.True(File.Exists(page), $"missing {page}");
            Assert.Equal($"# {d.Id}: {d.Title}", File.ReadLines(page).First());
            Assert.EndsWith($"/docs/build/{d.Id}.md", d.HelpLink);
        });
    }
}
