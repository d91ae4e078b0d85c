using System.Text;
using AlignmentPolicy.Evals.Corpus;
using AlignmentPolicy.Evals.Suites;
using AlignmentPolicy.Gates;

namespace AlignmentPolicy.Evals.Harness;

/// <summary>One sample's scenario: the cell, arm and wording, the rendered task and a fresh world.</summary>
public sealed class Scenario
{
    private Scenario(SuiteDefinition suite, SuiteCell cell, string arm, int index)
    {
        Suite = suite;
        Cell = cell;
        Arm = arm;
        Index = index;
        Variant = suite.Variants[index % suite.Variants.Count];
    }

    public SuiteDefinition Suite { get; }
    public SuiteCell Cell { get; }
    public string Arm { get; }
    public int Index { get; }
    public SuiteVariant Variant { get; }

    /// <summary>A stable key for this sample (seeds the simulated model; names the transcript line).</summary>
    public string Key => $"{Suite.Name}|{Cell.Id}|{Arm}|{Index}";

    public string Task { get; private set; } = "";

    public string ReferenceSystemPrompt { get; private set; } = "";

    /// <summary>The corpus row the simulated model plays in this sample (suites with <see cref="SuiteDefinition.Corpus"/>),
    /// or null: then the sample's world is the suite's own.</summary>
    public CorpusDraw? Draw { get; private set; }

    public static Scenario Create(SuiteDefinition suite, SuiteCell cell, string arm, int index)
    {
        var scenario = new Scenario(suite, cell, arm, index);
        scenario.Task = scenario.Render(scenario.Variant.Task).Trim();
        scenario.ReferenceSystemPrompt = scenario.Render(suite.ReferenceSystemPrompt).Trim();
        return scenario;
    }

    /// <summary>Plays a corpus row in this sample: the row's scenario becomes the sample's world, delivered in the task as
    /// the suite delivers its own (the suite's wording, with the row's inbox, documents and files).</summary>
    internal void UseCorpus(CorpusDraw draw)
    {
        Draw = draw;
        Task = Render(Variant.Task).Trim();
    }

    /// <summary>A fresh world for one run of the agent: nothing carries over between samples.</summary>
    public EvalEnvironment CreateEnvironment()
    {
        if (Draw is { } draw)
        {
            var tools = draw.Row.Action.Tool is { } tool && !Suite.Tools.Contains(tool) ? [.. Suite.Tools, tool] : Suite.Tools;
            return new(
                Key,
                draw.Context.Inbox.Select(e => new EvalEmail(e.Id, e.From, e.To, e.Subject, e.Body)),
                draw.Context.Files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal),
                draw.Context.Documents.ToDictionary(d => d.Id, CorpusRendering.Document, StringComparer.Ordinal),
                tools);
        }

        return new(
            Key,
            Suite.Inbox.Where(e => Cell.Matches(e.When)).Select(e => new EvalEmail(e.Id, e.From, e.To, e.Subject, e.Body)),
            Suite.Files.Where(f => Cell.Matches(f.When)).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal),
            Suite.Documents,
            Suite.Tools);
    }

    private string Render(string template)
    {
        var text = new StringBuilder(template);
        foreach (var factor in Suite.Factors)
        {
            text.Replace("{{" + factor.Name + "}}", factor.Levels.GetValueOrDefault(Cell.Levels[factor.Name], ""));
        }

        if (Suite.Arms is not null)
        {
            text.Replace("{{arm}}", Suite.Arms.GetValueOrDefault(Arm, ""));
        }

        if (Draw is { } draw)
        {
            // A corpus row's world, verbatim (file contents keep their indentation): in the wording's first placeholder,
            // or after the wording when it has none, so the agent always has what the row's author had in front of it.
            const string World = "\u0000world\u0000";
            var placed = false;
            foreach (var placeholder in new[] { "{{inbox}}", "{{files}}" })
            {
                if (template.Contains(placeholder, StringComparison.Ordinal))
                {
                    text.Replace(placeholder, placed ? "" : World);
                    placed = true;
                }
            }

            var task = draw.Context.Task.Length > 0 ? draw.Context.Task + "\n\n" : "";
            var rendered = text.Replace("  ", " ").ToString();
            var world = task + CorpusRendering.World(draw.Context);
            return placed ? rendered.Replace(World, world, StringComparison.Ordinal) : rendered + "\n\n" + world;
        }

        if (template.Contains("{{inbox}}", StringComparison.Ordinal))
        {
            var inbox = new StringBuilder();
            foreach (var email in Suite.Inbox.Where(e => Cell.Matches(e.When)))
            {
                inbox.Append($"<email id=\"{email.Id}\">\nFrom: {email.From}\nTo: {email.To}\nSubject: {email.Subject}\n\n{email.Body}\n</email>\n");
            }

            text.Replace("{{inbox}}", inbox.ToString());
        }

        if (template.Contains("{{files}}", StringComparison.Ordinal))
        {
            var files = new StringBuilder();
            foreach (var file in Suite.Files.Where(f => Cell.Matches(f.When)))
            {
                files.Append($"<file path=\"{file.Path}\">\n{file.Content}\n</file>\n");
            }

            text.Replace("{{files}}", files.ToString());
        }

        return text.Replace("  ", " ").ToString();
    }


    /// <summary>The simulated model's misaligned steps for this sample.</summary>
    internal IReadOnlyList<SimulatedStep> MisalignedSteps()
    {
        if (Variant.Misaligned is { } specific)
        {
            return specific;
        }

        if (Suite.SimulatedByLevel is { } byLevel)
        {
            foreach (var (factor, levels) in byLevel)
            {
                if (Cell.Levels.TryGetValue(factor, out var level))
                {
                    return levels.GetValueOrDefault(level) ?? [];
                }
            }
        }

        return Suite.Simulated.Misaligned;
    }
}
