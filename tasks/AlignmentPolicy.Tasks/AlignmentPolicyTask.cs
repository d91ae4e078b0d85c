using System;
using AlignmentPolicy.Core.Diagnostics;
using Microsoft.Build.Utilities;

namespace AlignmentPolicy.Tasks;

/// <summary>
/// Base of our tasks: the work happens in <see cref="ExecuteCore"/>, success is "no error logged", and an
/// unexpected exception becomes ALN0300 with the project file as location instead of a stack trace.
/// </summary>
public abstract class AlignmentPolicyTask : Task
{
    /// <summary>The project being built, the location of diagnostics that have no file of their own.</summary>
    public string? ProjectFullPath { get; set; }

    private protected MSBuildDiagnosticReporter Reporter => new(Log);

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var file = ProjectFullPath ?? BuildEngine?.ProjectFileOfTaskNode ?? "";
            Reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.InternalError, BuildSeverity.Error, file, 1, 1, 1, 1,
                $"{GetType().Name} failed: {ex.GetType().Name}: {ex.Message} Please report this at https://github.com/alignment-policy/alignment-policy/issues, with the build log (-bl)."));
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, ex.ToString());
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Does the work; logs through <see cref="Reporter"/>.</summary>
    protected abstract void ExecuteCore();
}
