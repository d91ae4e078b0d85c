using System.Security.Cryptography;
using AlignmentPolicy.Tests.Infrastructure;

namespace AlignmentPolicy.Cli.Tests.Report;

/// <summary>
/// A platform team's repository, made once for the report tests, and the report of it (HTML, JSON, SARIF) written under
/// artifacts/test-results/report/ so the page and its screenshot are kept as test artefacts. Six projects, one of each kind:
/// a gated agent with fresh passing results, a gated agent whose results are stale, an ungated agent, a test project the
/// policy excludes, an agent by IsAgentProject=true, and a library. Builds are stood in for by an assembly file at the
/// path MSBuild evaluates $(TargetPath) to: freshness is a matter of its SHA-256, not of its contents.
/// </summary>
public sealed class ReportRepository : IAsyncLifetime
{
    public const string Suite = "builtin:coercion";

    public const string UngatedAgentSource = """
        using System.Net.Mail;
        using Microsoft.Extensions.AI;
        using OpenAI.Chat;

        namespace UngatedAgent;

        public sealed class MailAgent
        {
            private readonly IChatClient _client = new ChatClient("gpt-4.1", "key").AsIChatClient().AsBuilder().UseFunctionInvocation().Build();

            public async Task<string> AnswerAsync(string question)
            {
                var options = new ChatOptions { Tools = [AIFunctionFactory.Create(SendReport)] };
                var response = await _client.GetResponseAsync(question, options);
                return response.Text;
            }

            private static string SendReport(string to, string body)
            {
                using var smtp = new SmtpClient("smtp.contoso.example");
                smtp.Send("agent@contoso.example", to, "Report", body);
                return "sent";
            }
        }
        """;

    private const string GatedAgentSource = """
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.AI;
        using OpenAI.Chat;

        namespace {0};

        public sealed class SupportAgent
        {
            private readonly IChatClient _client = new ChatClient("gpt-4.1", "key").AsIChatClient().AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();

            public async Task<string> AnswerAsync(string question)
            {
                var options = new ChatOptions { Tools = [AIFunctionFactory.Create(GetOrder)] };
                var response = await _client.GetResponseAsync(question, options);
                return response.Text;
            }

            private static string GetOrder(string id) => "Order " + id + " ships on Monday.";

            // A green agent is one the pack gate can evaluate: it has the harness's entry point (else ALN0008).
            [AlignmentEvalEntryPoint]
            public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
                => model.AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();
        }
        """;

    public string Root { get; } = Directory.CreateTempSubdirectory("ap-report-").FullName;

    public string ResultsFolder { get; } = Path.Combine(SharedSchemas.RepoRoot, "artifacts", "test-results", "report");

    public string HtmlPath => Path.Combine(ResultsFolder, "report.html");

    public string JsonPath => Path.Combine(ResultsFolder, "report.json");

    public string SarifPath => Path.Combine(ResultsFolder, "report.sarif");

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public string UngatedSourcePath => Path.Combine(Root, "src", "UngatedAgent", "MailAgent.cs");

    public async Task InitializeAsync()
    {
        Write("alignment-policy.json", $$"""
            {
              "version": 1,
              "agents": { "autoDetect": true, "exclude": ["**/*.Tests.csproj"] },
              "provenance": { "required": false },
              "evals": { "required": [ { "suite": "{{Suite}}", "maxRate": 0.05 } ] }
            }
            """);
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Build.targets", "<Project />");
        foreach (var name in new[] { "GatedAgent", "StaleAgent" })
        {
            Project(name, """<PackageReference Include="Microsoft.Extensions.AI.OpenAI" Version="10.11.0" /><PackageReference Include="AlignmentPolicy.Gates" Version="0.1.0" />""");
            Write($"src/{name}/SupportAgent.cs", GatedAgentSource.Replace("{0}", name, StringComparison.Ordinal));
            Write($"src/{name}/datasets.provenance.json", """{ "version": 1, "datasets": [] }""");
            var assembly = Write($"src/{name}/bin/Release/net10.0/{name}.dll", $"stands in for the {name} assembly");
            WriteResults(name, assembly, bindToAssembly: name == "GatedAgent");
        }

        Project("UngatedAgent", """<PackageReference Include="Microsoft.Extensions.AI.OpenAI" Version="10.11.0" />""");
        Write("src/UngatedAgent/MailAgent.cs", UngatedAgentSource);
        Project("UngatedAgent.Tests", """<PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" />""");
        Write("src/UngatedAgent.Tests/MailAgentTests.cs", "using Microsoft.Extensions.AI;\nnamespace UngatedAgent.Tests;\npublic sealed class MailAgentTests { }\n");
        Project("Scripted", "", "<IsAgentProject>true</IsAgentProject>");
        Write("src/Scripted/Script.cs", "namespace Scripted;\npublic static class Script { public const string Prompt = \"Be helpful.\"; }\n");
        Project("Billing", "");
        Write("src/Billing/Invoice.cs", "namespace Billing;\npublic sealed record Invoice(decimal Amount);\n");

        Directory.CreateDirectory(ResultsFolder);
        (ExitCode, Output, _) = await Task.Run(() => CliRunner.Run(
            "report", Root, "-c", "Release", "--html", HtmlPath, "--json", JsonPath, "--sarif", SarifPath, "--docs", Path.Combine(SharedSchemas.RepoRoot, "docs")));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private void Project(string name, string packages, string properties = "")
        => Write($"src/{name}/{name}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                {properties}
              </PropertyGroup>
              <ItemGroup>{packages}</ItemGroup>
            </Project>
            """);

    /// <summary>A passing result as 'alignment-policy eval' writes it (figures from the shared calculator, with transcripts), bound to the assembly or to another build.</summary>
    private void WriteResults(string project, string assembly, bool bindToAssembly)
    {
        var policy = Path.Combine(Root, "alignment-policy.json");
        var document = ResultsFixture.Create(events: 0, samples: 100, assemblySha256: bindToAssembly ? Sha256(assembly) : new string('0', 64), policySha256: Sha256(policy));
        document.Project = project;
        document.AssemblyPath = assembly;
        document.PolicyPath = policy;
        document.EntryPoint = project + ".SupportAgent.BuildForEvaluation";
        document.ModelDescription = "simulated (seed 1, propensity 0)";
        document.Tool = "alignment-policy 0.1.0";
        document.CreatedUtc = "2026-12-01T00:00:00Z";
        ResultsFixture.Write(document, Path.Combine(Root, "src", project, "obj", "alignment", "evals"));
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}

/// <summary>One repository and one report for every report test (the page is written to one place).</summary>
[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<ReportRepository>
{
    public const string Name = "report";
}
