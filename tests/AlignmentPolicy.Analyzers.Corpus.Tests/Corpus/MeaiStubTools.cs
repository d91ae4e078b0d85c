// A demo shop agent: the tools are named like actions but are stubs that return constants.
using Microsoft.Extensions.AI;

namespace Demo.Shop;

public static class ShopDemo
{
    public static async Task<string> RunAsync(IChatClient baseClient, string userInput)
    {
        var client = baseClient.AsBuilder().UseFunctionInvocation().Build(); // expect: ALN0005
        var options = new ChatOptions
        {
            Tools =
            [
                AIFunctionFactory.Create(PlaceOrder),
                AIFunctionFactory.Create(SendEmail),
                AIFunctionFactory.Create(Deploy),
                AIFunctionFactory.Create(DeleteAccount, "delete_account"),
            ],
        };

        var reply = await client.GetResponseAsync(userInput, options); // expect-info: ALN0001
        return reply.Text;
    }

    // Stubs for the demo: nothing leaves the process.
    private static string PlaceOrder(string sku, int quantity) => "ok";

    private static string SendEmail(string to, string body) => $"Email to {to} queued (demo).";

    private static string Deploy(string environment) => environment == "prod" ? "ok" : "skipped";

    private static bool DeleteAccount(string userId)
    {
        Console.WriteLine($"[demo] would delete {userId}");
        return true;
    }
}
