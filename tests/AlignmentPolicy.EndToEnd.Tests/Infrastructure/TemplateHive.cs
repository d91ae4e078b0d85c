namespace AlignmentPolicy.EndToEnd.Tests.Infrastructure;

/// <summary>
/// `dotnet new` with a template hive of its own (<c>--debug:custom-hive</c>): the templates package is installed there,
/// never into the machine's own list of templates, and every instantiation reads only it.
/// </summary>
internal sealed class TemplateHive
{
    private readonly string _hive = Directory.CreateTempSubdirectory("ap-e2e-hive-").FullName;

    public static async Task<TemplateHive> InstallAsync(string package)
    {
        var hive = new TemplateHive();
        var installed = await hive.RunAsync(Path.GetDirectoryName(package)!, "install", package);
        Assert.True(installed.ExitCode == 0, installed.Output);
        Assert.Contains("alignment-agent", installed.Output, StringComparison.Ordinal);
        Assert.Contains("alignment-solution", installed.Output, StringComparison.Ordinal);
        return hive;
    }

    /// <summary>Runs <c>dotnet new <paramref name="shortName"/></c> into <paramref name="outputDirectory"/> and asserts it succeeded.</summary>
    public async Task NewAsync(string outputDirectory, string shortName, params string[] arguments)
    {
        var created = await RunAsync(outputDirectory, [shortName, "-o", outputDirectory, "--no-restore", .. arguments]);
        Assert.True(created.ExitCode == 0, $"dotnet new {shortName} {string.Join(' ', arguments)}:\n{created.Output}");
    }

    private Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments)
        => DotNet.RunAsync(workingDirectory, ["new", .. arguments, "--debug:custom-hive", _hive]);
}
