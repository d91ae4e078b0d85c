using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Cli;

/// <summary>Prints Core diagnostics in the canonical MSBuild form, <c>file(line,col): error ALN0301: message</c>.</summary>
internal sealed class ConsoleDiagnosticReporter : IDiagnosticReporter
{
    private readonly TextWriter _output;
    private readonly bool _verbose;

    public ConsoleDiagnosticReporter(TextWriter output, bool verbose)
    {
        _output = output;
        _verbose = verbose;
    }

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public void Report(BuildDiagnostic diagnostic)
    {
        switch (diagnostic.Severity)
        {
            case BuildSeverity.Error:
                Errors++;
                break;
            case BuildSeverity.Warning:
                Warnings++;
                break;
            default:
                if (!_verbose)
                {
                    return;
                }

                break;
        }

        _output.WriteLine(diagnostic.ToString());
    }

    public void Detail(string message)
    {
        if (_verbose)
        {
            _output.WriteLine(message);
        }
    }
}
