// FileInfo and Directory deletes inside Semantic Kernel plugin methods.
using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Contoso.Storage;

public static class StorageAssistant
{
    public static async Task<string> RunAsync(string apiKey, string request)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-4o-mini", apiKey);
        builder.Plugins.AddFromType<DiskPlugin>("disk");
        var kernel = builder.Build();

        var arguments = new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }); // expect: ALN0005
        return (await kernel.InvokePromptAsync(request, arguments)).ToString(); // expect: ALN0001
    }
}

public sealed class DiskPlugin
{
    [KernelFunction, Description("Gets the size of a folder in bytes.")]
    public long FolderSize(string path) => new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    [KernelFunction, Description("Removes a cache folder.")]
    public string ClearCache(string path) // expect: ALN0002
    {
        Directory.Delete(path, recursive: true);
        return "cleared";
    }

    [KernelFunction, Description("Removes a log file.")]
    public string RemoveLog(string path) // expect: ALN0002
    {
        new FileInfo(path).Delete();
        return "removed";
    }
}
