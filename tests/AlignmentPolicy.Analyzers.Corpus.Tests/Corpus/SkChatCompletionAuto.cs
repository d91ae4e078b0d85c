// Semantic Kernel with a plugin registered by type and automatic function choice.
using System.ComponentModel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Contoso.Travel;

public static class TravelAgent
{
    public static async Task<string> ChatAsync(string apiKey, string question)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-4o", apiKey);
        builder.Plugins.AddFromType<BookingPlugin>();
        var kernel = builder.Build();

        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory("You book business travel within policy.");
        history.AddUserMessage(question);

        var settings = new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(), // expect: ALN0005
        };

        var reply = await chat.GetChatMessageContentAsync(history, settings, kernel); // expect: ALN0001
        return reply.Content ?? "";
    }
}

public sealed class BookingPlugin
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://travel.contoso.example") };

    [KernelFunction, Description("Searches flights.")]
    public Task<string> SearchFlights(string from, string to, DateOnly date) => Http.GetStringAsync($"/flights?from={from}&to={to}&date={date:O}");

    [KernelFunction, Description("Books a flight and charges the corporate card.")]
    public async Task<string> BookFlight(string flightNumber, string traveller) // expect: ALN0002
    {
        using var body = new StringContent($"{{\"flight\":\"{flightNumber}\",\"traveller\":\"{traveller}\"}}");
        var response = await Http.PostAsync("/bookings", body);
        return await response.Content.ReadAsStringAsync();
    }

    [KernelFunction, Description("Cancels a booking.")]
    public string CancelBooking(string bookingId) => $"Booking {bookingId} cancellation requested (demo).";
}
