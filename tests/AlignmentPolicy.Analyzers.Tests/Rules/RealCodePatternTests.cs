using AutoInvocation = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;
using ModelCalls = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;
using ToolSideEffects = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// Tools, side effects and model calls in the shapes real agent code has (shared/REAL-CODE.md): typed
/// clients (Microsoft Graph request builders, generated gRPC clients) behind interfaces, local-function
/// tools in top-level programs, tool calls dispatched by hand, prompt functions invoked through the kernel.
/// </summary>
public class RealCodePatternTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.IO;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;

        """;

    // What Grpc.Tools generates for `service Basket { rpc GetBasket(...); rpc UpdateBasket(...); }`, trimmed to the client.
    private const string GeneratedBasketClient = """
        namespace Shop.Basket.Grpc
        {
            public sealed class GetBasketRequest { public string BuyerId { get; set; } = ""; }
            public sealed class UpdateBasketRequest { public string BuyerId { get; set; } = ""; public List<int> Items { get; } = new(); }
            public sealed class BasketResponse { public List<int> Items { get; } = new(); }

            public static partial class Basket
            {
                public partial class BasketClient : global::Grpc.Core.ClientBase<BasketClient>
                {
                    public BasketClient(global::Grpc.Core.CallInvoker callInvoker) : base(callInvoker) { }
                    protected BasketClient(ClientBaseConfiguration configuration) : base(configuration) { }
                    protected override BasketClient NewInstance(ClientBaseConfiguration configuration) => new BasketClient(configuration);
                    public virtual global::Grpc.Core.AsyncUnaryCall<BasketResponse> GetBasketAsync(GetBasketRequest request, global::Grpc.Core.CallOptions options) => throw new NotSupportedException();
                    public virtual global::Grpc.Core.AsyncUnaryCall<BasketResponse> UpdateBasketAsync(UpdateBasketRequest request, global::Grpc.Core.CallOptions options) => throw new NotSupportedException();
                }
            }
        }

        """;

    [Fact]
    public Task A_gRPC_write_several_calls_away_through_an_interface_is_found_and_a_gRPC_read_is_not()
        => ToolSideEffects.VerifyAsync(Usings + GeneratedBasketClient + """
            namespace Shop.Web
            {
                using Shop.Basket.Grpc;

                public interface IBasketState
                {
                    Task AddAsync(int productId);
                    Task<IReadOnlyList<int>> GetItemsAsync();
                }

                public sealed class BasketService(Basket.BasketClient client)
                {
                    public async Task UpdateBasketAsync(string buyer, IEnumerable<int> items)
                    {
                        var request = new UpdateBasketRequest { BuyerId = buyer };
                        request.Items.AddRange(items);
                        await client.UpdateBasketAsync(request, default);
                    }

                    public async Task<IReadOnlyList<int>> GetBasketAsync(string buyer) => (await client.GetBasketAsync(new GetBasketRequest { BuyerId = buyer }, default)).Items;
                }

                public sealed class BasketState(BasketService service) : IBasketState
                {
                    public async Task AddAsync(int productId)
                    {
                        var items = (await service.GetBasketAsync("me")).ToList();
                        items.Add(productId);
                        await service.UpdateBasketAsync("me", items);
                    }

                    public Task<IReadOnlyList<int>> GetItemsAsync() => service.GetBasketAsync("me");
                }

                public sealed class ChatState(IBasketState basket, IChatClient chat)
                {
                    public Task<ChatResponse> AskAsync(string text) => chat.GetResponseAsync(text, new ChatOptions
                    {
                        Tools = [AIFunctionFactory.{|#0:Create|}(AddToCart), AIFunctionFactory.Create(GetCartContents)],
                    });

                    [Description("Adds a product to the user's shopping cart.")]
                    private async Task<string> AddToCart(int itemId)
                    {
                        await basket.AddAsync(itemId);
                        return "added";
                    }

                    [Description("Gets the user's shopping cart.")]
                    private async Task<string> GetCartContents() => string.Join(",", await basket.GetItemsAsync());
                }
            }
            """,
            ToolSideEffects.Diagnostic("ALN0002").WithLocation(0).WithArguments("AddToCart", "call a gRPC service", "AddToCart -> BasketState.AddAsync -> BasketService.UpdateBasketAsync -> BasketClient.UpdateBasketAsync"));

    [Fact]
    public Task Graph_request_builder_writes_are_side_effects_and_reads_are_not()
        => ToolSideEffects.VerifyAsync(Usings + """
            using Microsoft.Graph;
            using Microsoft.Graph.Models;

            public sealed class CalendarPlugin(GraphServiceClient graph)
            {
                [KernelFunction, Description("Cancels an appointment.")]
                public async Task<string> {|#0:CancelAppointment|}(string id)
                {
                    await graph.Me.Events[id].DeleteAsync();
                    return "cancelled";
                }

                [KernelFunction, Description("Sends a mail.")]
                public Task {|#1:SendMail|}(string to, string body)
                    => graph.Me.SendMail.PostAsync(new Microsoft.Graph.Me.SendMail.SendMailPostRequestBody
                    {
                        Message = new Message { Body = new ItemBody { Content = body }, ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = to } }] },
                    });

                [KernelFunction, Description("Lists upcoming appointments.")]
                public async Task<string> Upcoming()
                {
                    var events = await graph.Me.Events.GetAsync();
                    return string.Join(", ", events?.Value?.Select(e => e.Subject) ?? []);
                }
            }
            """,
            ToolSideEffects.Diagnostic("ALN0002").WithLocation(0).WithArguments("CancelAppointment", "write over HTTP", "CancelAppointment -> EventItemRequestBuilder.DeleteAsync"),
            ToolSideEffects.Diagnostic("ALN0002").WithLocation(1).WithArguments("SendMail", "write over HTTP", "SendMail -> SendMailRequestBuilder.PostAsync"));

    [Fact]
    public Task A_local_function_tool_in_a_top_level_program_that_writes_a_file_is_reported()
        => ToolSideEffects.VerifyProgramAsync(Usings + """
            IChatClient client = new OpenAI.Chat.ChatClient("gpt-4o-mini", "key").AsIChatClient()
                .AsBuilder()
                .UseFunctionInvocation()
                .Build();

            var options = new ChatOptions
            {
                Tools = [AIFunctionFactory.{|#0:Create|}(SaveNote, "save_note"), AIFunctionFactory.Create(CountWords)],
            };
            var response = await client.GetResponseAsync("Save a note that says hello.", options);
            Console.WriteLine(response.Text);

            [Description("Saves a note to disk.")]
            string SaveNote(string text)
            {
                File.WriteAllText("note.txt", text);
                return "saved";
            }

            int CountWords(string text) => text.Split(' ').Length;
            """,
            ToolSideEffects.Diagnostic("ALN0002").WithLocation(0).WithArguments("SaveNote", "write or delete files", "SaveNote -> File.WriteAllText"));

    [Fact]
    public Task Function_calls_dispatched_by_hand_are_automatic_invocation_unless_the_kernel_is_gated()
        => AutoInvocation.VerifyAsync(Usings + """
            using AlignmentPolicy.Gates;
            using FunctionCallContent = Microsoft.SemanticKernel.FunctionCallContent;

            class ManualLoop
            {
                public async Task RunAsync(Kernel kernel, IChatCompletionService chat, ChatHistory history)
                {
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };
                    var reply = await chat.GetChatMessageContentAsync(history, settings, kernel);
                    history.Add(reply);
                    foreach (var functionCall in FunctionCallContent.GetFunctionCalls(reply))
                    {
                        var result = await functionCall.[|InvokeAsync|](kernel);
                        history.Add(result.ToChatMessage());
                    }
                }

                public async Task GatedAsync(IChatCompletionService chat, ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.UsePolicyGate();
                    var reply = await chat.GetChatMessageContentAsync(history, new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) }, kernel);
                    foreach (var functionCall in FunctionCallContent.GetFunctionCalls(reply))
                    {
                        history.Add((await functionCall.InvokeAsync(kernel)).ToChatMessage());
                    }
                }
            }
            """);

    [Fact]
    public Task A_hand_written_OpenAI_tool_loop_is_automatic_invocation()
        => AutoInvocation.VerifyAsync(Usings + """
            using OpenAI.Chat;
            using ChatMessage = OpenAI.Chat.ChatMessage;
            using ChatFinishReason = OpenAI.Chat.ChatFinishReason;

            class Loop(ChatClient client)
            {
                static string GetWeather(string city) => city + ": sunny";

                public async Task<string> AskAsync(string question)
                {
                    List<ChatMessage> messages = [new UserChatMessage(question)];
                    var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "Gets the weather") } };
                    bool requiresAction;
                    do
                    {
                        requiresAction = false;
                        ChatCompletion completion = await client.CompleteChatAsync(messages, options);
                        switch (completion.FinishReason)
                        {
                            case ChatFinishReason.Stop:
                                return completion.Content[0].Text;
                            case ChatFinishReason.[|ToolCalls|]:
                                messages.Add(new AssistantChatMessage(completion));
                                foreach (var call in completion.ToolCalls)
                                {
                                    switch (call.FunctionName)
                                    {
                                        case "get_weather":
                                            messages.Add(new ToolChatMessage(call.Id, GetWeather(call.FunctionArguments.ToString())));
                                            break;
                                    }
                                }

                                requiresAction = true;
                                break;
                        }
                    }
                    while (requiresAction);

                    return "";
                }

                public bool NeedsTools(ChatCompletion completion) => completion.FinishReason == ChatFinishReason.ToolCalls;
            }
            """);

    [Fact]
    public Task Invoking_a_prompt_function_through_the_kernel_is_a_model_call_and_a_native_one_is_not()
        => ModelCalls.VerifyAsync(Usings + """
            class Prompts
            {
                public async Task RunAsync(string apiKey, string text)
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey).Build();
                    var plugins = kernel.CreatePluginFromPromptDirectory(Path.Combine(AppContext.BaseDirectory, "Plugins", "WriterPlugin"));
                    await kernel.[|InvokeAsync|](plugins["ShortPoem"], new KernelArguments { ["input"] = text });

                    kernel.ImportPluginFromPromptDirectory(Path.Combine("Prompts", "FunPlugin"));
                    await kernel.[|InvokeAsync|]("FunPlugin", "Joke", new KernelArguments { ["input"] = text });
                    await kernel.[|InvokeAsync|](kernel.Plugins["FunPlugin"]["Excuses"]);

                    var summarize = kernel.CreateFunctionFromPrompt("Summarize: {{$input}}");
                    await summarize.[|InvokeAsync|](kernel, new KernelArguments { ["input"] = text });

                    var native = kernel.ImportPluginFromFunctions("Text", [KernelFunctionFactory.CreateFromMethod((string input) => input.ToUpperInvariant(), "Upper")]);
                    await kernel.InvokeAsync(native["Upper"], new KernelArguments { ["input"] = text });
                    await kernel.InvokeAsync("Text", "Upper", new KernelArguments { ["input"] = text });
                }
            }
            """);

    [Fact]
    public Task A_parameter_client_is_judged_at_its_callers_and_a_keyed_injection_by_its_key()
        => ModelCalls.VerifyAsync(Usings + """
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.DependencyInjection;

            static class Utils
            {
                public static async Task<string> AskAsync(IChatClient client, string question) => (await client.[|GetResponseAsync|](question)).Text;

                public static async Task<string> AskGatedAsync(IChatClient client, string question) => (await client.GetResponseAsync(question)).Text;
            }

            class Program
            {
                public static async Task RunAsync(IChatClient model)
                {
                    var raw = new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient();
                    await Utils.AskAsync(raw, "hi");
                    await Utils.AskAsync(model.AsBuilder().UsePolicyGate().Build(), "hi");
                    await Utils.AskGatedAsync(model.AsBuilder().UsePolicyGate().Build(), "hi");
                }

                public static void Register(IServiceCollection services, IChatClient model)
                {
                    services.AddKeyedChatClient("safe", model).UsePolicyGate();
                    services.AddKeyedChatClient("fast", model);
                }
            }

            class Safe([FromKeyedServices("safe")] IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.GetResponseAsync(question);
            }

            class Fast([FromKeyedServices("fast")] IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.[|GetResponseAsync|](question);
            }
            """);

    [Fact]
    public Task An_if_on_ToolCalls_that_answers_the_tool_calls_is_a_hand_loop_and_AIFunction_InvokeAsync_is_dispatch()
        => AutoInvocation.VerifyAsync(Usings + """
            using OpenAI.Chat;
            using ChatMessage = OpenAI.Chat.ChatMessage;
            using ChatFinishReason = OpenAI.Chat.ChatFinishReason;

            class Hiker(ChatClient client)
            {
                public async Task<string> AskAsync(List<ChatMessage> messages, ChatCompletionOptions options)
                {
                    ChatCompletion completion = await client.CompleteChatAsync(messages, options);
                    if (completion.FinishReason == ChatFinishReason.[|ToolCalls|])
                    {
                        foreach (var call in completion.ToolCalls)
                        {
                            messages.Add(new ToolChatMessage(call.Id, "42"));
                        }

                        completion = await client.CompleteChatAsync(messages, options);
                    }

                    return completion.Content[0].Text;
                }
            }

            class Realtime
            {
                public async Task<object?> OnFunctionCallAsync(Microsoft.Extensions.AI.FunctionCallContent call, IReadOnlyList<AIFunction> tools)
                {
                    var tool = tools.First(t => t.Name == call.Name);
                    return await tool.[|InvokeAsync|](new AIFunctionArguments(call.Arguments));
                }
            }
            """);
}
