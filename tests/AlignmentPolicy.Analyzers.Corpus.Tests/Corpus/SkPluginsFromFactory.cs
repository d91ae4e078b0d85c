// Plugins made with KernelPluginFactory and added to a kernel's Plugins (the shape of Semantic Kernel's GettingStartedWithAgents
// samples and pro-code-agents' weather bot): the plugin's functions are the tools of the kernel it is added to. The archive plugin
// goes to an ungated kernel; the purge plugin only to a gated one.
using System.ComponentModel;
using AlignmentPolicy.Gates;
using Microsoft.SemanticKernel;

namespace Contoso.Records;

public sealed class ArchivePlugin
{
    [KernelFunction, Description("Archives a record to the archive folder.")]
    public string ArchiveRecord(string id, string json) // expect: ALN0002
    {
        File.WriteAllText(Path.Combine("archive", id + ".json"), json);
        return "archived";
    }
}

public sealed class PurgePlugin
{
    [KernelFunction, Description("Deletes an archived record.")]
    public string PurgeRecord(string id)
    {
        File.Delete(Path.Combine("archive", id + ".json"));
        return "purged";
    }
}

public static class Kernels
{
    public static Kernel Assistant(string apiKey)
    {
        Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o-mini", apiKey).Build();
        kernel.Plugins.Add(KernelPluginFactory.CreateFromType<ArchivePlugin>());
        return kernel;
    }

    public static Kernel Administrator(string apiKey)
    {
        Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o-mini", apiKey).Build();
        kernel.UsePolicyGate();
        KernelPlugin plugin = KernelPluginFactory.CreateFromObject(new PurgePlugin());
        kernel.Plugins.Add(plugin);
        return kernel;
    }
}
