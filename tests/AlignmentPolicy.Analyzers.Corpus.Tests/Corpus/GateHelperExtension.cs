// The team wraps its standard pipeline in an extension method; the gate is inside the helper.
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace Contoso.Platform.AI
{
    public static class ContosoChatClientBuilderExtensions
    {
        public static ChatClientBuilder UseContosoDefaults(this ChatClientBuilder builder)
            => builder
                .UsePolicyGate(BuiltInPolicyGates.CreateDefault())
                .UseFunctionInvocation();
    }
}

namespace Contoso.Expenses
{
    using Contoso.Platform.AI;

    public sealed class ExpenseAssistant(IChatClient model, HttpClient erp)
    {
        private readonly IChatClient _client = model.AsBuilder().UseContosoDefaults().Build();

        public async Task<string> SubmitAsync(string receiptText)
        {
            var tools = new[] { AIFunctionFactory.Create(FileExpense) };
            return (await _client.GetResponseAsync($"File this receipt:\n{receiptText}", new ChatOptions { Tools = tools })).Text;
        }

        private async Task<string> FileExpense(decimal amount, string category)
            => (await erp.PostAsync($"/expenses?amount={amount}&category={category}", content: null)).StatusCode.ToString();
    }
}
