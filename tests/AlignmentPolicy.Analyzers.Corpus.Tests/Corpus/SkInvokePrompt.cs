// kernel.InvokePromptAsync is a model call; kernel.InvokeAsync of a native function is not.
using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Contoso.Marketing;

public sealed class CampaignPlanner
{
    private readonly Kernel _kernel;

    public CampaignPlanner(string apiKey)
    {
        var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey);
        builder.Plugins.AddFromType<CalendarMath>("calendar");
        _kernel = builder.Build();
    }

    public async Task<string> PlanAsync(string product)
    {
        var weeks = await _kernel.InvokeAsync("calendar", "WeeksUntil", new KernelArguments { ["date"] = "2026-12-01" });
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Required() }; // expect: ALN0005
        var plan = await _kernel.InvokePromptAsync( // expect: ALN0001
            $"Plan a {weeks} week campaign for {product}.", new KernelArguments(settings));
        return plan.ToString();
    }
}

public sealed class CalendarMath
{
    [KernelFunction, Description("Weeks from today until a date.")]
    public int WeeksUntil(DateOnly date) => (date.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber) / 7;
}
