using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Models;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Tests.Adapters;

/// <summary>What <c>--model</c> accepts, where keys and endpoints come from, and that a key is never shown.</summary>
public sealed class ModelSpecTests
{
    private static readonly HttpModelOptions s_options = new() { MaxAttempts = 1, Timeout = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData("openai:gpt-4.1", "openai", "gpt-4.1", null)]
    [InlineData("openai:qwen2.5@http://localhost:8000/v1", "openai", "qwen2.5", "http://localhost:8000/v1")]
    [InlineData("azure-openai:prod-gpt4o@https://contoso.openai.azure.com/", "azure-openai", "prod-gpt4o", "https://contoso.openai.azure.com/")]
    [InlineData("anthropic:claude-sonnet-4-5", "anthropic", "claude-sonnet-4-5", null)]
    [InlineData("ollama:llama3.2:1b", "ollama", "llama3.2:1b", null)]
    [InlineData("ollama:llama3.2:1b@http://gpu-box:11434", "ollama", "llama3.2:1b", "http://gpu-box:11434/")]
    public void A_spec_names_the_provider_the_model_and_the_endpoint(string text, string kind, string model, string? endpoint)
    {
        var spec = ModelSpec.Parse(text);

        Assert.Equal((kind, model, endpoint), (spec.Kind, spec.Model, spec.Endpoint?.ToString()));
    }

    [Theory]
    [InlineData("gpt-4o", "unknown model kind")]
    [InlineData("bedrock:claude", "unknown model kind 'bedrock'")]
    [InlineData("openai:", "no model name")]
    [InlineData("openai:gpt@localhost:8000", "not an http or https URL")]
    [InlineData("ollama:llama@ftp://host", "not an http or https URL")]
    public void A_wrong_spec_is_a_usage_error_that_lists_the_forms(string text, string expected)
    {
        var error = Assert.Throws<EvalUsageException>(() => ModelSpec.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai:gpt-4.1", "OPENAI_API_KEY")]
    [InlineData("anthropic:claude-sonnet-4-5", "ANTHROPIC_API_KEY")]
    [InlineData("azure-openai:prod-gpt4o", "AZURE_OPENAI_ENDPOINT")]
    public void A_provider_without_its_key_or_endpoint_names_the_variable_to_set(string text, string variable)
    {
        var error = Assert.Throws<EvalUsageException>(() => ModelFactory.Create(ModelSpec.Parse(text), s_options, _ => null, out _));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_OpenAI_takes_the_key_when_there_is_one_and_Entra_ID_otherwise()
    {
        var spec = ModelSpec.Parse("azure-openai:prod-gpt4o@https://contoso.openai.azure.com");

        using var withKey = ModelFactory.Create(spec, s_options, name => name == ModelFactory.AzureOpenAIKeyVariable ? "azure-secret" : null, out var keyed);
        using var withoutKey = ModelFactory.Create(spec, s_options, _ => null, out var entra);

        Assert.Equal("Azure OpenAI deployment prod-gpt4o at https://contoso.openai.azure.com/ (API key from AZURE_OPENAI_API_KEY)", keyed);
        Assert.Equal("Azure OpenAI deployment prod-gpt4o at https://contoso.openai.azure.com/ (Entra ID through DefaultAzureCredential)", entra);
        Assert.DoesNotContain("azure-secret", keyed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Azure_endpoint_may_come_from_the_environment()
    {
        using var client = ModelFactory.Create(
            ModelSpec.Parse("azure-openai:prod-gpt4o"), s_options, name => name == ModelFactory.AzureOpenAIEndpointVariable ? "https://fabrikam.openai.azure.com/" : null, out var description);

        Assert.Contains("at https://fabrikam.openai.azure.com/", description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_leaves_out_credentials_and_queries_in_the_URL()
    {
        using var client = ModelFactory.Create(ModelSpec.Parse("openai:m@https://user:hunter2@gateway.example/v1?key=hunter2"), s_options, _ => null, out var description);

        Assert.Equal("OpenAI m at https://gateway.example/v1", description);
    }

    [Fact]
    public void Ollama_and_Anthropic_take_the_server_root_and_a_trailing_v1_is_dropped()
    {
        using var ollama = ModelFactory.Create(ModelSpec.Parse("ollama:llama3.2@http://localhost:11434/v1"), s_options, _ => null, out var ollamaDescription);
        using var anthropic = ModelFactory.Create(ModelSpec.Parse("anthropic:claude@https://gateway.example/anthropic/v1/"), s_options, _ => "k", out var anthropicDescription);

        Assert.Equal("Ollama llama3.2 at http://localhost:11434/", ollamaDescription);
        Assert.Equal("Anthropic claude at https://gateway.example/anthropic/", anthropicDescription);
    }

    [Theory]
    [InlineData(Provider.OpenAI)]
    [InlineData(Provider.AzureOpenAI)]
    [InlineData(Provider.Anthropic)]
    public async Task A_key_the_server_echoes_back_never_reaches_the_error_message(Provider provider)
    {
        // A gateway that quotes the credential it rejected, as some do in their 401 bodies.
        await using var server = await LoopbackChatServer.StartAsync((_, context) =>
            LoopbackChatServer.WriteJsonAsync(context, ProviderWire.Error(provider, $"invalid key: {context.Request.Headers.Authorization}{context.Request.Headers["api-key"]}"), 401));
        using var client = ProviderWire.Client(provider, server, s_options);

        var error = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")]));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid key", error.Message, StringComparison.Ordinal);
        foreach (var key in new[] { ProviderWire.OpenAIKey, ProviderWire.AzureKey, ProviderWire.AnthropicKey })
        {
            Assert.DoesNotContain(key, error.ToString(), StringComparison.Ordinal);
        }
    }
}
