// The gated travel agent: the kernel builder adds the policy gate filters.
using System.ComponentModel;
using AlignmentPolicy.Gates;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Contoso.TravelGated;

public static class TravelAgent
{
    public static async Task<string> ChatAsync(string apiKey, string question)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-4o", apiKey);
        builder.Plugins.AddFromType<BookingPlugin>();
        builder.AddPolicyGate();
        var kernel = builder.Build();

        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var result = await kernel.InvokePromptAsync(question, new KernelArguments(settings));
        return result.GetValue<string>() ?? "";
    }
}

public sealed class BookingPlugin
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://travel.contoso.example") };

    [KernelFunction, Description("Books a flight.")]
    public async Task<string> BookFlight(string flightNumber)
    {
        using var body = new StringContent(flightNumber);
        var response = await Http.PostAsync("/bookings", body);
        return response.StatusCode.ToString();
    }
}
