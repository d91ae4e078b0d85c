// autoInvoke: false — the model may propose calls, the code decides; not automatic invocation.
using System.ComponentModel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Contoso.Review;

public static class ProposalReview
{
    public static async Task<IReadOnlyList<string>> ProposeAsync(Kernel kernel, string diff)
    {
        kernel.Plugins.AddFromType<RepoInfo>();
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };
        var history = new ChatHistory();
        history.AddUserMessage($"Review this diff:\n{diff}");

        var reply = await chat.GetChatMessageContentAsync(history, settings, kernel); // expect-info: ALN0001
        return FunctionCallContent.GetFunctionCalls(reply).Select(c => c.FunctionName).ToList();
    }
}

public sealed class RepoInfo
{
    [KernelFunction, Description("Lists files changed on a branch.")]
    public string[] ChangedFiles(string branch) => [$"{branch}/src/Program.cs"];
}
