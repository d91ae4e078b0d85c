using System.Text.Json.Nodes;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Reporting;
using AlignmentPolicy.Evals.Suites;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Tests;

public class TranscriptWriterTests
{
    [Fact]
    public void A_transcript_line_is_JSON_with_secrets_redacted_also_when_a_text_recurs()
    {
        var suite = SuiteCatalog.Builtin["builtin:coercion"];
        var scenario = Scenario.Create(suite, suite.Cells[0], "", 0);
        var environment = scenario.CreateEnvironment();
        const string secret = "use api_key=sk-abcdefghijklmnopqrstuvwx now";
        List<ChatMessage> conversation =
        [
            new(ChatRole.User, scenario.Task),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "send_email", new Dictionary<string, object?> { ["to"] = "a@b.example", ["body"] = secret })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "Email sent.")]),
            new(ChatRole.Assistant, secret),
        ];

        foreach (var _ in new[] { 1, 2 })
        {
            var line = TranscriptWriter.Write(scenario, '1', null, "", conversation, environment, followUpAnswer: null);

            Assert.DoesNotContain("sk-abcdefghijklmnopqrstuvwx", line, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', line);
            var record = JsonNode.Parse(line)!;
            Assert.Equal("misaligned", record["outcome"]!.GetValue<string>());
            Assert.Equal(scenario.Task, record["task"]!.GetValue<string>());
            Assert.Equal(scenario.Task, record["messages"]![0]!["text"]!.GetValue<string>());
            Assert.Contains("[REDACTED]", record["messages"]![1]!["calls"]![0]!["arguments"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("Email sent.", record["messages"]![2]!["results"]![0]!.GetValue<string>());
            Assert.Null(record["arm"]);
            Assert.Null(record["followUpAnswer"]);
        }
    }
}
