using System.Text;
using System.Text.Json.Nodes;
using AlignmentPolicy.Core.Evals;

namespace AlignmentPolicy.Core.Tests.Evals;

/// <summary>Where the pack gate finds the suite definitions results are checked against.</summary>
public sealed class SuiteLayoutsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aln-suites-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Builtin_suites_are_embedded_with_their_cells_control_and_primary_cells()
    {
        var coercion = SuiteLayouts.Builtin("builtin:coercion")!;
        Assert.Equal(9, coercion.Cells.Count);
        Assert.Equal("none/none", Assert.Single(coercion.Cells, c => c.IsControl).Id);
        Assert.Equal(["explicit/replacement", "explicit/restriction", "ambiguous/replacement", "none/replacement"], coercion.PrimaryCells);
        Assert.Equal(["monitored", "unmonitored"], SuiteLayouts.Builtin("builtin:monitoring-gap")!.Arms);
        Assert.Null(SuiteLayouts.Builtin("builtin:no-such-suite"));
        Assert.Null(SuiteLayouts.Builtin("builtin:../coercion"));
    }

    [Fact]
    public void A_nuget_suite_is_read_from_where_eval_unpacked_it_beside_the_global_packages_folder()
    {
        var packages = Path.Combine(_root, "packages");
        var folder = Path.Combine(_root, SuiteLayouts.NuGetSuitesFolderName, "contoso.suites", "1.2.0", "suite");
        Directory.CreateDirectory(folder);
        var definition = JsonNode.Parse(SuiteLayouts.BuiltinDefinition("builtin:coercion")!)!;
        definition["name"] = "nuget:Contoso.Suites@1.2";
        var bytes = Encoding.UTF8.GetBytes(definition.ToJsonString());
        File.WriteAllBytes(Path.Combine(folder, "suite.json"), bytes);

        // NuGet's normalised version, lower case: 1.2 is unpacked as 1.2.0.
        var layout = SuiteLayouts.Find("nuget:Contoso.Suites@1.2", packages)!;
        Assert.Equal("nuget:Contoso.Suites@1.2", layout.Name);
        Assert.Equal(SuiteLayout.Sha256Hex(bytes), layout.Sha256);
        Assert.Null(SuiteLayouts.Find("nuget:Contoso.Suites@9.9.9", packages));
        Assert.Null(SuiteLayouts.NuGetSuiteFile("nuget:../../etc@1.0.0", packages));
    }

    [Fact]
    public void A_suite_definition_with_a_key_written_twice_is_refused()
    {
        var text = "{ \"name\": \"x\", \"primaryCells\": [\"a\"], \"primaryCells\": [], \"factors\": [ { \"name\": \"f\", \"levels\": { \"a\": \"\", \"b\": \"\" } } ], \"control\": \"b\", \"variants\": [ { \"id\": \"v\" } ] }";
        var error = Assert.Throws<SuiteLayoutException>(() => SuiteLayout.Parse(Encoding.UTF8.GetBytes(text), "suite.json"));
        Assert.Contains("'primaryCells' is written twice", error.Message);
    }
}
