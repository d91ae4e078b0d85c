using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>ALN0001: a chat request posted with a plain HttpClient is a model call no SDK, middleware or filter stands before.</summary>
public class RawHttpModelCallTests
{
    private const string Usings = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text;
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;

        """;

    // rwjdk/MicrosoftAgentFrameworkSamples DoItYourselfAiCalling MyAgent.CallProvider: the URL is built in a local, the chat
    // completions path appended with +=, and the payload posted with PostAsJsonAsync.
    [Fact]
    public Task A_post_to_a_chat_completions_url_built_in_a_local_is_a_model_call()
        => Verify.VerifyAsync(Usings + """
            class MyAgent(string endpoint, string model, string apiKey)
            {
                public async Task<string> CallProvider(JsonObject json)
                {
                    HttpClient httpClient = new();
                    httpClient.DefaultRequestHeaders.Add("Authorization", $"Bearer {apiKey}");
                    string urlToUse = endpoint;
                    urlToUse += $"/openai/deployments/{model}/chat/completions?api-version=2025-04-01-preview";
                    HttpResponseMessage httpResponse = await httpClient.{|#0:PostAsJsonAsync|}(new Uri(urlToUse), json);
                    return await httpResponse.Content.ReadAsStringAsync();
                }
            }
            """,
            Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("PostAsJsonAsync", "it is posted to a model's chat endpoint ('chat/completions') with a plain HttpClient, and the code asks no policy gate before it"));

    // The request-message form (Gemini's REST API), and the ones that are no model call: the application's own /api/chat endpoint
    // (a front end posting to its server), a GET of the models list, a post to some other API.
    [Fact]
    public Task A_request_message_to_a_generateContent_url_is_one_and_an_apps_own_chat_endpoint_is_not()
        => Verify.VerifyAsync(Usings + """
            class Clients(HttpClient http)
            {
                const string Gemini = "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent";

                public async Task<string> AskGemini(string body)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, Gemini) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    var response = await http.{|#0:SendAsync|}(request);
                    return await response.Content.ReadAsStringAsync();
                }

                public Task<HttpResponseMessage> AskBackend(object message) => http.PostAsJsonAsync("/api/chat", message);

                public Task<HttpResponseMessage> CreateOrder(object order) => http.PostAsJsonAsync("https://shop.example/api/orders", order);

                public Task<HttpResponseMessage> Models() => http.GetAsync("https://api.openai.com/v1/models");
            }
            """,
            Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("SendAsync", "it is posted to a model's chat endpoint (':generateContent') with a plain HttpClient, and the code asks no policy gate before it"));

    [Fact]
    public Task A_raw_chat_request_the_code_asks_a_gate_about_first_is_gated()
        => Verify.VerifyAsync(Usings + """
            class GatedAsker(HttpClient http, IPolicyGate gate)
            {
                public async Task<string> Ask(PolicyRequest request, string prompt)
                {
                    var verdict = await gate.EvaluateAsync(request, System.Threading.CancellationToken.None);
                    if (!verdict.IsAllowed)
                    {
                        return "refused";
                    }

                    var response = await http.PostAsJsonAsync("https://api.openai.com/v1/chat/completions", new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = prompt } } });
                    return await response.Content.ReadAsStringAsync();
                }
            }
            """);
}
