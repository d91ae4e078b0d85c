// A process step's kernel function asks the kernel it is handed for the chat service (microsoft/semantic-kernel
// dotnet/samples/GettingStartedWithProcesses/Step01/Step01_Processes.cs, ChatBotResponseStep.GetChatResponseAsync:
// _kernel.Services.GetRequiredService<IChatCompletionService>()): the process runs its steps with the kernel it is started
// with, kernelProcess.StartAsync(kernel, new KernelProcessEvent { ... }), here a kernel with a chat service and no gate.
// A request sent straight to a kernel's chat service passes none of the kernel's filters.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Microsoft.SemanticKernel
{
    // The Process framework package is not restored here; its types as the framework declares them.
    public abstract class KernelProcessStep
    {
    }

    public sealed class KernelProcessStepContext
    {
    }

    public sealed class KernelProcessEvent
    {
        public string? Id { get; init; }

        public object? Data { get; init; }
    }

    public sealed class KernelProcess
    {
        public Task<IAsyncDisposable> StartAsync(Kernel kernel, KernelProcessEvent initialEvent) => throw new NotSupportedException();
    }
}

namespace Contoso.ChatBot.Process
{
    public sealed class ChatBotResponseStep : KernelProcessStep
    {
        private readonly ChatHistory _history = new();

        [KernelFunction("GetChatResponse")]
        public async Task GetChatResponseAsync(KernelProcessStepContext context, string userMessage, Kernel _kernel)
        {
            _history.AddUserMessage(userMessage);
            IChatCompletionService chatService = _kernel.Services.GetRequiredService<IChatCompletionService>();
            ChatMessageContent response = await chatService.GetChatMessageContentAsync(_history); // expect: ALN0001
            _history.Add(response);
        }
    }

    public static class ChatBotProcess
    {
        public static async Task RunAsync(KernelProcess kernelProcess, string modelId, string apiKey)
        {
            Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(modelId, apiKey).Build();
            await using var runningProcess = await kernelProcess.StartAsync(kernel, new KernelProcessEvent { Id = "StartProcess", Data = null });
        }
    }
}
