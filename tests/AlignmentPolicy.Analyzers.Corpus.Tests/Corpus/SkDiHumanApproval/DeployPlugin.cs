using System.ComponentModel;
using System.Diagnostics;
using Microsoft.SemanticKernel;

namespace Contoso.Ops;

public sealed class DeployPlugin
{
    [KernelFunction, Description("Rolls a service back to its previous release.")]
    public string Rollback(string service)
    {
        using var process = Process.Start("kubectl", $"rollout undo deployment/{service}");
        process.WaitForExit();
        return process.ExitCode == 0 ? "rolled back" : "failed";
    }

    [KernelFunction, Description("Shows a service's release history.")]
    public string History(string service) => $"{service}: v41, v42";
}
