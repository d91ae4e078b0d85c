using System.ComponentModel;
using AlignmentPolicy.Gates;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates.Benchmarks;

/// <summary>
/// The allow path of <c>UsePolicyGate()</c> with the deterministic built-in gates against the same pipeline with a
/// pass-through <see cref="DelegatingChatClient"/>: a 2 KB conversation, one model-chosen tool call, then the answer.
/// </summary>
[MemoryDiagnoser]
public class AllowPathBenchmarks
{
    private readonly List<ChatMessage> _conversation = Conversation.Create();
    private ChatOptions _options = null!;
    private IChatClient _passThrough = null!;
    private IChatClient _gated = null!;

    [GlobalSetup]
    public void Setup()
    {
        _options = new ChatOptions { Tools = [AIFunctionFactory.Create(GetOrderStatus, "get_order_status")] };
        _passThrough = new CannedModel().AsBuilder().Use(inner => new PassThroughChatClient(inner)).UseFunctionInvocation().Build();
        _gated = new CannedModel().AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();
    }

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> PassThroughDelegatingChatClient() => _passThrough.GetResponseAsync(_conversation, _options);

    [Benchmark]
    public Task<ChatResponse> UsePolicyGateBuiltInGates() => _gated.GetResponseAsync(_conversation, _options);

    [Description("Looks up the shipping status of an order.")]
    private static string GetOrderStatus(string orderId) => "Order " + orderId + " shipped on Monday.";
}

/// <summary>A model that first asks for the order status tool, then answers.</summary>
internal sealed class CannedModel : IChatClient
{
    private static readonly Dictionary<string, object?> Arguments = new() { ["orderId"] = "A-1042" };
    private const string Answer = "Your order A-1042 shipped on Monday and should arrive by Thursday.";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = (IList<ChatMessage>)messages;
        if (list[^1].Role == ChatRole.Tool)
        {
            // A fresh response each time: the function invoker adds the tool-call turns to it.
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer)));
        }

        // A fresh call each time: the function invoker marks calls it has run.
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", "get_order_status", Arguments)])));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

internal sealed class PassThroughChatClient(IChatClient inner) : DelegatingChatClient(inner);

internal static class Conversation
{
    /// <summary>About 2 KB of support conversation.</summary>
    public static List<ChatMessage> Create()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "You are Contoso's support agent. Be concise, friendly and accurate. Use the tools to look up orders; never guess a shipping date. Escalate refunds above 100 EUR to a person."),
            new(ChatRole.User, "Hi, I ordered a pair of hiking boots two weeks ago and I still have not received them. The order number should be in my account."),
            new(ChatRole.Assistant, "I'm sorry to hear that your boots have not arrived yet. Could you confirm the order number so I can check its status for you?"),
            new(ChatRole.User, "Sure, I think it is A-1042. I paid with my credit card and chose standard shipping, which was supposed to take five to seven working days."),
            new(ChatRole.Assistant, "Thank you. Standard shipping usually takes five to seven working days, but carriers have had some delays this month. Let me look that up."),
            new(ChatRole.User, "Thanks. I also wanted to ask whether I can change the delivery address, because I will be travelling next week and would prefer the parcel to go to my office."),
            new(ChatRole.Assistant, "Changing the address depends on whether the parcel has already been handed to the carrier. Once I know the status I can tell you what options you have."),
            new(ChatRole.User, "Great. The office address is Contoso Tower, 5th floor, 12 Harbour Street. Please also let me know if there is a tracking number I can use myself."),
            new(ChatRole.User, "One more thing: the boots are a gift, so please do not include the invoice in the parcel if that is still possible. What is the status of order A-1042?"),
        ];
        return messages;
    }
}
