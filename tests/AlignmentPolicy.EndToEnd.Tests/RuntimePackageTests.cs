using System.Text.Json;
using AlignmentPolicy.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// The runtime comes as one package per stack. A project that references one of them, alone, restores that stack and
/// no other agent framework, on .NET 8 as on .NET 10, and compiles against the package's own net8.0 assembly.
/// The closures are read from obj/project.assets.json, which is what NuGet resolved for the project.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RuntimePackageTests(PackageFeedFixture feed, ITestOutputHelper output)
{
    private const string AgentFramework = "Microsoft.Agents.AI";
    private const string SemanticKernel = "Microsoft.SemanticKernel";

    public static TheoryData<string, string> PackagesByFramework()
    {
        var data = new TheoryData<string, string>();
        foreach (var package in PackageFeedFixture.RuntimePackages)
        {
            data.Add(package, "net8.0");
            data.Add(package, "net10.0");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PackagesByFramework))]
    public async Task A_runtime_package_restores_alone_with_its_own_stack_and_no_other_agent_framework(string package, string framework)
    {
        var repo = new ConsumerRepository(feed);
        var project = WriteConsumer(repo, package, framework);

        // net8.0 is built, not run (this machine has only the .NET 10 runtime): the consumer's calls bind to the package.
        if (framework == "net8.0")
        {
            var build = await repo.BuildAsync(project);
            Assert.True(build.Succeeded, build.Output);
        }
        else
        {
            var restore = await DotNet.RunAsync(repo.Root, "restore", project);
            Assert.True(restore.ExitCode == 0, restore.Output);
        }

        var closure = Closure(project, framework);
        output.WriteLine($"{package} on {framework}: {closure.Count} packages: {string.Join(", ", closure.Keys.Order(StringComparer.Ordinal))}");

        var stack = Stack(package);
        Assert.Contains(stack, closure.Keys);
        Assert.Contains("Microsoft.Extensions.AI", closure.Keys);
        Assert.DoesNotContain(closure.Keys, id => Forbidden(package).Any(prefix => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));

        // Our packages compile from their own build for this framework, not from a fallback.
        foreach (var ours in closure.Where(p => p.Key.StartsWith("AlignmentPolicy.", StringComparison.Ordinal)))
        {
            Assert.Contains($"lib/{framework}/{ours.Key}.dll", ours.Value.GetProperty("compile").EnumerateObject().Select(f => f.Name));
        }

        // An adapter reaches the core's internals, so it asks for exactly its own version of the core.
        if (package != "AlignmentPolicy.Gates")
        {
            Assert.Equal($"[{repo.PackageVersion}]", closure[package].GetProperty("dependencies").GetProperty("AlignmentPolicy.Gates").GetString());
        }
    }

    /// <summary>The package that makes each runtime package's stack: what it must bring.</summary>
    private static string Stack(string package) => package switch
    {
        "AlignmentPolicy.Gates.AgentFramework" => AgentFramework,
        "AlignmentPolicy.Gates.SemanticKernel" => SemanticKernel + ".Abstractions",
        _ => "AlignmentPolicy.Gates",
    };

    /// <summary>Package id prefixes of the agent frameworks the package must not bring.</summary>
    private static string[] Forbidden(string package) => package switch
    {
        "AlignmentPolicy.Gates.AgentFramework" => [SemanticKernel],
        "AlignmentPolicy.Gates.SemanticKernel" => [AgentFramework],
        _ => [AgentFramework, SemanticKernel],
    };

    private static string WriteConsumer(ConsumerRepository repo, string package, string framework)
    {
        var name = "Consumer" + framework.Replace(".", "", StringComparison.Ordinal);
        var project = Path.Combine(repo.Root, "src", name, name + ".csproj");
        repo.WriteProjectFile(project, name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{repo.PackageVersion}" />
              </ItemGroup>
            </Project>
            """);
        repo.WriteProjectFile(project, "Pipeline.cs", package switch
        {
            "AlignmentPolicy.Gates.AgentFramework" => """
                using AlignmentPolicy.Gates;
                using Microsoft.Agents.AI;

                public static class Pipeline
                {
                    public static AIAgent Gate(AIAgent agent) => agent.AsBuilder().UsePolicyGate().Build();
                }
                """,
            "AlignmentPolicy.Gates.SemanticKernel" => """
                using AlignmentPolicy.Gates;
                using Microsoft.SemanticKernel;

                public static class Pipeline
                {
                    public static Kernel Gate(Kernel kernel) => kernel.UsePolicyGate();

                    public static IKernelBuilder Gate(IKernelBuilder builder) => builder.AddPolicyGate();
                }
                """,
            _ => """
                using AlignmentPolicy.Gates;
                using Microsoft.Extensions.AI;

                public static class Pipeline
                {
                    public static IChatClient Gate(IChatClient model)
                        => model.AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();
                }
                """,
        });
        return project;
    }

    /// <summary>The packages NuGet resolved for <paramref name="framework"/>, by id, with their assets entry.</summary>
    private static Dictionary<string, JsonElement> Closure(string project, string framework)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json")));
        var closure = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in assets.RootElement.GetProperty("targets").GetProperty(framework).EnumerateObject())
        {
            if (entry.Value.GetProperty("type").GetString() == "package")
            {
                closure[entry.Name[..entry.Name.IndexOf('/', StringComparison.Ordinal)]] = entry.Value.Clone();
            }
        }

        return closure;
    }
}
