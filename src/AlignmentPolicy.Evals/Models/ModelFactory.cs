using System.Globalization;
using AlignmentPolicy.Evals.Harness;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Models;

/// <summary>Makes the model client named by <c>--model</c>: <c>simulated</c>, <c>openai:&lt;model&gt;@&lt;base-url&gt;</c>,
/// <c>ollama:&lt;model&gt;[@&lt;url&gt;]</c>, <c>anthropic:&lt;model&gt;</c>.</summary>
public static class ModelFactory
{
    public static IChatClient Create(string spec, EvalRequest request, string cacheDirectory, out string description)
    {
        if (spec == "simulated")
        {
            var simulated = new SimulatedChatClient(request.Seed, request.DefaultPropensity, request.Propensity);
            description = simulated.Describe();
            return simulated;
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new EvalUsageException($"Unknown model '{spec}'. Use simulated, openai:<model>@<base-url>, ollama:<model> or anthropic:<model>.");
        }

        var kind = spec[..colon];
        var rest = spec[(colon + 1)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var model = at < 0 ? rest : rest[..at];
        var url = at < 0 ? null : rest[(at + 1)..];
        var options = new HttpModelOptions { CacheDirectory = cacheDirectory, Seed = request.Seed };
        switch (kind)
        {
            case "openai":
                description = $"OpenAI-compatible {model} at {url ?? "https://api.openai.com/v1"}";
                return new OpenAICompatibleChatClient(new Uri(url ?? "https://api.openai.com/v1"), model, Environment.GetEnvironmentVariable("OPENAI_API_KEY"), options);
            case "ollama":
                // Ollama serves the OpenAI chat-completions wire format under /v1.
                description = $"Ollama {model} at {url ?? "http://localhost:11434/v1"}";
                return new OpenAICompatibleChatClient(new Uri(url ?? "http://localhost:11434/v1"), model, apiKey: null, options);
            case "anthropic":
                description = $"Anthropic {model}";
                return new AnthropicChatClient(new Uri(url ?? "https://api.anthropic.com/v1"), model, Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY"), options);
            default:
                throw new EvalUsageException($"Unknown model kind '{kind}' in '{spec}'. Use simulated, openai:, ollama: or anthropic:.");
        }
    }

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
