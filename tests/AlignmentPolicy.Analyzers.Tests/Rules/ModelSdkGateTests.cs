using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// The analyzers start for every compilation whose model calls the classifier knows, also when its only model SDK is one of the
/// less common ones (no Microsoft.Extensions.AI, Semantic Kernel or OpenAI beside it): the community Anthropic.SDK, Azure.AI.OpenAI 1.x,
/// OllamaSharp. Each SDK here is a small assembly of the SDK's name and namespace; its twin is the same assembly in another namespace,
/// which is no model SDK, and the same call on it is not reported.
/// </summary>
public class ModelSdkGateTests
{
    private const string AnthropicSdk = """
        namespace Anthropic.SDK
        {
            public class APIAuthentication { public APIAuthentication(string apiKey) { } }
            public class AnthropicClient
            {
                public AnthropicClient(APIAuthentication authentication) { }
                public Messaging.MessagesEndpoint Messages { get; } = new();
            }
        }

        namespace Anthropic.SDK.Messaging
        {
            public class MessageParameters { public string Model { get; set; } = ""; public int MaxTokens { get; set; } }
            public class MessageResponse { }
            public class MessagesEndpoint
            {
                public System.Threading.Tasks.Task<MessageResponse> GetClaudeMessageAsync(MessageParameters parameters) => null!;
            }
        }
        """;

    private const string AnthropicCaller = """
        using System.Threading.Tasks;
        using Anthropic.SDK;
        using Anthropic.SDK.Messaging;

        class Claude
        {
            public Task<MessageResponse> AskAsync(string key)
            {
                var client = new AnthropicClient(new APIAuthentication(key));
                return client.Messages.{|#0:GetClaudeMessageAsync|}(new MessageParameters { Model = "claude-sonnet-4", MaxTokens = 512 });
            }
        }
        """;

    private const string AzureOpenAIV1 = """
        namespace Azure.AI.OpenAI
        {
            public class ChatCompletionsOptions { public string DeploymentName { get; set; } = ""; }
            public class ChatCompletions { }
            public class OpenAIClient
            {
                public OpenAIClient(System.Uri endpoint, string key) { }
                public virtual System.Threading.Tasks.Task<ChatCompletions> GetChatCompletionsAsync(ChatCompletionsOptions options) => null!;
            }
        }
        """;

    private const string AzureOpenAIV1Caller = """
        using System;
        using System.Threading.Tasks;
        using Azure.AI.OpenAI;

        class Summaries
        {
            public Task<ChatCompletions> SummariseAsync(string endpoint, string key)
            {
                OpenAIClient client = new(new Uri(endpoint), key);
                return client.{|#0:GetChatCompletionsAsync|}(new ChatCompletionsOptions { DeploymentName = "gpt-4o" });
            }
        }
        """;

    private const string OllamaSharp = """
        namespace OllamaSharp
        {
            public interface IOllamaApiClient { string SelectedModel { get; set; } }
            public class OllamaApiClient : IOllamaApiClient
            {
                public OllamaApiClient(string uri) { }
                public string SelectedModel { get; set; } = "";
            }

            public class Chat
            {
                public Chat(IOllamaApiClient client) { }
                public System.Collections.Generic.IAsyncEnumerable<string> SendAsync(string message) => null!;
            }
        }
        """;

    private const string OllamaCaller = """
        using OllamaSharp;

        class Local
        {
            public async System.Threading.Tasks.Task AskAsync(string question)
            {
                var chat = new Chat(new OllamaApiClient("http://localhost:11434") { SelectedModel = "llama3.2" });
                await foreach (var token in chat.{|#0:SendAsync|}(question)) { }
            }
        }
        """;

    public static TheoryData<string> Sdks => ["Anthropic.SDK", "Azure.AI.OpenAI", "OllamaSharp"];

    [Theory]
    [MemberData(nameof(Sdks))]
    public async Task A_compilation_whose_only_model_sdk_is_this_one_is_analysed(string sdk)
    {
        var (library, caller, name, reason) = Sdk(sdk);
        var test = Test(sdk, library, caller);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments(name, reason));
        await test.RunAsync();
    }

    [Theory]
    [MemberData(nameof(Sdks))]
    public async Task The_same_call_on_a_library_of_the_same_shape_in_another_namespace_is_not_a_model_call(string sdk)
    {
        var (library, caller, _, _) = Sdk(sdk);
        var root = sdk.Split('.')[0];
        await Test("Contoso.Client", library.Replace(root, "Contoso"), caller.Replace(root, "Contoso").Replace("{|#0:", "").Replace("|}", "")).RunAsync();
    }

    private static (string Library, string Caller, string Name, string Reason) Sdk(string sdk) => sdk switch
    {
        "Anthropic.SDK" => (AnthropicSdk, AnthropicCaller, "GetClaudeMessageAsync", "it is created with 'new AnthropicClient(...)' without UsePolicyGate()"),
        "Azure.AI.OpenAI" => (AzureOpenAIV1, AzureOpenAIV1Caller, "GetChatCompletionsAsync", "it is created with 'new OpenAIClient(...)' without UsePolicyGate()"),
        _ => (OllamaSharp, OllamaCaller, "SendAsync", "it is created with 'new Chat(...)' without UsePolicyGate()"),
    };

    /// <summary>The caller compiled against the framework and this one library only.</summary>
    private static Verify.Test Test(string assemblyName, string library, string caller)
    {
        var test = new Verify.Test();
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(library)], Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
        test.TestState.Sources.Add(caller);
        return test;
    }
}
