namespace AlignmentPolicy.Cli.Reporting;

/// <summary>The report in the terminal: one line per project, the first next step of each, and the counts.</summary>
internal static class ReportConsoleWriter
{
    public static void Write(SolutionReport report, TextWriter output)
    {
        output.WriteLine($"{"project",-40} {"status",-14} {"gated",-6} {"documented",-11} {"evaluated",-10} next step");
        foreach (var project in report.Projects.OrderBy(p => p.Agent.IsAgent ? 0 : 1).ThenBy(p => p.RelativePath, StringComparer.Ordinal))
        {
            if (!project.Agent.IsAgent)
            {
                output.WriteLine($"{Trim(project.RelativePath, 40),-40} {"not an agent",-14} {project.Agent.Reason}");
                continue;
            }

            var status = project.Light switch
            {
                TrafficLight.Green => "ready",
                TrafficLight.Amber => "incomplete",
                _ => "ACTION NEEDED",
            };
            output.WriteLine($"{Trim(project.RelativePath, 40),-40} {status,-14} {YesNo(project.Gated),-6} {YesNo(project.Documented),-11} {YesNo(project.Evaluated),-10} {Describe(report, project.NextSteps.FirstOrDefault())}");
        }

        var agents = report.Agents.ToList();
        output.WriteLine($"{agents.Count} agent project(s) of {report.Projects.Count}: {agents.Count(p => p.Gated)} gated, {agents.Count(p => p.Documented)} documented, {agents.Count(p => p.Evaluated)} evaluated; "
            + $"{agents.Count(p => p.Light == TrafficLight.Green)} ready, {agents.Count(p => p.Light == TrafficLight.Amber)} incomplete, {agents.Count(p => p.Light == TrafficLight.Red)} need action.");
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Describe(SolutionReport report, NextStep? step)
        => step is null ? "" : step.Line > 0 && step.FullPath is { } path ? $"{step.Text} ({Path.GetRelativePath(report.Root, path).Replace('\\', '/')}:{step.Line})" : step.Text;

    private static string Trim(string text, int width) => text.Length <= width ? text : "…" + text[^(width - 1)..];
}
