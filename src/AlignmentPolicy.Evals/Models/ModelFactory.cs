using System.Globalization;
using AlignmentPolicy.Evals.Harness;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Models;

/// <summary>
/// Makes the model client named by <c>--model</c> (<see cref="ModelSpec.Usage"/>): the simulated model, or a provider's
/// official SDK behind one pipeline: defaults for temperature and seed, Microsoft.Extensions.AI's caching client on a
/// <see cref="FileDistributedCache"/>, reply checks, a concurrency limit, and the shared retrying transport. Keys and
/// default endpoints come from environment variables only (never from the command line, where they would end up in
/// shell history and process lists), and never appear in descriptions or error messages.
/// </summary>
public static class ModelFactory
{
    public const string OpenAIKeyVariable = "OPENAI_API_KEY";
    public const string AzureOpenAIKeyVariable = "AZURE_OPENAI_API_KEY";
    public const string AzureOpenAIEndpointVariable = "AZURE_OPENAI_ENDPOINT";
    public const string AnthropicKeyVariable = "ANTHROPIC_API_KEY";

    public static IChatClient Create(string spec, EvalRequest request, string cacheDirectory, out string description)
    {
        var parsed = ModelSpec.Parse(spec);
        if (parsed.Kind == ModelSpec.Simulated)
        {
            var simulated = new SimulatedChatClient(request.Seed, request.DefaultPropensity, request.Propensity, request.Messages);
            description = simulated.Describe();
            return simulated;
        }

        return Create(parsed, new HttpModelOptions { CacheDirectory = cacheDirectory, Seed = request.Seed }, Environment.GetEnvironmentVariable, out description);
    }

    /// <summary>A provider's client; <paramref name="environment"/> looks up the variables named above.</summary>
    internal static IChatClient Create(ModelSpec spec, HttpModelOptions options, Func<string, string?> environment, out string description)
    {
        Func<HttpClient, IChatClient> sdk;
        Uri endpoint;
        string? key = null;
        switch (spec.Kind)
        {
            case ModelSpec.OpenAI:
                endpoint = spec.Endpoint ?? ModelProviders.OpenAIEndpoint;
                key = environment(OpenAIKeyVariable);
                if (spec.Endpoint is null && string.IsNullOrEmpty(key))
                {
                    throw new EvalUsageException($"--model {spec.Kind}:{spec.Model}: set {OpenAIKeyVariable}, or name an OpenAI-compatible server with @<base-url>.");
                }

                description = $"OpenAI {spec.Model} at {Printable(endpoint)}";
                sdk = http => ModelProviders.OpenAI(spec.Model, endpoint, key, http);
                break;
            case ModelSpec.AzureOpenAI:
                endpoint = spec.Endpoint ?? (Uri.TryCreate(environment(AzureOpenAIEndpointVariable), UriKind.Absolute, out var fromEnvironment)
                    ? fromEnvironment
                    : throw new EvalUsageException($"--model {spec.Kind}:{spec.Model}: name the resource endpoint with @https://<resource>.openai.azure.com or set {AzureOpenAIEndpointVariable}."));
                key = environment(AzureOpenAIKeyVariable);
                description = $"Azure OpenAI deployment {spec.Model} at {Printable(endpoint)} ({(string.IsNullOrEmpty(key) ? "Entra ID through DefaultAzureCredential" : "API key from " + AzureOpenAIKeyVariable)})";
                sdk = http => ModelProviders.AzureOpenAI(spec.Model, endpoint, key, http);
                break;
            case ModelSpec.Anthropic:
                endpoint = ServerRoot(spec.Endpoint) ?? ModelProviders.AnthropicEndpoint;
                key = environment(AnthropicKeyVariable);
                if (string.IsNullOrEmpty(key))
                {
                    throw new EvalUsageException($"--model {spec.Kind}:{spec.Model}: set {AnthropicKeyVariable}.");
                }

                description = $"Anthropic {spec.Model} at {Printable(endpoint)}";
                sdk = http => ModelProviders.Anthropic(spec.Model, endpoint, key, http);
                break;
            case ModelSpec.Ollama:
                endpoint = ServerRoot(spec.Endpoint) ?? ModelProviders.OllamaEndpoint;
                description = $"Ollama {spec.Model} at {Printable(endpoint)}";
                sdk = http => ModelProviders.Ollama(spec.Model, endpoint, http);
                break;
            default:
                throw new EvalUsageException($"--model '{spec.Kind}': not a provider. Use {ModelSpec.Usage}.");
        }

        var statistics = new ModelStatistics();
        var transport = new ModelTransport(options, statistics);
        var builder = sdk(transport.HttpClient).AsBuilder()
            .ConfigureOptions(o =>
            {
                o.Temperature ??= (float)options.Temperature;
                o.Seed ??= options.Seed;
            });
        if (options.CacheDirectory is { } directory)
        {
            // The provider, server and model are part of the key: one cache folder can serve several models.
            builder.Use(inner => new ResponseCacheChatClient(inner, new FileDistributedCache(directory), statistics)
            {
                CacheKeyAdditionalValues = [spec.Kind, endpoint.ToString(), spec.Model],
            });
        }

        IReadOnlyList<string> secrets = key is null ? [] : [key];
        var pipeline = builder
            .Use(inner => new ReplyCheckingChatClient(inner, options, statistics, Printable(endpoint), secrets))
            .Use(inner => new ConcurrencyLimitingChatClient(inner, options.MaxConcurrency))
            .Build();
        return new ModelClient(pipeline, statistics, transport);
    }

    /// <summary>Anthropic's and Ollama's SDKs add their API paths to the server's root; a trailing <c>/v1</c> (the
    /// OpenAI-compatible path, which earlier versions of this tool took for Ollama) is dropped.</summary>
    private static Uri? ServerRoot(Uri? endpoint)
    {
        if (endpoint is null)
        {
            return null;
        }

        var path = endpoint.AbsolutePath.TrimEnd('/');
        path = path.EndsWith("/v1", StringComparison.Ordinal) ? path[..^3] : path;
        return new UriBuilder(endpoint) { Path = path + "/" }.Uri;
    }

    /// <summary>The URL without user information or query, where a key could hide.</summary>
    private static string Printable(Uri endpoint) => endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>Parses <c>coercion=0.3</c>, <c>all=0.3</c> or <c>0.3</c>.</summary>
    public static (string? Family, double Value) ParsePropensity(string text)
    {
        var parts = text.Split('=', 2);
        var valueText = parts.Length == 2 ? parts[1] : parts[0];
        if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 1)
        {
            throw new EvalUsageException($"--propensity '{text}': expected family=probability with a probability between 0 and 1.");
        }

        return (parts.Length == 2 && parts[0] != "all" ? parts[0] : null, value);
    }
}
