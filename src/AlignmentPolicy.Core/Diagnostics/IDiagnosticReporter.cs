namespace AlignmentPolicy.Core.Diagnostics;

/// <summary>
/// Where diagnostics go. The MSBuild task adapts it to <c>TaskLoggingHelper</c>, the CLI to the console;
/// everything else is the same code.
/// </summary>
public interface IDiagnosticReporter
{
    /// <summary>Reports a diagnostic.</summary>
    void Report(BuildDiagnostic diagnostic);

    /// <summary>A progress or detail message with no code (low importance in MSBuild, verbose in the CLI).</summary>
    void Detail(string message);
}
