using Microsoft.Build.Framework;
using Microsoft.Build.Logging.StructuredLogger;

namespace AlignmentPolicy.EndToEnd.Tests.Infrastructure;

/// <summary>What a build reported, read from its binary log rather than from console text.</summary>
internal sealed class BuildResult
{
    private BuildResult(ProcessResult process)
    {
        ExitCode = process.ExitCode;
        Output = process.Output;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public List<string> CompilerCommandLines { get; } = [];

    public List<string> SkippedTargets { get; } = [];

    public List<string> ExecutedTasks { get; } = [];

    public bool Succeeded => ExitCode == 0;

    public IEnumerable<BuildErrorEventArgs> AlignmentErrors => Errors.Where(e => e.Code?.StartsWith("ALN", StringComparison.Ordinal) == true);

    public override string ToString() => Output;

    public static BuildResult Read(ProcessResult process, string binlog)
    {
        var result = new BuildResult(process);
        if (!File.Exists(binlog))
        {
            return result;
        }

        var reader = new BinLogReader();
        foreach (var record in reader.ReadRecords(binlog))
        {
            switch (record.Args)
            {
                case BuildErrorEventArgs error:
                    result.Errors.Add(error);
                    break;
                case BuildWarningEventArgs warning:
                    result.Warnings.Add(warning);
                    break;
                case TaskCommandLineEventArgs commandLine when commandLine.TaskName == "Csc":
                    result.CompilerCommandLines.Add(commandLine.CommandLine);
                    break;
                case TargetSkippedEventArgs skipped:
                    result.SkippedTargets.Add(skipped.TargetName);
                    break;
                case BuildMessageEventArgs message:
                    result.Messages.Add(message);
                    break;
                case TaskStartedEventArgs task:
                    result.ExecutedTasks.Add(task.TaskName);
                    break;
            }
        }

        return result;
    }
}
