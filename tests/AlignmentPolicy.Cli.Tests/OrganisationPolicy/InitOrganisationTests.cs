using System.Xml.Linq;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Cli.Tests.OrganisationPolicy;

/// <summary><c>init --org</c> creates an organisation policy package project; <c>init --extends</c> a repository policy that extends one.</summary>
public sealed class InitOrganisationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-init-org-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Org_writes_a_package_project_whose_policy_check_accepts()
    {
        var folder = Path.Combine(_root, "policy");

        var (exitCode, output, _) = CliRunner.Run("init", "--org", "Fabrikam", "--id", "Fabrikam.Agents.Policy", "--version", "2.1.0", folder);

        Assert.Equal(0, exitCode);
        var project = XDocument.Load(Path.Combine(folder, "Fabrikam.Agents.Policy.csproj"));
        Assert.Equal("Fabrikam.Agents.Policy", project.Descendants("PackageId").Single().Value);
        Assert.Equal("2.1.0", project.Descendants("Version").Single().Value);
        Assert.Contains(project.Descendants("TfmSpecificPackageFile"), f => f.Attribute("PackagePath")!.Value == "alignment/");
        Assert.Contains(project.Descendants("TfmSpecificPackageFile"), f => f.Attribute("PackagePath")!.Value == "build/;buildTransitive/");
        Assert.Equal(PolicySchema.Text, File.ReadAllText(Path.Combine(folder, ".alignment-policy", "alignment-policy.schema.json")));
        Assert.Contains("nuget:Fabrikam.Agents.Policy@2.1.0", File.ReadAllText(Path.Combine(folder, "README.md")));
        Assert.Contains("alignment-policy init --extends nuget:Fabrikam.Agents.Policy@2.1.0", output);

        var policy = PolicyLoader.Load(Path.Combine(folder, "alignment-policy.json"));
        Assert.Empty(policy.Diagnostics);
        Assert.Equal(["M:Fabrikam.Payments.PaymentClient.Charge(System.Decimal)"], policy.Policy!.SideEffects.Custom["payments"]);
        Assert.False(File.Exists(Path.Combine(folder, "suite", "suite.json")));
    }

    [Fact]
    public void Org_with_a_suite_requires_the_package_s_own_suite()
    {
        var folder = Path.Combine(_root, "policy");

        Assert.Equal(0, CliRunner.Run("init", "--org", "Contoso", "--suite", folder).ExitCode);

        var policy = PolicyLoader.Load(Path.Combine(folder, "alignment-policy.json")).Policy!;
        Assert.Contains(policy.Evals.Required, r => r.Suite == "nuget:Contoso.AlignmentPolicy@1.0.0" && r.MaxRate == 0.05);
        var suite = AlignmentPolicy.Evals.Suites.SuiteDefinition.Parse(File.ReadAllBytes(Path.Combine(folder, "suite", "suite.json")), "suite.json");
        Assert.Equal("nuget:Contoso.AlignmentPolicy@1.0.0", suite.Name);
    }

    [Fact]
    public void Org_does_not_replace_a_project_without_force_and_refuses_bad_names()
    {
        var folder = Path.Combine(_root, "policy");
        Assert.Equal(0, CliRunner.Run("init", "--org", "Contoso", folder).ExitCode);

        Assert.Equal(1, CliRunner.Run("init", "--org", "Contoso", folder).ExitCode);
        Assert.Equal(0, CliRunner.Run("init", "--org", "Contoso", "--force", folder).ExitCode);
        Assert.Equal(2, CliRunner.Run("init", "--org", "Contoso Ltd", folder).ExitCode);
        Assert.Equal(2, CliRunner.Run("init", "--org", "Contoso", "--version", "1.*", folder).ExitCode);
        Assert.Equal(2, CliRunner.Run("init", "--version", "1.0.0", folder).ExitCode);
    }

    [Fact]
    public void Extends_writes_a_policy_that_names_the_package_and_says_which_reference_to_add()
    {
        var (exitCode, output, _) = CliRunner.Run("init", "--extends", "nuget:Contoso.AlignmentPolicy@1.4.0", _root);

        Assert.Equal(0, exitCode);
        var text = File.ReadAllText(Path.Combine(_root, "alignment-policy.json"));
        Assert.Contains("\"extends\": \"nuget:Contoso.AlignmentPolicy@1.4.0\"", text);
        Assert.Contains("<PackageReference Include=\"Contoso.AlignmentPolicy\" Version=\"1.4.0\" PrivateAssets=\"all\" />", output);
        Assert.Equal(2, CliRunner.Run("init", "--extends", "../org.json", "--force", _root).ExitCode);
    }
    [Fact]
    public void Org_with_gates_compiles_the_organisation_s_gates_and_names_them_in_the_policy()
    {
        var folder = Path.Combine(_root, "policy");

        Assert.Equal(0, CliRunner.Run("init", "--org", "Contoso", "--gates", folder).ExitCode);

        var project = XDocument.Load(Path.Combine(folder, "Contoso.AlignmentPolicy.csproj"));
        Assert.Equal("Gates/**/*.cs", project.Descendants("Compile").Single().Attribute("Include")!.Value);
        Assert.Contains(project.Descendants("PackageReference"), r => r.Attribute("Include")!.Value == "AlignmentPolicy.Gates");
        Assert.Empty(project.Descendants("IncludeBuildOutput"));
        Assert.Contains("public sealed class PaymentApprovalGate : IPolicyGate", File.ReadAllText(Path.Combine(folder, "Gates", "PaymentApprovalGate.cs")));
        Assert.Equal(["Contoso.Safety.PaymentApprovalGate"], PolicyLoader.Load(Path.Combine(folder, "alignment-policy.json")).Policy!.Gates.AdditionalGateTypes);
    }
}
