using AlignmentPolicy.EndToEnd.Tests.Infrastructure;
using Microsoft.Build.Framework;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// The analyzers from the packed AlignmentPolicy.Build load in this machine's compiler and report at
/// the right lines in a real `dotnet build`; -warnaserror fails the ungated project, its gated twin builds clean.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AnalyzerBuildTests(PackageFeedFixture feed)
{
    private const string Policy = """{ "version": 1, "suppressions": { "requireJustification": true } }""";

    private const string Ungated = """
        using System.Net.Mail;
        using Microsoft.Extensions.AI;

        namespace SupportAgent;

        public sealed class EchoChatClient : IChatClient
        {
            public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
            public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                => throw new NotSupportedException();
            public object? GetService(Type serviceType, object? serviceKey = null) => null;
            public void Dispose() { }
        }

        public sealed class Mailer
        {
            public void Deliver(string to, string body) => new SmtpClient("smtp.contoso.example").Send("agent@contoso.example", to, "Support", body);
        }

        public sealed class Agent(Mailer mailer)
        {
            private readonly IChatClient _client = new EchoChatClient()
                .AsBuilder()
                .UseFunctionInvocation()
                .Build();

            public string SendReply(string to, string body) { mailer.Deliver(to, body); return "sent"; }

            public async Task<string> AskAsync(string question)
            {
                var options = new ChatOptions { Tools = [AIFunctionFactory.Create(SendReply)] };
                return (await _client.GetResponseAsync(question, options)).Text;
            }
        }
        """;

    [Fact]
    public async Task An_ungated_agent_gets_ALN0001_ALN0002_and_ALN0005_at_their_lines_and_warnaserror_fails_it()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(Policy);
        var project = AddAgent(repo, "SupportAgent", Ungated, gated: false);

        var build = await repo.BuildAsync(project);

        Assert.True(build.Succeeded, build.Output);
        var file = Path.Combine(Path.GetDirectoryName(project)!, "Agent.cs");
        var found = build.Warnings.Where(w => w.Code.StartsWith("ALN", StringComparison.Ordinal)).Select(w => (w.Code, w.File, w.LineNumber)).OrderBy(w => w.LineNumber).ToList();
        Assert.Equal(
            [("ALN0005", file, LineOf(Ungated, ".UseFunctionInvocation()")), ("ALN0002", file, LineOf(Ungated, "AIFunctionFactory.Create")), ("ALN0001", file, LineOf(Ungated, "_client.GetResponseAsync"))],
            found);
        var mail = Assert.Single(build.Warnings, w => w.Code == "ALN0002");
        Assert.Contains("SendReply -> Mailer.Deliver -> SmtpClient.Send", mail.Message);

        var strict = await repo.BuildAsync(project, "-warnaserror", "-warnnotaserror:NU1603", "--no-incremental");
        Assert.False(strict.Succeeded);
        Assert.Contains(strict.Errors, e => e.Code == "ALN0001");
    }

    [Fact]
    public async Task The_gated_twin_builds_clean_with_warnaserror()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(Policy);
        var gatedSource = Ungated
            .Replace("using Microsoft.Extensions.AI;", "using AlignmentPolicy.Gates;\nusing Microsoft.Extensions.AI;")
            .Replace(".UseFunctionInvocation()", ".UsePolicyGate()\n        .UseFunctionInvocation()");
        var project = AddAgent(repo, "SupportAgent", gatedSource, gated: true);

        var build = await repo.BuildAsync(project, "-warnaserror", "-warnnotaserror:NU1603");

        Assert.True(build.Succeeded, build.Output);
        Assert.DoesNotContain(build.Warnings, w => w.Code.StartsWith("ALN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_suppression_without_justification_is_reported_when_the_policy_requires_one()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(Policy);
        var source = Ungated.Replace("    public string SendReply", "#pragma warning disable ALN0002\n    public string SendReply");
        var project = AddAgent(repo, "SupportAgent", source, gated: false);

        var build = await repo.BuildAsync(project);

        Assert.Contains(build.Warnings, w => w.Code == "ALN0007" && w.LineNumber == LineOf(source, "#pragma warning disable ALN0002"));
    }

    /// <summary>1-based line of the first line containing <paramref name="text"/>.</summary>
    private static int LineOf(string source, string text)
        => source.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;

    [Fact]
    public async Task Ignored_verdicts_and_gates_that_always_allow_are_reported_in_a_real_build()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(Policy);
        const string source = """
            using AlignmentPolicy.Gates;

            namespace SupportAgent;

            public sealed class PassThroughGate : IPolicyGate
            {
                public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(PolicyVerdict.Allowed);
            }

            public sealed class Cleanup(IPolicyGate gate)
            {
                public async Task DeleteAsync(PolicyRequest request, string path)
                {
                    await gate.EvaluateAsync(request, CancellationToken.None);
                    File.Delete(path);
                }
            }
            """;
        var project = AddAgent(repo, "SupportAgent", source, gated: true);

        var build = await repo.BuildAsync(project);

        Assert.True(build.Succeeded, build.Output);
        var found = build.Warnings.Where(w => w.Code.StartsWith("ALN", StringComparison.Ordinal)).Select(w => (w.Code, w.LineNumber)).OrderBy(w => w.LineNumber).ToList();
        Assert.Equal([("ALN0006", LineOf(source, "ValueTask<PolicyVerdict> EvaluateAsync")), ("ALN0004", LineOf(source, "await gate.EvaluateAsync"))], found);
    }

    private static string AddAgent(ConsumerRepository repo, string name, string source, bool gated)
    {
        var project = repo.AddProject(name);
        File.Delete(Path.Combine(Path.GetDirectoryName(project)!, "Agent.cs"));
        repo.WriteProjectFile(project, "Agent.cs", source);
        repo.AddToProjectFile(project, $"""
              <PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" />
                {(gated ? $"<PackageReference Include=\"AlignmentPolicy.Gates\" Version=\"{repo.PackageVersion}\" />" : "")}
              </ItemGroup>
            """);
        return project;
    }
}
