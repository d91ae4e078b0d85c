using System.Diagnostics;
using AlignmentPolicy.Core.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AlignmentPolicy.Tasks;

/// <summary>Sends Core diagnostics to MSBuild with their code, file, line, column and help link.</summary>
internal sealed class MSBuildDiagnosticReporter : IDiagnosticReporter
{
    private const string Subcategory = "AlignmentPolicy";
    private readonly TaskLoggingHelper _log;

    public MSBuildDiagnosticReporter(TaskLoggingHelper log) => _log = log;

    public void Report(BuildDiagnostic d)
    {
        Debug.Assert(!string.IsNullOrEmpty(d.Code), "Every AlignmentPolicy diagnostic has a code.");
        switch (d.Severity)
        {
            case BuildSeverity.Error:
                _log.LogError(Subcategory, d.Code, d.Code, d.Descriptor.HelpLink, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
                break;
            case BuildSeverity.Warning:
                _log.LogWarning(Subcategory, d.Code, d.Code, d.Descriptor.HelpLink, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
                break;
            default:
                _log.LogMessage(Subcategory, d.Code, d.Code, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, MessageImportance.Low, d.Message);
                break;
        }
    }

    public void Detail(string message) => _log.LogMessage(MessageImportance.Low, message);

    // TaskLoggingHelper formats the message only when arguments are passed, and none are: braces in
    // messages ("{ ... }") are printed as written.
}
