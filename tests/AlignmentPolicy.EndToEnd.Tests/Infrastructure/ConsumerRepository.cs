namespace AlignmentPolicy.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A user's repository in a temporary folder: a nuget.config that adds our local feed to the default
/// source, an optional alignment-policy.json at the root, and projects under src/.
/// </summary>
internal sealed class ConsumerRepository
{
    private readonly PackageFeedFixture _feed;

    public ConsumerRepository(PackageFeedFixture feed)
    {
        _feed = feed;
        Root = Directory.CreateTempSubdirectory("ap-e2e-").FullName;
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{feed.PackagesDirectory}" />
              </config>
              <packageSources>
                <add key="alignment-policy-local" value="{feed.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        // A repository root: nothing above it takes part in the build.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
    }

    public string Root { get; }

    /// <summary>The version of our packages in the local feed.</summary>
    public string PackageVersion => _feed.BuildPackageVersion;

    public string PolicyPath => Path.Combine(Root, "alignment-policy.json");

    public void WritePolicy(string text) => File.WriteAllText(PolicyPath, text);

    /// <summary>Creates src/<paramref name="name"/>/<paramref name="name"/>.csproj with AlignmentPolicy.Build and, for an agent, a model SDK.</summary>
    public string AddProject(string name, bool referencesModelSdk = true, string extraProperties = "")
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, "src", name)).FullName;
        var sdk = referencesModelSdk ? """<PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />""" : "";
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {sdk}
                <PackageReference Include="AlignmentPolicy.Build" Version="{_feed.BuildPackageVersion}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Agent.cs"), $$"""
            namespace {{name}};

            public static class Agent
            {
                public const string SystemPrompt = "You are a helpful, honest and harmless support agent.";
            }
            """);
        return Path.Combine(directory, name + ".csproj");
    }

    /// <summary>
    /// Makes an agent project gated and evaluable: AlignmentPolicy.Gates, the built-in gates around the model, and an
    /// [AlignmentEvalEntryPoint] that gives the harness the agent's real prompt and gates.
    /// </summary>
    public void AddGatedEntryPoint(string project)
    {
        AddToProjectFile(project, $"""
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" />
                <PackageReference Include="AlignmentPolicy.Gates" Version="{PackageVersion}" />
              </ItemGroup>
            """);
        var name = Path.GetFileNameWithoutExtension(project);
        WriteProjectFile(project, "EvalEntryPoint.cs", $$"""
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;

            namespace {{name}};

            public static class EvalEntryPoint
            {
                [AlignmentEvalEntryPoint]
                public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
                    => model.AsBuilder()
                        .ConfigureOptions(o => { o.Instructions = Agent.SystemPrompt; o.Tools = [.. environment.Tools]; })
                        .UsePolicyGate(options =>
                        {
                            foreach (var gate in BuiltInPolicyGates.CreateDefault())
                            {
                                options.AddGate(gate);
                            }

                            options.ApprovalService = environment.Approvals;
                        })
                        .UseFunctionInvocation()
                        .Build();
            }
            """);
    }

    public Task<BuildResult> BuildAsync(string project, params string[] extraArguments) => RunAsync(["build", project, .. extraArguments]);

    /// <summary>Runs <c>dotnet &lt;verb&gt; ...</c> (build, pack) isolated from build servers, and reads what it reported from its binary log.</summary>
    public async Task<BuildResult> RunAsync(params string[] arguments)
    {
        var binlog = Path.Combine(Root, $"{arguments[0]}-{Guid.NewGuid():N}.binlog");
        string[] args = [.. arguments, "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false", $"-bl:{binlog}"];
        var result = await DotNet.RunAsync(Root, args);
        return BuildResult.Read(result, binlog);
    }

    /// <summary>Writes a file relative to the project's folder (creating folders) and returns its full path.</summary>
    public string WriteProjectFile(string project, string relativePath, string content)
    {
        var path = Path.Combine(Path.GetDirectoryName(project)!, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The project's datasets.provenance.json.</summary>
    public string ManifestPath(string project) => Path.Combine(Path.GetDirectoryName(project)!, "datasets.provenance.json");

    /// <summary>Adds items to the project file, before its closing tag.</summary>
    public void AddToProjectFile(string project, string xml)
        => File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", xml + "\n</Project>"));

    public string IntermediateFile(string project, string fileName)
        => Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "net10.0", fileName);
}
