using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 on prompt functions kept in collections (round 21): samples and services build their prompt functions once and
/// keep them in a dictionary, list or array (<c>_functions["summary"]</c>, <c>templates[0]</c>), then invoke the element they
/// pick. An element of a collection any of whose elements is made from a prompt may be that prompt function, so invoking it
/// is a model call, gated as the kernel is; a collection of native functions only is no model call.
/// </summary>
public class PromptFunctionCollectionRound21Tests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.SemanticKernel;

        """;

    [Fact]
    public Task An_element_of_a_dictionary_made_with_prompt_functions_is_a_model_call()
        => Verify.VerifyAsync(Usings + """
            class Translator
            {
                public async Task RunAsync(string text)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    var functions = new Dictionary<string, KernelFunction>
                    {
                        ["fr"] = kernel.CreateFunctionFromPrompt("Translate into French: {{$input}}"),
                        ["de"] = kernel.CreateFunctionFromPrompt("Übersetze ins Deutsche: {{$input}}"),
                    };
                    await kernel.[|InvokeAsync|](functions["fr"], new() { ["input"] = text });

                    var pairs = new Dictionary<string, KernelFunction> { { "es", kernel.CreateFunctionFromPrompt("Traduce: {{$input}}") } };
                    var picked = pairs["es"];
                    await kernel.[|InvokeAsync|](picked, new() { ["input"] = text });
                    await foreach (var chunk in kernel.[|InvokeStreamingAsync|](pairs["es"], new() { ["input"] = text }))
                    {
                        Console.Write(chunk);
                    }
                }
            }
            """);

    [Fact]
    public Task A_field_filled_in_the_constructor_and_a_list_are_followed()
        => Verify.VerifyAsync(Usings + """
            sealed class ReleaseNotes
            {
                private readonly Kernel _kernel;
                private readonly Dictionary<string, KernelFunction> _steps = new();
                private readonly List<KernelFunction> _drafts = [];

                public ReleaseNotes(Kernel kernel)
                {
                    _kernel = kernel;
                    _steps["headline"] = kernel.CreateFunctionFromPrompt("Write a headline for {{$changes}}");
                    _drafts.Add(kernel.CreateFunctionFromPrompt("Draft release notes for {{$changes}}"));
                }

                public async Task<string> HeadlineAsync(string changes)
                    => (await _steps["headline"].[|InvokeAsync|](_kernel, new() { ["changes"] = changes })).ToString();

                public async Task<string> DraftAsync(string changes)
                    => (await _kernel.[|InvokeAsync|](_drafts[0], new() { ["changes"] = changes })).ToString();

                public static Task Main() => new ReleaseNotes(Kernel.CreateBuilder().Build()).HeadlineAsync("fixes");
            }
            """);

    [Fact]
    public Task A_collection_of_native_functions_or_a_gated_kernel_is_not_flagged()
        => Verify.VerifyAsync(Usings + """
            class Clock
            {
                public async Task RunAsync(IPolicyGate gate, string text)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    var natives = new Dictionary<string, KernelFunction>
                    {
                        ["now"] = KernelFunctionFactory.CreateFromMethod(() => DateTime.UtcNow.ToString("O"), "now"),
                    };
                    natives["today"] = KernelFunctionFactory.CreateFromMethod(() => DateTime.UtcNow.Date.ToString("d"), "today");
                    await kernel.InvokeAsync(natives["now"]);
                    KernelFunction[] array = [KernelFunctionFactory.CreateFromMethod(() => 42, "answer")];
                    await kernel.InvokeAsync(array[0]);

                    var gated = Kernel.CreateBuilder().Build();
                    gated.UsePolicyGate(gate);
                    var prompts = new Dictionary<string, KernelFunction> { ["sum"] = gated.CreateFunctionFromPrompt("Summarise {{$input}}") };
                    await gated.InvokeAsync(prompts["sum"], new() { ["input"] = text });
                }
            }
            """);
}
