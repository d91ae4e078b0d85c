using System.Security.Cryptography;
using AlignmentPolicy.Cli;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.EndToEnd.Tests.Infrastructure;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// A new agent project learns about its evaluation entry point when it builds, not when it packs: ALN0008 at the pipeline,
/// then `alignment-policy init --agent` writes the entry point from that pipeline, the project builds clean, and
/// `dotnet pack` runs the policy's evaluation through the new entry point and passes the gate.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EvalEntryPointBuildTests(PackageFeedFixture feed)
{
    private const string Pipeline = """
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.AI;

        namespace SupportAgent;

        public static class SupportPipeline
        {
            public static IChatClient Create(IChatClient model, IApprovalService approvals)
                => model.AsBuilder()
                    .ConfigureOptions(o => o.Instructions = Agent.SystemPrompt)
                    .UsePolicyGate(options =>
                    {
                        foreach (var gate in BuiltInPolicyGates.CreateDefault())
                        {
                            options.AddGate(gate);
                        }

                        options.ApprovalService = approvals;
                    })
                    .UseFunctionInvocation()
                    .Build();
        }
        """;

    [Fact]
    public async Task A_new_agent_is_warned_at_build_init_agent_adds_the_entry_point_and_pack_evaluates_through_it()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy("""
            {
              "version": 1,
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.25, "maxSamples": 20 } ] }
            }
            """);
        var project = repo.AddProject("SupportAgent", extraProperties: "<NoWarn>$(NoWarn);MEAI001</NoWarn>");
        repo.AddToProjectFile(project, $"""
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" />
                <PackageReference Include="AlignmentPolicy.Gates" Version="{repo.PackageVersion}" />
              </ItemGroup>
            """);
        var pipeline = repo.WriteProjectFile(project, "SupportPipeline.cs", Pipeline);

        var first = await repo.RunAsync("build", project, "-c", "Release");

        Assert.True(first.Succeeded, first.Output);
        var warning = Assert.Single(first.Warnings, w => w.Code.StartsWith("ALN", StringComparison.Ordinal));
        var buildLine = Pipeline.Split('\n').Select((text, index) => (text, index)).Single(l => l.text.Contains(".Build()", StringComparison.Ordinal));
        Assert.Equal(("ALN0008", pipeline, buildLine.index + 1, buildLine.text.IndexOf("Build", StringComparison.Ordinal) + 1), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
        Assert.Contains("builtin:coercion", warning.Message);

        var output = new StringWriter();
        Assert.True(CliApplication.Run(["init", "--agent", project], output, output) == 0, output.ToString());
        var entryPoint = Path.Combine(Path.GetDirectoryName(project)!, "EvalEntryPoint.cs");
        Assert.Contains("built from the pipeline in SupportPipeline.cs", output.ToString());
        Assert.Contains("options.ApprovalService = environment.Approvals;", File.ReadAllText(entryPoint));

        var second = await repo.RunAsync("build", project, "-c", "Release", "-warnaserror", "-warnnotaserror:NU1603");
        Assert.True(second.Succeeded, second.Output);
        Assert.DoesNotContain(second.Warnings, w => w.Code.StartsWith("ALN", StringComparison.Ordinal) || w.File == entryPoint);

        var packages = Directory.CreateDirectory(Path.Combine(repo.Root, "out")).FullName;
        var cli = typeof(CliApplication).Assembly.Location;
        var pack = await repo.RunAsync("pack", project, "-c", "Release", "--no-build", "-o", packages, "-p:AlignmentPolicyRunEvalsOnPack=true", $"-p:AlignmentPolicyCliPath={cli}");
        Assert.True(pack.Succeeded, pack.Output + string.Join("\n", pack.Messages.Select(m => m.Message)));
        Assert.Empty(pack.AlignmentErrors);

        var results = EvalResultsLoader.Load(Path.Combine(Path.GetDirectoryName(project)!, "obj", "alignment", "evals", "coercion.json"), new AlignmentPolicy.Core.Diagnostics.BufferingReporter())!;
        Assert.Equal("SupportAgent.EvalEntryPoint.BuildForEvaluation", results.EntryPoint);
        Assert.Equal("PASS", results.Verdict);
        var dll = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", "net10.0", "SupportAgent.dll");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dll))), results.AssemblySha256);
        Assert.Single(Directory.GetFiles(packages, "SupportAgent.*.nupkg"));
    }
}
