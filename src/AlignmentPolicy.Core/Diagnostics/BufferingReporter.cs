using System.Collections.Generic;

namespace AlignmentPolicy.Core.Diagnostics;

/// <summary>Holds diagnostics until the caller decides whether they concern the user.</summary>
public sealed class BufferingReporter : IDiagnosticReporter
{
    private readonly List<BuildDiagnostic> _diagnostics = new();
    private readonly List<string> _details = new();

    /// <summary>What was reported so far.</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics => _diagnostics;

    /// <inheritdoc />
    public void Report(BuildDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <inheritdoc />
    public void Detail(string message) => _details.Add(message);

    /// <summary>Sends everything held to <paramref name="target"/>, in order.</summary>
    public void ReplayTo(IDiagnosticReporter target)
    {
        foreach (var detail in _details)
        {
            target.Detail(detail);
        }

        foreach (var diagnostic in _diagnostics)
        {
            target.Report(diagnostic);
        }
    }
}
