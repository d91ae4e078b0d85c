// The shape of rwjdk/MicrosoftAgentFrameworkSamples' DoItYourselfAiCalling MyAgent: an agent written without any SDK, posting the
// chat payload to the Azure OpenAI chat-completions endpoint with a plain HttpClient. A front end posting to its own backend's
// /api/chat is no model call.
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Contoso.DoItYourself;

public sealed class Provider
{
    public required string Endpoint { get; init; }
    public required string Model { get; init; }
    public required string ApiKey { get; init; }
}

public sealed class MyAgent(Provider provider)
{
    public async Task<string> RunAsync(string message)
    {
        var payload = new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = message }),
        };

        return await CallProvider(payload);
    }

    private async Task<string> CallProvider(JsonObject json)
    {
        HttpClient httpClient = new();
        httpClient.DefaultRequestHeaders.Add("Authorization", $"Bearer {provider.ApiKey}");

        string urlToUse = provider.Endpoint;
        const string suffix = "/openai/v1";
        if (urlToUse.EndsWith(suffix))
        {
            urlToUse = urlToUse.Remove(urlToUse.Length - suffix.Length);
        }

        urlToUse += $"/openai/deployments/{provider.Model}/chat/completions?api-version=2025-04-01-preview";

        HttpResponseMessage httpResponse = await httpClient.PostAsJsonAsync(new Uri(urlToUse), json); // expect: ALN0001
        return await httpResponse.Content.ReadAsStringAsync();
    }
}

public sealed class ChatPageClient(HttpClient http)
{
    public async Task<string> SendAsync(string message)
    {
        var response = await http.PostAsJsonAsync("api/chat", new { message });
        return await response.Content.ReadAsStringAsync();
    }
}
