using System;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy.Inheritance;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AlignmentPolicy.Tasks;

/// <summary>
/// Base of our tasks: the work happens in <see cref="ExecuteCore"/>, success is "no error logged", and an
/// unexpected exception becomes ALN0300 that names the task, the step it was in and the file concerned (the
/// innermost <see cref="WorkStep"/>), instead of a stack trace; the trace goes to the diagnostic log only.
/// Derived tasks need no exception handling of their own.
/// </summary>
public abstract class AlignmentPolicyTask : Task
{
    /// <summary>The project being built, the location of diagnostics that have no file of their own.</summary>
    public string? ProjectFullPath { get; set; }

    /// <summary>
    /// The organisation policy packages the project restores (<c>@(AlignmentPolicyBase)</c>, added by their props): the
    /// only places a policy's <c>extends</c> is looked for during the build, so every task reads the same effective policy.
    /// </summary>
    public ITaskItem[]? PolicyBases { get; set; }

    private protected MSBuildDiagnosticReporter Reporter => new(Log);

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        var project = ProjectFullPath ?? BuildEngine?.ProjectFileOfTaskNode ?? "";
        try
        {
            using (WorkStep.Begin("working on the project", project))
            using (PolicyBaseSources.Use(new RestoredPackageBaseSource(PolicyBaseItems.Read(PolicyBases))))
            {
                ExecuteCore();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && UnexpectedFailure.Capture(out var step))
        {
            Reporter.Report(UnexpectedFailure.Describe(GetType().Name, ex, step, project));
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, ex.ToString());
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Does the work; logs through <see cref="Reporter"/>.</summary>
    protected abstract void ExecuteCore();
}
