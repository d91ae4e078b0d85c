using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 on the OpenAI Responses API: <c>CreateResponse(Async)</c> and its streaming forms send a request to the model
/// as <c>CompleteChatAsync</c> does, on the client of the OpenAI version the scan has and on the pre-2.6
/// <c>OpenAIResponseClient</c> it does not.
/// </summary>
public class ResponsesApiTests
{
    [Fact]
    public Task A_responses_client_request_is_a_model_call()
        // The shape of image-description and research helpers: openAiClient.GetResponsesClient().CreateResponseAsync(new CreateResponseOptions { ... }).
        => Verify.VerifyAsync("""
            #pragma warning disable OPENAI001 // the Responses API is marked experimental
            using System.Threading.Tasks;
            using OpenAI;
            using OpenAI.Responses;

            class Describer(OpenAIClient openAiClient)
            {
                public async Task<string> DescribeAsync(string prompt)
                {
                    var response = await openAiClient.GetResponsesClient().[|CreateResponseAsync|](
                        new CreateResponseOptions
                        {
                            Model = "gpt-4.1",
                            Instructions = "Describe the picture.",
                            InputItems = { ResponseItem.CreateUserMessageItem(prompt) },
                        });
                    return response.Value.GetOutputText();
                }

                public async Task<string> AskAsync(string key, string question)
                {
                    ResponsesClient client = new OpenAIClient(key).GetResponsesClient();
                    var response = await client.[|CreateResponseAsync|]("gpt-4.1", question);
                    return response.Value.GetOutputText();
                }
            }
            """);

    [Fact]
    public async Task A_request_of_a_responses_client_of_an_older_OpenAI_version_is_a_model_call()
    {
        // OpenAI 2.2 to 2.5: OpenAIResponseClient client = openAIClient.GetOpenAIResponseClient(model); client.CreateResponseAsync(input).
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;
            using OpenAI;

            class Researcher
            {
                public async Task<string> AskAsync(string key, string question)
                {
                    OpenAIResponseClient client = new OpenAIClient(key).GetOpenAIResponseClient("gpt-4.1");
                    var response = await client.{|#0:CreateResponseAsync|}(question);

                    var other = new OpenAIClient(key).GetOpenAIResponseClient("gpt-4.1");
                    await other.{|#1:CreateResponseStreamingAsync|}(question);

                    // Not a Responses client: a name collision on an unknown type.
                    PaymentGateway gateway = new(key);
                    await gateway.CreateResponseAsync(question);
                    return response.Value.GetOutputText();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("CreateResponseAsync", "it is created with 'new OpenAIClient(...)' without UsePolicyGate()"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithArguments("CreateResponseStreamingAsync", "it is created with 'new OpenAIClient(...)' without UsePolicyGate()"));
        await test.RunAsync();
    }
    [Fact]
    public async Task A_request_of_a_responses_client_another_package_derives_is_a_model_call()
    {
        // Azure AI Projects 2.x (the scan does not have it): projectClient.OpenAI.GetProjectResponsesClientForAgent(...) gives a
        // ProjectResponsesClient, a Responses client of that package, whose CreateResponse sends the request to the agent's model.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System;

            class Quickstart
            {
                public string Ask(string endpoint, string agentName, string question)
                {
                    AIProjectClient projectClient = new(new Uri(endpoint), new AzureCliCredential());
                    ProjectResponsesClient responsesClient = projectClient.OpenAI.GetProjectResponsesClientForAgent(defaultAgent: agentName);
                    ResponseResult response = responsesClient.{|#0:CreateResponse|}(question);

                    var forModel = projectClient.OpenAI.GetProjectResponsesClientForModel("gpt-4.1");
                    forModel.{|#1:CreateResponseAsync|}(question);

                    // Not a Responses client: a missing type named otherwise, with the same method name.
                    ResponseFormatter formatter = projectClient.GetResponseFormatter();
                    formatter.CreateResponse(question);
                    return response.GetOutputText();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("CreateResponse", "it is created with 'new AIProjectClient(...)' without UsePolicyGate()"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithArguments("CreateResponseAsync", "it is created with 'new AIProjectClient(...)' without UsePolicyGate()"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_request_of_a_responses_client_field_written_with_the_null_forgiving_operator_is_a_model_call()
    {
        // A console assistant keeps its client in a nullable static field set at start-up and calls responseClient!.CreateResponseAsync(...).
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;
            using OpenAI;

            static class Assistant
            {
                private static OpenAIResponseClient? responseClient;
                private static PaymentGateway? gateway;

                public static void Start(string key)
                {
                    responseClient = new OpenAIClient(key).GetOpenAIResponseClient("gpt-4.1");
                    gateway = new PaymentGateway(key);
                }

                public static async Task<string> ChatAsync(string message)
                {
                    var response = await responseClient!.{|#0:CreateResponseAsync|}(message);
                    var again = await (responseClient!).{|#1:CreateResponseAsync|}(message);

                    // Not a Responses client: the same call on a missing type named otherwise.
                    await gateway!.CreateResponseAsync(message);
                    return response.Value.GetOutputText();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("CreateResponseAsync", "it is created with 'new OpenAIClient(...)' without UsePolicyGate()"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithArguments("CreateResponseAsync", "it is created with 'new OpenAIClient(...)' without UsePolicyGate()"));
        await test.RunAsync();
    }
}
