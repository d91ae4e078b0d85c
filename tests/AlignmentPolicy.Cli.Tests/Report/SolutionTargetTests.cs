using AlignmentPolicy.Cli.Reporting;

namespace AlignmentPolicy.Cli.Tests.Report;

/// <summary>A solution narrows the report to the projects it lists; a folder takes every project under it.</summary>
public sealed class SolutionTargetTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-sln-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_sln_lists_its_csproj_projects_with_backslash_paths()
    {
        var sln = Path.Combine(_root, "Contoso.sln");
        File.WriteAllText(sln, """
            Microsoft Visual Studio Solution File, Format Version 12.00
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Support", "src\Support\Support.csproj", "{11111111-1111-1111-1111-111111111111}"
            EndProject
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{22222222-2222-2222-2222-222222222222}"
            EndProject
            """);

        var target = SolutionTarget.Resolve(sln, out var problem);

        Assert.Null(problem);
        Assert.Equal(_root, target!.Root);
        Assert.Equal([Path.Combine(_root, "src", "Support", "Support.csproj")], target.ProjectFiles!);
    }

    [Fact]
    public void A_slnx_lists_its_projects()
    {
        var slnx = Path.Combine(_root, "Contoso.slnx");
        File.WriteAllText(slnx, """<Solution><Folder Name="/src/"><Project Path="src/Support/Support.csproj" /></Folder><Project Path="tools/Build.proj" /></Solution>""");

        var target = SolutionTarget.Resolve(slnx, out _);

        Assert.Equal([Path.Combine(_root, "src", "Support", "Support.csproj")], target!.ProjectFiles!);
    }

    [Fact]
    public void A_file_that_is_no_solution_is_refused_with_the_reason()
    {
        var file = Path.Combine(_root, "notes.txt");
        File.WriteAllText(file, "");

        Assert.Null(SolutionTarget.Resolve(file, out var problem));
        Assert.Contains("is not a solution", problem);
    }
}
