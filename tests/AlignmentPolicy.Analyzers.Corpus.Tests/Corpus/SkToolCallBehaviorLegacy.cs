// Older Semantic Kernel code: ToolCallBehavior.AutoInvokeKernelFunctions and ImportPluginFromType.
#pragma warning disable SKEXP0001, CS0618
using System.ComponentModel;
using Microsoft.Extensions.VectorData;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Contoso.Knowledge;

public sealed class Note
{
    [VectorStoreKey]
    public string Id { get; set; } = "";

    [VectorStoreData]
    public string Text { get; set; } = "";
}

public sealed class KnowledgeAssistant
{
    private readonly Kernel _kernel;

    public KnowledgeAssistant(string apiKey, VectorStoreCollection<string, Note> notes)
    {
        _kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey).Build();
        _kernel.ImportPluginFromObject(new NotesPlugin(notes), "notes");
    }

    public async Task<string> AskAsync(string question)
    {
        var settings = new OpenAIPromptExecutionSettings { ToolCallBehavior = ToolCallBehavior.AutoInvokeKernelFunctions }; // expect: ALN0005
        var result = await _kernel.InvokePromptAsync(question, new KernelArguments(settings)); // expect: ALN0001
        return result.ToString();
    }
}

public sealed class NotesPlugin(VectorStoreCollection<string, Note> notes)
{
    [KernelFunction, Description("Remembers a fact for later questions.")]
    public async Task<string> Remember(string fact) // expect: ALN0002
    {
        await notes.UpsertAsync(new Note { Id = Guid.NewGuid().ToString("N"), Text = fact });
        return "remembered";
    }

    [KernelFunction, Description("Looks a note up by id.")]
    public async Task<string> Recall(string id) => (await notes.GetAsync(id))?.Text ?? "not found";
}
