using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0002 on MCP server tools that ask the client's user before they act (round 21): <c>await server.ElicitAsync(...)</c> shows
/// the request to the person at the MCP client, who accepts, declines or cancels. A tool that goes on only when the answer is an
/// acceptance asks a person before acting (DESIGN.md), as a console prompt does; one that asks and acts whatever the answer is not guarded.
/// </summary>
public class McpElicitationApprovalRound21Tests
{
    private const string Usings = """
        using System;
        using System.ComponentModel;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using ModelContextProtocol.Protocol;
        using ModelContextProtocol.Server;

        """;

    [Fact]
    public Task A_tool_that_acts_only_on_an_accepted_elicitation_is_guarded()
        => Verify.VerifyAsync(Usings + """
            [McpServerToolType]
            public sealed class ShareTools
            {
                [McpServerTool, Description("Deletes a shared folder.")]
                public static async Task<string> DeleteShare(McpServer server, string folder, CancellationToken cancellationToken)
                {
                    var answer = await server.ElicitAsync(new ElicitRequestParams { Message = $"Delete {folder}?" }, cancellationToken);
                    if (answer.Action != "accept")
                    {
                        return "kept";
                    }

                    Directory.Delete(folder, recursive: true);
                    return "deleted";
                }

                [McpServerTool, Description("Löscht eine Datei nach Rückfrage.")]
                public static async Task<string> DateiLoeschen(McpServer server, string pfad, CancellationToken cancellationToken)
                {
                    var antwort = await server.ElicitAsync<Confirmation>($"{pfad} löschen?", cancellationToken: cancellationToken);
                    if (!antwort.IsAccepted || antwort.Content?.Confirm != true)
                    {
                        return "abgebrochen";
                    }

                    File.Delete(pfad);
                    return "gelöscht";
                }

                [McpServerTool, Description("Archives a report.")]
                public static async Task<string> ArchiveReport(McpServer server, string path, CancellationToken cancellationToken)
                    => (await server.ElicitAsync(new ElicitRequestParams { Message = $"Archive {path}?" }, cancellationToken)).Action switch
                    {
                        "accept" => Move(path),
                        _ => "kept",
                    };

                private static string Move(string path) { File.Move(path, path + ".archived"); return "archived"; }
            }

            public sealed class Confirmation
            {
                public bool Confirm { get; set; }
            }
            """);

    [Fact]
    public Task A_tool_that_asks_and_acts_whatever_the_answer_is_reported()
        => Verify.VerifyAsync(Usings + """
            [McpServerToolType]
            public sealed class CleanupTools
            {
                [McpServerTool, Description("Deletes a log file.")]
                public static async Task<string> {|#0:DeleteLog|}(McpServer server, string path, CancellationToken cancellationToken)
                {
                    await server.ElicitAsync(new ElicitRequestParams { Message = $"Deleting {path} now." }, cancellationToken);
                    File.Delete(path);
                    return "deleted";
                }
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("DeleteLog", "write or delete files", "DeleteLog -> File.Delete"));
}
