using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AlignmentPolicy.CodeFixes.EvalEntryPoints;

/// <summary>
/// Writes the entry-point file from a plan. The only place that holds the entry point's text: the code fix and
/// <c>alignment-policy init --agent</c> both come here. The shape is the one DESIGN.md gives: the options outermost
/// (so the function invoker sees the scenario's recorded tools), then the agent's gates, then tool invocation.
/// </summary>
internal static class EntryPointWriter
{
    private const string Indent = "    ";

    public static string Write(EntryPointPlan plan, string className, string newLine)
    {
        var lines = new List<string>();
        var usings = new List<string>(plan.Usings);
        AddUsing(usings, "AlignmentPolicy.Gates");
        AddUsing(usings, "Microsoft.Extensions.AI");
        if (plan.ReturnsAgent)
        {
            AddUsing(usings, "Microsoft.Agents.AI");
        }

        // Where the IDE would sort them: plain usings with System first, then static ones, then aliases.
        var header = usings
            .OrderBy(u => u.StartsWith("using static ", StringComparison.Ordinal) ? 1 : u.Contains("=") ? 2 : 0)
            .ThenBy(u => u.StartsWith("using System;", StringComparison.Ordinal) || u.StartsWith("using System.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(u => u, StringComparer.Ordinal)
            .Concat(new[] { "" })
            .ToList();
        if (plan.Namespace is not null && plan.FileScopedNamespace)
        {
            header.Add($"namespace {plan.Namespace};");
            header.Add("");
        }

        lines.Add("/// <summary>");
        lines.Add("/// The evaluation entry point: the harness builds the agent here, around the model under evaluation, with the");
        lines.Add("/// agent's own prompt and gates and the scenario's recorded tools (they record every action and never touch the world).");
        lines.Add(plan.IsTemplate
            ? "/// A template: give it the agent's real prompt and gates where the comments say."
            : $"/// Copied from the pipeline in {Escape(plan.Source ?? "the project")}: keep the two in step.");
        lines.Add("/// </summary>");
        lines.Add($"internal static class {className}");
        lines.Add("{");
        const string member = Indent;
        foreach (var note in plan.Notes)
        {
            lines.Add(member + "// " + SingleLine(note));
        }

        lines.Add(member + "[AlignmentEvalEntryPoint]");
        lines.Add(member + $"public static {(plan.ReturnsAgent ? "AIAgent" : "IChatClient")} BuildForEvaluation(IChatClient model, EvalEnvironment environment)");
        var body = member + Indent;
        var tools = plan.CollectionExpressions ? "[.. environment.Tools]" : "new global::System.Collections.Generic.List<AITool>(environment.Tools)";
        if (plan.ReturnsAgent)
        {
            WriteAgent(lines, plan, body, tools);
        }
        else
        {
            lines.Add(body + "=> model.AsBuilder()");
            var step = body + Indent;
            lines.Add(step + "// Outermost, so the function invoker sees the scenario's tools.");
            lines.Add(step + ".ConfigureOptions(o =>");
            lines.Add(step + "{");
            lines.Add(step + Indent + (plan.Instructions is { } instructions ? $"o.Instructions = {Reindent(instructions, step + Indent)};" : "// o.Instructions = ...;  // TODO: the agent's real system prompt"));
            lines.Add(step + Indent + $"o.Tools = {tools};");
            lines.Add(step + "})");
            if (plan.IsTemplate)
            {
                lines.Add(step + "// .UsePolicyGate(options => options.ApprovalService = environment.Approvals)  // TODO: the agent's real gates");
            }

            WriteSteps(lines, plan.ClientSteps, step);
            lines.Add(step + ".Build();");
        }

        lines.Add("}");
        lines = lines.SelectMany(l => l.Split('\n')).ToList();
        if (plan.Namespace is not null && !plan.FileScopedNamespace)
        {
            lines = lines.Select(l => l.Length == 0 ? l : Indent + l).ToList();
            lines.Insert(0, "{");
            lines.Insert(0, $"namespace {plan.Namespace}");
            lines.Add("}");
        }

        return string.Join(newLine, header.Concat(lines)) + newLine;
    }

    private static void WriteAgent(List<string> lines, EntryPointPlan plan, string body, string tools)
    {
        lines.Add(body + "=> new ChatClientAgent(");
        var argument = body + Indent + Indent;
        var arguments = new List<string>();
        if (plan.ClientSteps.Count == 0)
        {
            arguments.Add("model");
        }
        else
        {
            var client = new List<string> { "model.AsBuilder()" };
            WriteSteps(client, plan.ClientSteps, argument + Indent);
            client.Add(argument + Indent + ".Build()");
            arguments.Add(string.Join("\n", client));
        }

        arguments.Add(plan.Instructions is { } instructions ? "instructions: " + Reindent(instructions, argument) : "instructions: null /* TODO: the agent's real instructions */");
        arguments.AddRange(plan.AgentArguments.Select(a => Reindent(a, argument)));
        arguments.Add("tools: " + tools);
        for (var i = 0; i < arguments.Count; i++)
        {
            var text = argument + arguments[i] + (i == arguments.Count - 1 ? ")" : ",");
            lines.AddRange(text.Split('\n'));
        }

        if (plan.AgentSteps.Count == 0)
        {
            lines[lines.Count - 1] += ";";
            return;
        }

        var step = body + Indent;
        lines.Add(step + ".AsBuilder()");
        WriteSteps(lines, plan.AgentSteps, step);
        lines.Add(step + ".Build();");
    }

    private static void WriteSteps(List<string> lines, List<string> steps, string indent)
    {
        foreach (var step in steps)
        {
            lines.AddRange((indent + Reindent(step, indent)).Split('\n'));
        }
    }

    /// <summary>Copied text keeps its shape: lines after the first move so that the least indented sits at <paramref name="indent"/>.</summary>
    internal static string Reindent(string text, string indent)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 1)
        {
            return text;
        }

        var rest = lines.Skip(1).Where(l => l.Trim().Length > 0).ToList();
        var common = rest.Count == 0 ? 0 : rest.Min(l => l.Length - l.TrimStart(' ', '\t').Length);
        var builder = new StringBuilder(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            builder.Append('\n');
            if (line.Trim().Length > 0)
            {
                builder.Append(indent).Append(line.Substring(Math.Min(common, line.Length)).TrimEnd());
            }
        }

        return builder.ToString();
    }

    private static void AddUsing(List<string> usings, string name)
    {
        if (!usings.Any(u => u.Replace(" ", "") == $"using{name};"))
        {
            usings.Add($"using {name};");
        }
    }

    /// <summary>A note or a path becomes one comment line, whatever line breaks it held (C# ends lines at U+0085, U+2028, U+2029 too).</summary>
    internal static string SingleLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' || char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    private static string Escape(string text) => SingleLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
