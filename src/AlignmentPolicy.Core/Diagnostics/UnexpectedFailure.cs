using System;

namespace AlignmentPolicy.Core.Diagnostics;

/// <summary>
/// Turns an exception nobody anticipated into ALN0300: which tool part failed, at which step and on which file,
/// and the exception's own message (cut to one line), never a stack trace. The MSBuild tasks and the CLI verbs use it.
/// </summary>
public static class UnexpectedFailure
{
    /// <summary>
    /// Call from an exception filter (<c>catch (Exception e) when (UnexpectedFailure.Capture(out step))</c>): it runs before
    /// the steps inside the failing code are left, so it still sees the innermost one. Always true.
    /// </summary>
    public static bool Capture(out WorkStep.Frame? step)
    {
        step = WorkStep.Current;
        return true;
    }

    /// <summary>
    /// The diagnostic for <paramref name="exception"/> raised in <paramref name="component"/> ("ValidateDatasetProvenance",
    /// "alignment-policy check"), located at <paramref name="location"/> (the project; the step's file when empty).
    /// </summary>
    public static BuildDiagnostic Describe(string component, Exception exception, WorkStep.Frame? step, string location)
    {
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var where = step is null ? "" : $" while {step}";
        var file = location.Length > 0 ? location : step?.File ?? "";
        var message = $"{component} stopped{where}: {inner.GetType().Name}: {DisplayText.Of(inner.Message, 300)} "
            + "Nothing was checked past this point, so the result is an error rather than a pass. "
            + "If the file is in order and the failure repeats, rerun with -v:diag (or --verbose) and include the step above in a report.";
        return new BuildDiagnostic(BuildDiagnosticIds.InternalError, BuildSeverity.Error, file, 1, 1, 1, 1, message);
    }
}
