// From Semantic Kernel's samples (Filtering/PIIDetection.cs, Optimization/FrugalGPTWithFilters.cs): a prompt-render
// filter that throws when the rendered prompt carries personal data stops the request before it reaches the model; a
// cascade function filter that tries models in turn can return without calling next, but it runs around the function,
// never sees the prompt and judges nothing about it, so the kernel's model calls are not gated by it.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;

namespace Contoso.Prompts;

public interface IPiiAnalyzer
{
    Task<IReadOnlyList<(string EntityType, double Score)>> AnalyzeAsync(string text);
}

public sealed class PromptAnalyzerFilter(ILogger logger, IPiiAnalyzer analyzer, double scoreThreshold) : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        await next(context);

        var prompt = context.RenderedPrompt!;
        var piiDetected = false;
        foreach (var (entityType, score) in await analyzer.AnalyzeAsync(prompt))
        {
            logger.LogInformation("Entity type: {EntityType}. Score: {Score}", entityType, score);
            if (score > scoreThreshold)
            {
                piiDetected = true;
            }
        }

        if (piiDetected)
        {
            throw new KernelException("Prompt contains PII information. Operation is canceled.");
        }
    }
}

public sealed class ModelCascadeFilter(List<string> modelExecutionOrder, Predicate<string> acceptanceCriteria) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var registered = context.Kernel.GetAllServices<IChatCompletionService>().Select(service => service.GetModelId()!);
        foreach (var modelId in registered.OrderBy(modelExecutionOrder.IndexOf))
        {
            context.Arguments.ExecutionSettings = new Dictionary<string, PromptExecutionSettings>
            {
                { PromptExecutionSettings.DefaultServiceId, new() { ModelId = modelId } },
            };

            await next(context);

            if (acceptanceCriteria(context.Result.ToString()))
            {
                return;
            }
        }
    }
}

public sealed class PromptSamples(ILogger logger, IPiiAnalyzer analyzer, string apiKey)
{
    public async Task<string> ScreenedAsync(string text)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-4o-mini", apiKey);
        builder.Services.AddSingleton<IPromptRenderFilter>(sp => new PromptAnalyzerFilter(logger, analyzer, scoreThreshold: 0.9));
        var kernel = builder.Build();

        var result = await kernel.InvokePromptAsync(text);
        return result.ToString();
    }

    public async Task<string> CascadeAsync(string text)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-4o-mini", apiKey, serviceId: "model1");
        builder.AddOpenAIChatCompletion("gpt-4o", apiKey, serviceId: "model2");
        builder.Services.AddSingleton<IFunctionInvocationFilter>(new ModelCascadeFilter(
            modelExecutionOrder: ["gpt-4o-mini", "gpt-4o"],
            acceptanceCriteria: result => result.Contains("Hey!")));
        var kernel = builder.Build();

        var result = await kernel.InvokePromptAsync(text); // expect: ALN0001
        return result.ToString();
    }
}
