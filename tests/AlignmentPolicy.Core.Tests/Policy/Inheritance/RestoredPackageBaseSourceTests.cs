using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Core.Tests.Policy.Inheritance;

/// <summary>How the build finds a base: only among the packages its project restored (the packages' props name them).</summary>
public sealed class RestoredPackageBaseSourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-restored-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static BaseReference Reference(string text) => BaseReference.TryParse(text, out _)!;

    private string PolicyFile(string id, string version)
    {
        var file = Path.Combine(_root, id.ToLowerInvariant(), version, "alignment", "alignment-policy.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{ \"version\": 1 }");
        return file;
    }

    [Fact]
    public void A_restored_package_of_the_same_version_is_found_whatever_the_case_and_form_of_its_version()
    {
        var file = PolicyFile("Contoso.AlignmentPolicy", "1.4.0");
        var source = new RestoredPackageBaseSource([new RestoredPolicyPackage("Contoso.AlignmentPolicy", "1.4.0", file)]);

        var lookup = source.Find(Reference("nuget:contoso.alignmentpolicy@1.4"), "/repo/alignment-policy.json");

        Assert.Equal(file, lookup.File!.FullPath);
        Assert.Equal(("Contoso.AlignmentPolicy", "1.4.0", "alignment/alignment-policy.json"), (lookup.File.PackageId, lookup.File.PackageVersion, lookup.File.PathInPackage));
    }

    [Fact]
    public void Another_restored_version_is_ALN0324_naming_both()
    {
        var source = new RestoredPackageBaseSource([new RestoredPolicyPackage("Contoso.AlignmentPolicy", "1.5.0", PolicyFile("Contoso.AlignmentPolicy", "1.5.0"))]);

        var lookup = source.Find(Reference("nuget:Contoso.AlignmentPolicy@1.4.0"), "/repo/alignment-policy.json");

        Assert.Equal("ALN0324", lookup.Code!.Id);
        Assert.Contains("extends Contoso.AlignmentPolicy 1.4.0, but this project restores Contoso.AlignmentPolicy 1.5.0", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_the_project_does_not_restore_is_ALN0319_with_the_PackageReference_to_add()
    {
        PolicyFile("Contoso.AlignmentPolicy", "1.4.0");
        var source = new RestoredPackageBaseSource(Array.Empty<RestoredPolicyPackage>());

        var lookup = source.Find(Reference("nuget:Contoso.AlignmentPolicy@1.4.0"), "/repo/alignment-policy.json");

        Assert.Equal("ALN0319", lookup.Code!.Id);
        Assert.Contains("<PackageReference Include=\"Contoso.AlignmentPolicy\" Version=\"1.4.0\" PrivateAssets=\"all\" />", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restored_package_without_a_policy_file_is_ALN0319()
    {
        var source = new RestoredPackageBaseSource([new RestoredPolicyPackage("Contoso.AlignmentPolicy", "1.4.0", Path.Combine(_root, "none.json"))]);

        var lookup = source.Find(Reference("nuget:Contoso.AlignmentPolicy@1.4.0"), "/repo/alignment-policy.json");

        Assert.Equal("ALN0319", lookup.Code!.Id);
    }

    [Fact]
    public void Package_folders_are_searched_in_the_global_packages_layout()
    {
        var file = PolicyFile("Contoso.AlignmentPolicy", "1.4.0-beta.1");
        var source = new RestoredPackageBaseSource([_root]);

        Assert.Equal(file, source.Find(Reference("nuget:Contoso.AlignmentPolicy@1.4.0-Beta.1"), "/repo/x.json").File!.FullPath);
        Assert.Equal("ALN0319", source.Find(Reference("nuget:Contoso.AlignmentPolicy@1.5.0"), "/repo/x.json").Code!.Id);
    }

    [Theory]
    [InlineData("1.4", "1.4.0")]
    [InlineData("1.4.0.0", "1.4.0")]
    [InlineData("01.04.00.1", "1.4.0.1")]
    [InlineData("2.0.0-RC.1", "2.0.0-rc.1")]
    public void Versions_are_normalised_as_NuGet_names_their_folders(string version, string folder)
        => Assert.Equal(folder, BaseReference.NormalizeVersion(version));
}
