using AlignmentPolicy.Analyzers.Rules;
using AlignmentPolicy.CodeFixes;
using ModelCallFix = AlignmentPolicy.Analyzers.Tests.Verifiers.CodeFixVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer, AlignmentPolicy.CodeFixes.UngatedModelCallFixer>;
using AutoInvocationFix = AlignmentPolicy.Analyzers.Tests.Verifiers.CodeFixVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer, AlignmentPolicy.CodeFixes.UngatedAutoInvocationFixer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

public class CodeFixTests
{
    [Fact]
    public Task ALN0001_fix_inserts_UsePolicyGate_before_Build_and_adds_the_using()
        => ModelCallFix.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class SupportAgent
            {
                public async Task<string> AnswerAsync(string question)
                {
                    var client = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()
                        .AsBuilder()
                        .UseFunctionInvocation()
                        .Build();
                    return (await client.[|GetResponseAsync|](question)).Text;
                }
            }
            """, """
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class SupportAgent
            {
                public async Task<string> AnswerAsync(string question)
                {
                    var client = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()
                        .AsBuilder()
                        .UseFunctionInvocation().UsePolicyGate()
                        .Build();
                    return (await client.GetResponseAsync(question)).Text;
                }
            }
            """);

    [Fact]
    public Task ALN0001_fix_wraps_a_raw_client_and_Fix_All_fixes_every_call()
        => ModelCallFix.VerifyAsync("""
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Agents
            {
                public async Task RunAsync()
                {
                    IChatClient a = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
                    await a.[|GetResponseAsync|]("hi");
                    IChatClient b = new OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
                    await b.[|GetResponseAsync|]("hi");
                }
            }
            """, """
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Agents
            {
                public async Task RunAsync()
                {
                    IChatClient a = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient().AsBuilder().UsePolicyGate().Build();
                    await a.GetResponseAsync("hi");
                    IChatClient b = new OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient().AsBuilder().UsePolicyGate().Build();
                    await b.GetResponseAsync("hi");
                }
            }
            """);

    [Fact]
    public Task ALN0005_fix_appends_UsePolicyGate_to_UseFunctionInvocation()
        => AutoInvocationFix.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            class Pipelines
            {
                public IChatClient Build(IChatClient model) => model.AsBuilder().[|UseFunctionInvocation|]().Build();
                public void Register(IServiceCollection services, IChatClient model) => services.AddChatClient(model).[|UseFunctionInvocation|]();
            }
            """, """
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            class Pipelines
            {
                public IChatClient Build(IChatClient model) => model.AsBuilder().UseFunctionInvocation().UsePolicyGate().Build();
                public void Register(IServiceCollection services, IChatClient model) => services.AddChatClient(model).UseFunctionInvocation().UsePolicyGate();
            }
            """);

    [Fact]
    public Task No_fix_is_offered_where_the_client_is_built_out_of_sight()
        => ModelCallFix.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            class SupportAgent(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.{|ALN0001:GetResponseAsync|}(question);
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            class SupportAgent(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.{|ALN0001:GetResponseAsync|}(question);
            }
            """);
}
