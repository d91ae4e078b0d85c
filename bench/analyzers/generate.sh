#!/usr/bin/env bash
# Generates a synthetic agent code base: N .cs files in the styles of shared/REAL-CODE.md.
#
#   generate.sh <out-folder> <files> agent|plain
#
# agent: a mix of Microsoft.Extensions.AI pipelines (ungated and gated), Semantic Kernel plugins and
#        kernels, Agent Framework agents, tools with side effects behind helpers, and plain classes.
# plain: the same plain and helper classes only, with no model SDK in sight (a non-agent project).
set -euo pipefail
out=$1; count=$2; mode=$3
mkdir -p "$out"

plain() { # i
cat <<CS
namespace Bench.Domain.N$1;

public sealed record Order$1(int Id, string Customer, decimal Total, DateTime Placed);

public sealed class OrderStatistics$1
{
    private readonly List<Order$1> _orders = [];

    public void Add(Order$1 order) => _orders.Add(order);

    public decimal Revenue(DateTime from, DateTime to)
        => _orders.Where(o => o.Placed >= from && o.Placed < to).Sum(o => o.Total);

    public IReadOnlyDictionary<string, int> OrdersPerCustomer()
        => _orders.GroupBy(o => o.Customer).ToDictionary(g => g.Key, g => g.Count());

    public string? TopCustomer()
        => _orders.GroupBy(o => o.Customer).OrderByDescending(g => g.Sum(o => o.Total)).Select(g => g.Key).FirstOrDefault();

    public IEnumerable<(int Week, decimal Total)> Weekly()
    {
        foreach (var group in _orders.GroupBy(o => o.Placed.DayOfYear / 7).OrderBy(g => g.Key))
        {
            yield return (group.Key, group.Sum(o => o.Total));
        }
    }

    public static string Format(Order$1 order)
        => order.Total switch
        {
            > 1000m => \$"{order.Customer}: large order {order.Id}",
            > 100m => \$"{order.Customer}: order {order.Id}",
            _ => \$"{order.Customer}: small order {order.Id}",
        };
}
CS
}

helper() { # i
cat <<CS
using System.Diagnostics;
using System.Net.Mail;

namespace Bench.Infrastructure.N$1;

public sealed class Notifier$1(HttpClient http, string smtpHost, string folder)
{
    public async Task<int> PostAsync(string path, string body)
    {
        using var content = new StringContent(body);
        var response = await http.PostAsync(path, content);
        return (int)response.StatusCode;
    }

    public void Mail(string to, string subject, string body)
    {
        using var smtp = new SmtpClient(smtpHost);
        smtp.Send("bench@contoso.example", to, subject, body);
    }

    public string Save(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public int Run(string tool, string arguments)
    {
        using var process = Process.Start(tool, arguments);
        process.WaitForExit();
        return process.ExitCode;
    }

    public string Read(string name) => File.ReadAllText(Path.Combine(folder, name));
}
CS
}

meai() { # i gated?
local gate="" using=""
if [ "$2" = yes ]; then gate=$'\n            .UsePolicyGate()'; using=$'\nusing AlignmentPolicy.Gates;'; fi
cat <<CS
using Microsoft.Extensions.AI;
using OpenAI.Chat;$using
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using Bench.Infrastructure.N$(( $1 - $1 % 10 + 5 ));

namespace Bench.Agents.N$1;

public sealed class Assistant$1(Notifier$(( $1 - $1 % 10 + 5 )) notifier)
{
    private readonly IChatClient _client = new ChatClient("gpt-4o-mini", "key").AsIChatClient()
            .AsBuilder()$gate
            .UseFunctionInvocation()
            .Build();

    public async Task<string> AskAsync(string question, CancellationToken cancellationToken)
    {
        var options = new ChatOptions
        {
            Instructions = "You are assistant $1.",
            Tools =
            [
                AIFunctionFactory.Create(Lookup),
                AIFunctionFactory.Create(Report),
                AIFunctionFactory.Create((string name) => notifier.Read(name), "read_note"),
            ],
        };
        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, question)], options, cancellationToken);
        return response.Text;
    }

    private static string Lookup(string key) => \$"{key}: {key.Length}";

    private string Report(string to, string body)
    {
        notifier.Mail(to, "Report $1", body);
        return "sent";
    }
}
CS
}

sk() { # i
cat <<CS
using System.ComponentModel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Bench.Kernels.N$1;

public static class Planner$1
{
    public static async Task<string> PlanAsync(string apiKey, string request)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-4o", apiKey);
        builder.Plugins.AddFromType<Plugin$1>();
        var kernel = builder.Build();
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory("You plan work for team $1.");
        history.AddUserMessage(request);
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var reply = await chat.GetChatMessageContentAsync(history, settings, kernel);
        return reply.Content ?? "";
    }
}

public sealed class Plugin$1
{
    [KernelFunction, Description("Gets the backlog size.")]
    public int Backlog(string team) => team.Length * 3;

    [KernelFunction, Description("Archives a work item.")]
    public string Archive(string id)
    {
        File.WriteAllText(Path.Combine(Path.GetTempPath(), id + ".archived"), id);
        return "archived";
    }
}
CS
}

af() { # i
cat <<CS
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Bench.AgentFramework.N$1;

public static class Desk$1
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://desk$1.contoso.example") };

    public static async Task<string> RunAsync(string question)
    {
        AIAgent agent = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient().AsAIAgent(
            instructions: "You are desk $1.",
            name: "desk$1",
            tools: [AIFunctionFactory.Create(Status), AIFunctionFactory.Create(Close)]);
        var response = await agent.RunAsync(question);
        return response.Text;
    }

    private static Task<string> Status(string id) => Http.GetStringAsync(\$"/tickets/{id}");

    private static async Task<string> Close(string id) => (await Http.DeleteAsync(\$"/tickets/{id}")).StatusCode.ToString();
}
CS
}

for i in $(seq 0 $((count - 1))); do
  kind=$((i % 10))
  if [ "$mode" = plain ]; then
    case $kind in 5) helper "$i" ;; *) plain "$i" ;; esac > "$out/File$i.cs"
    continue
  fi
  case $kind in
    0|1) meai "$i" no ;;
    2) meai "$i" yes ;;
    3) sk "$i" ;;
    4) af "$i" ;;
    5) helper "$i" ;;
    *) plain "$i" ;;
  esac > "$out/File$i.cs"
done
