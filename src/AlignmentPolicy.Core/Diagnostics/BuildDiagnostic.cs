using System.Globalization;

namespace AlignmentPolicy.Core.Diagnostics;

/// <summary>How serious a build diagnostic is.</summary>
public enum BuildSeverity
{
    /// <summary>A low-importance message.</summary>
    Info,
    /// <summary>A warning.</summary>
    Warning,
    /// <summary>An error: the build fails.</summary>
    Error,
}

/// <summary>
/// A problem found in one of our files (policy, provenance manifest, evaluation results), always with a
/// code, a file, a line and a column. The MSBuild task and the CLI format the same objects.
/// </summary>
public sealed class BuildDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    public BuildDiagnostic(BuildDiagnosticDescriptor descriptor, BuildSeverity severity, string file, int line, int column, int endLine, int endColumn, string message)
    {
        Descriptor = descriptor;
        Severity = severity;
        File = file;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        Message = message;
    }

    /// <summary>The rule this diagnostic belongs to.</summary>
    public BuildDiagnosticDescriptor Descriptor { get; }

    /// <summary>The code, such as ALN0303.</summary>
    public string Code => Descriptor.Id;

    /// <summary>Severity of this occurrence.</summary>
    public BuildSeverity Severity { get; }

    /// <summary>The file the diagnostic is about (full path).</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>1-based end line.</summary>
    public int EndLine { get; }

    /// <summary>1-based end column.</summary>
    public int EndColumn { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>The canonical MSBuild form: <c>file(line,col): error ALN0303: message</c>.</summary>
    public override string ToString()
    {
        var kind = Severity switch
        {
            BuildSeverity.Error => "error",
            BuildSeverity.Warning => "warning",
            _ => "info",
        };
        return string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}: {5}", File, Line, Column, kind, Code, Message);
    }
}
