using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0005 on agents configured through an options object made elsewhere (round 21): applications build their
/// <c>ChatClientAgentOptions</c> in a factory method or keep them in a field, then hand them to <c>AsAIAgent(options)</c> or
/// <c>new ChatClientAgent(client, options)</c>. The tools are those of every options object the factory or the field can give.
/// </summary>
public class AgentOptionsFactoryRound21Tests
{
    private const string Usings = """
        using System;
        using System.ComponentModel;
        using System.IO;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;

        """;

    [Fact]
    public Task Options_from_a_factory_method_or_a_field_give_the_agent_their_tools()
        => Verify.VerifyAsync(Usings + """
            public sealed class Archivist
            {
                [Description("Moves a folder to the archive.")]
                private static string Archive(string folder) { Directory.Move(folder, "/archive/" + folder); return "archived"; }

                private readonly ChatClientAgentOptions _options = new()
                {
                    Name = "Archivar",
                    ChatOptions = new ChatOptions { Instructions = "Archiviere alte Ordner.", Tools = [AIFunctionFactory.Create(Archive)] },
                };

                private static ChatClientAgentOptions CreateOptions(string name) => new()
                {
                    Name = name,
                    ChatOptions = new ChatOptions { Tools = [AIFunctionFactory.Create(Archive)] },
                };

                private static ChatClientAgentOptions CreateOptionsInBlock(bool verbose)
                {
                    if (verbose)
                    {
                        return new ChatClientAgentOptions { Name = "verbose" };
                    }

                    return new ChatClientAgentOptions { ChatOptions = new ChatOptions { Tools = [AIFunctionFactory.Create(Archive)] } };
                }

                public AIAgent[] Build(IChatClient client) =>
                [
                    client.[|AsAIAgent|](CreateOptions("archivist")),
                    new [|ChatClientAgent|](client, CreateOptionsInBlock(false)),
                    client.[|AsAIAgent|](_options),
                ];
            }
            """);

    [Fact]
    public Task Options_from_a_factory_with_gated_or_provider_tools_only_are_not_flagged()
        => Verify.VerifyAsync(Usings + """
            public sealed class Researcher
            {
                [Description("Looks up a term.")]
                private static string Lookup(string term) => term;

                private static ChatClientAgentOptions Hosted() => new()
                {
                    ChatOptions = new ChatOptions { Tools = [new HostedWebSearchTool()] },
                };

                private static ChatClientAgentOptions Gated(IPolicyGate gate) => new()
                {
                    ChatOptions = new ChatOptions { Tools = [AIFunctionFactory.Create(Lookup).WithPolicyGate(gate)] },
                };

                private static ChatClientAgentOptions NoTools() => new() { Name = "plain", ChatOptions = new ChatOptions { Instructions = "Réponds brièvement." } };

                public AIAgent[] Build(IChatClient client, IPolicyGate gate) =>
                [
                    client.AsAIAgent(Hosted()),
                    new ChatClientAgent(client, Gated(gate)),
                    client.AsAIAgent(NoTools()),
                ];
            }
            """);
}
