using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.PackGate;
using AlignmentPolicy.Core.Policy;
using Microsoft.Build.Framework;

namespace AlignmentPolicy.Tasks;

/// <summary>
/// The pack gate (ALN0201-ALN0204, ALN0212-ALN0218): before the package is generated, every evaluation the policy
/// requires must have results for this exact build that carry their own proof (transcripts, suite definition,
/// recomputed figures) and pass the policy's thresholds.
/// </summary>
public sealed class CheckEvaluationResults : AlignmentPolicyTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The policy file in force.</summary>
    [Required]
    public string PolicyFile { get; set; } = "";

    /// <summary>The built assembly being packed (<c>$(TargetPath)</c>).</summary>
    [Required]
    public string AssemblyFile { get; set; } = "";

    /// <summary>The results folder (<c>obj/alignment/evals/</c>).</summary>
    [Required]
    public string ResultsDirectory { get; set; } = "";

    /// <summary>The command that produces the results, quoted in messages.</summary>
    public string? EvalCommand { get; set; }

    /// <summary><c>AlignmentPolicyRunEvalsOnPack</c>: run the evaluations first (the policy's <c>evals.runOnPack</c> also does).</summary>
    public bool RunEvals { get; set; }

    /// <summary>The <c>alignment-policy</c> executable, or its .dll (run with <c>dotnet</c>).</summary>
    public string? CliPath { get; set; }

    /// <summary>The build configuration, passed to the evaluation run.</summary>
    public string? Configuration { get; set; }

    /// <summary>The NuGet global packages folder (<c>$(NuGetPackageRoot)</c>): <c>nuget:</c> suites are read from beside it.</summary>
    public string? NuGetPackageRoot { get; set; }

    /// <summary>How long the evaluation run may take.</summary>
    public int EvalTimeoutSeconds { get; set; } = 3600;

    private string EvalCommandOrDefault => string.IsNullOrEmpty(EvalCommand) ? "alignment-policy eval" : EvalCommand!;

    /// <summary>
    /// Called by MSBuild on another thread when the build is cancelled (Ctrl+C): a running evaluation is stopped with the
    /// processes it started, and the task returns false with ALN0205 instead of checking any results.
    /// </summary>
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    protected override void ExecuteCore()
    {
        if (!BuiltAssemblyCheck.Exists(AssemblyFile, ProjectFullPath ?? AssemblyFile, Reporter))
        {
            return;
        }

        var load = PolicyLoader.Load(PolicyFile);
        foreach (var diagnostic in load.Diagnostics)
        {
            Reporter.Report(diagnostic);
        }

        if (load.Policy is null || load.HasErrors)
        {
            return;
        }

        if (StoppedByCancellation("before the pack gate ran"))
        {
            return;
        }

        if ((RunEvals || load.Policy.Evals.RunOnPack) && load.Policy.Evals.Required.Count > 0 && !RunEvaluations())
        {
            return;
        }

        var accepted = EvaluationGate.Check(new EvaluationGateRequest
        {
            Policy = load.Policy,
            AssemblyFile = AssemblyFile,
            ResultsDirectory = ResultsDirectory,
            EvalCommand = EvalCommandOrDefault,
            NuGetPackageRoot = string.IsNullOrEmpty(NuGetPackageRoot) ? null : NuGetPackageRoot,
        }, Reporter);
        if (StoppedByCancellation("while the pack gate checked the evaluation results"))
        {
            return;
        }

        Reporter.Detail($"Pack gate: {accepted.Count} of {load.Policy.Evals.Required.Count} required evaluation(s) pass for this build.");
    }

    // Out of process: the harness loads the agent assembly and model SDKs, which must not load into MSBuild.
    private bool RunEvaluations()
    {
        var cli = string.IsNullOrEmpty(CliPath) ? "alignment-policy" : CliPath!;
        var arguments = $"eval \"{ProjectFullPath}\" --no-build -c \"{(string.IsNullOrEmpty(Configuration) ? "Debug" : Configuration)}\"";
        var start = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet", $"\"{cli}\" {arguments}")
            : new ProcessStartInfo(cli, arguments);
        start.WorkingDirectory = Path.GetDirectoryName(ProjectFullPath) ?? Environment.CurrentDirectory;
        // The child runs its own 'dotnet msbuild'; it must not inherit the paths of this build's SDK resolution.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
        {
            start.EnvironmentVariables.Remove(variable);
        }

        OutOfProcessRun run;
        try
        {
            Log.LogMessage(MessageImportance.High, $"AlignmentPolicy: running the evaluations ({cli} {arguments}).");
            run = OutOfProcessRun.Run(start, TimeSpan.FromSeconds(EvalTimeoutSeconds), _cancellation.Token);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Fail($"The evaluations cannot be run: '{cli}' could not be started ({e.Message}). Install the tool (dotnet tool install -g AlignmentPolicy.Cli) or set AlignmentPolicyCliPath.");
            return false;
        }

        // Ctrl+C in a terminal reaches the tool too, which may exit from it on its own: once the build is cancelled, that is the cancellation.
        switch (_cancellation.IsCancellationRequested ? RunEnd.Cancelled : run.End)
        {
            case RunEnd.Cancelled:
                Fail($"The build was cancelled while the evaluations were running ('{cli} {arguments}'): they were stopped, with every process they started, and no results were checked, so nothing is packed. Run '{EvalCommandOrDefault}' to completion, then pack.");
                return false;
            case RunEnd.TimedOut:
                Fail($"The evaluations did not finish within {EvalTimeoutSeconds} s ('{cli} {arguments}'); they were stopped, with every process they started. Raise AlignmentPolicyEvalTimeout or run them before packing.");
                return false;
        }

        Log.LogMessage(MessageImportance.Normal, run.Output);
        // 0 passed, 1 failed, 2 invalid/inconclusive or usage: the results files say which, and the gate reports it.
        if (run.ExitCode is < 0 or > 2)
        {
            Fail($"'{cli} {arguments}' exited with code {run.ExitCode}: {Tail(run.Output)}");
            return false;
        }

        return true;
    }

    // A cancelled build never passes the gate, even when the cancellation came after the evaluations or during the check.
    private bool StoppedByCancellation(string when)
    {
        if (!_cancellation.IsCancellationRequested)
        {
            return false;
        }

        Fail($"The build was cancelled {when}, so nothing is packed. Pack again to apply the gate.");
        return true;
    }

    private void Fail(string message)
        => Reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalRunFailed, BuildSeverity.Error, ProjectFullPath ?? "", 1, 1, 1, 1, message));

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : "..." + text.Substring(text.Length - 2000).Trim();
}
