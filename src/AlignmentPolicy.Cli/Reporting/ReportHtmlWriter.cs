using System.Globalization;
using System.Net;
using System.Text;
using AlignmentPolicy.Cli.Scanning;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>
/// The report as one self-contained HTML page (inline CSS, no scripts, no external resources): a summary a manager
/// reads (counts, a traffic light per agent project) above the details an engineer acts on (calls and tools with
/// their gate status, file:line links, rule ids linking to their pages, provenance, evaluations, next steps).
/// </summary>
internal sealed class ReportHtmlWriter
{
    private readonly SolutionReport _report;
    private readonly string _htmlDirectory;
    private readonly DocsLocation _docs;
    private readonly StringBuilder _html = new();

    private ReportHtmlWriter(SolutionReport report, string htmlPath, DocsLocation docs)
    {
        _report = report;
        _htmlDirectory = Path.GetDirectoryName(Path.GetFullPath(htmlPath))!;
        _docs = docs;
    }

    public static string Render(SolutionReport report, string htmlPath, DocsLocation docs)
    {
        var writer = new ReportHtmlWriter(report, htmlPath, docs);
        writer.Page();
        return writer._html.ToString();
    }

    private void Page()
    {
        var agents = _report.Agents.ToList();
        _html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Alignment report: ").Append(E(_report.Target)).Append("</title><style>").Append(ReportStyles.Css).Append("</style></head><body>\n");
        _html.Append("<header class=\"masthead\"><div class=\"wrap\"><p class=\"eyebrow\">alignment-policy report</p><h1>")
            .Append(E(_report.Target)).Append("</h1><p class=\"meta\">")
            .Append(E($"{_report.Projects.Count} projects, {agents.Count} agent projects · configuration {_report.Configuration} · generated {_report.GeneratedUtc} · alignment-policy {_report.ToolVersion}"))
            .Append("</p></div></header>\n<main class=\"wrap\">\n");
        Summary(agents);
        Policies();
        _html.Append("<section id=\"agents\" aria-labelledby=\"agents-title\"><h2 id=\"agents-title\">Agent projects</h2>");
        if (agents.Count == 0)
        {
            _html.Append("<p class=\"empty\">No agent projects: no project references a model SDK or sets IsAgentProject=true.</p>");
        }

        foreach (var project in agents.OrderByDescending(p => p.Light).ThenBy(p => p.RelativePath, StringComparer.Ordinal))
        {
            Project(project);
        }

        _html.Append("</section>\n");
        Others();
        Legend();
        _html.Append("</main></body></html>\n");
    }

    private void Summary(List<ProjectReport> agents)
    {
        var red = agents.Count(p => p.Light == TrafficLight.Red);
        var amber = agents.Count(p => p.Light == TrafficLight.Amber);
        var green = agents.Count(p => p.Light == TrafficLight.Green);
        _html.Append("<section id=\"summary\" aria-labelledby=\"summary-title\"><h2 id=\"summary-title\">Summary</h2>");
        _html.Append("<p class=\"headline\">").Append(E(Headline(agents.Count, red, amber, green))).Append("</p>");
        _html.Append("<div class=\"cards\">");
        Card("Agent projects", agents.Count, _report.Projects.Count, $"of {_report.Projects.Count} projects", "agents");
        Card("Gated", agents.Count(p => p.Gated), agents.Count, "every model call and tool goes through a policy gate", "gated");
        Card("Documented", agents.Count(p => p.Documented), agents.Count, "a valid dataset provenance manifest", "documented");
        Card("Evaluated", agents.Count(p => p.Evaluated), agents.Count, "required evaluations pass on this build", "evaluated");
        _html.Append("</div>");
        if (agents.Count > 0)
        {
            _html.Append("<table class=\"overview\"><caption>Status per agent project</caption><thead><tr><th scope=\"col\">Project</th><th scope=\"col\">Status</th>")
                .Append("<th scope=\"col\">Gated</th><th scope=\"col\">Documented</th><th scope=\"col\">Evaluated</th><th scope=\"col\">Next step</th></tr></thead><tbody>");
            foreach (var project in agents.OrderByDescending(p => p.Light).ThenBy(p => p.RelativePath, StringComparer.Ordinal))
            {
                _html.Append("<tr><th scope=\"row\"><a href=\"#").Append(E(project.Anchor)).Append("\">").Append(E(project.Name)).Append("</a><span class=\"path\">")
                    .Append(E(project.RelativePath)).Append("</span></th><td>").Append(Light(project.Light)).Append("</td><td>")
                    .Append(Check(project.Gated, GatedNote(project))).Append("</td><td>")
                    .Append(Check(project.Documented, DocumentedNote(project))).Append("</td><td>")
                    .Append(Check(project.Evaluated, EvaluatedNote(project))).Append("</td><td class=\"next\">")
                    .Append(project.NextSteps.Count == 0 ? "<span class=\"muted\">Nothing to do</span>" : E(project.NextSteps[0].Text) + (project.NextSteps.Count > 1 ? $" <span class=\"muted\">(+{project.NextSteps.Count - 1} more)</span>" : ""))
                    .Append("</td></tr>");
            }

            _html.Append("</tbody></table>");
        }

        _html.Append("</section>\n");
    }

    private static string Headline(int agents, int red, int amber, int green)
    {
        if (agents == 0)
        {
            return "No agent projects found.";
        }

        if (red == 0 && amber == 0)
        {
            return $"All {agents} agent projects are gated, documented and evaluated on their current build.";
        }

        var parts = new List<string>();
        if (red > 0)
        {
            parts.Add($"{red} need action now");
        }

        if (amber > 0)
        {
            parts.Add($"{amber} {(amber == 1 ? "is" : "are")} incomplete");
        }

        if (green > 0)
        {
            parts.Add($"{green} {(green == 1 ? "is" : "are")} ready");
        }

        return $"Of {agents} agent project{(agents == 1 ? "" : "s")}, " + string.Join(", ", parts) + ".";
    }

    private void Card(string title, int count, int total, string note, string kind)
    {
        var share = total == 0 ? 0 : (int)Math.Round(100.0 * count / total);
        _html.Append("<div class=\"card ").Append(kind).Append("\"><p class=\"card-title\">").Append(E(title)).Append("</p><p class=\"figure\">").Append(count)
            .Append(kind == "agents" ? "" : $"<span class=\"of\">/ {total}</span>").Append("</p>");
        if (kind != "agents")
        {
            _html.Append("<div class=\"bar\" role=\"img\" aria-label=\"").Append(share).Append("%\"><span style=\"width:").Append(share).Append("%\"></span></div>");
        }

        _html.Append("<p class=\"note\">").Append(E(note)).Append("</p></div>");
    }

    private void Policies()
    {
        _html.Append("<section id=\"policy\" aria-labelledby=\"policy-title\"><h2 id=\"policy-title\">Policy</h2><ul class=\"plain\">");
        foreach (var policy in _report.Policies)
        {
            _html.Append("<li>");
            if (policy.Path is null)
            {
                _html.Append("No <code>alignment-policy.json</code> found: the built-in defaults apply. Run <code>alignment-policy init</code> at the repository root.");
            }
            else
            {
                _html.Append(FileLink(policy.Path, 0)).Append(policy.HasErrors ? " " + Pill("invalid", "red") : " " + Pill("valid", "green"));
                if (policy.Sha256 is { } sha)
                {
                    _html.Append(" <span class=\"muted mono\">sha256 ").Append(E(sha[..Math.Min(12, sha.Length)])).Append("…</span>");
                }
            }

            Diagnostics(policy.Diagnostics);
            _html.Append("</li>");
        }

        _html.Append("</ul>");
        foreach (var failure in _report.AnalyzerFailures)
        {
            _html.Append("<p class=\"warning\">Analyzer failure (findings may be missing): ").Append(E(failure)).Append("</p>");
        }

        _html.Append("</section>\n");
    }

    private void Project(ProjectReport project)
    {
        _html.Append("<article class=\"project ").Append(LightClass(project.Light)).Append("\" id=\"").Append(E(project.Anchor)).Append("\"><header><h3>").Append(E(project.Name)).Append("</h3>")
            .Append(Light(project.Light)).Append("</header><dl class=\"facts\"><dt>Project</dt><dd>").Append(FileLink(project.FullPath, 0))
            .Append("</dd><dt>Agent project</dt><dd>yes: ").Append(E(project.Agent.Reason)).Append("</dd></dl>");

        _html.Append("<h4>Model calls and tools</h4>");
        var items = project.ModelCalls.Concat(project.Tools).ToList();
        if (items.Count == 0)
        {
            _html.Append("<p class=\"muted\">No model calls or tools found in the sources.</p>");
        }
        else
        {
            _html.Append("<table><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Call or tool</th><th scope=\"col\">Where</th><th scope=\"col\">Gate</th><th scope=\"col\">Analyzer</th></tr></thead><tbody>");
            foreach (var item in items)
            {
                _html.Append("<tr><td>").Append(E(item.Kind)).Append("</td><td class=\"mono\">").Append(E(item.Name)).Append("</td><td>").Append(FileLink(item.FullPath, item.Line))
                    .Append("</td><td>").Append(GatePill(item.Status)).Append("</td><td>").Append(item.RuleId is null ? "" : RuleLink(item.RuleId) + " ").Append(E(item.Detail)).Append("</td></tr>");
            }

            _html.Append("</tbody></table>");
        }

        // Findings shown against a call or tool above are not repeated.
        var others = project.Findings.Where(f => !items.Any(i => i.RuleId == f.RuleId && i.FullPath == f.FullPath && i.Detail == f.Message)).ToList();
        if (others.Count > 0)
        {
            _html.Append("<h4>Other analyzer findings</h4><table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Level</th><th scope=\"col\">Where</th><th scope=\"col\">Message</th></tr></thead><tbody>");
            foreach (var finding in others)
            {
                _html.Append("<tr><td>").Append(RuleLink(finding.RuleId)).Append("</td><td>").Append(Pill(finding.SeverityText, finding.IsWarningOrError ? "red" : "grey")).Append("</td><td>")
                    .Append(FileLink(finding.FullPath, finding.StartLine)).Append("</td><td>").Append(E(finding.Message)).Append("</td></tr>");
            }

            _html.Append("</tbody></table>");
        }

        Provenance(project.Provenance);
        Evaluations(project.Evaluations);
        _html.Append("<h4>Next steps</h4>");
        if (project.NextSteps.Count == 0)
        {
            _html.Append("<p class=\"muted\">Nothing to do: gated, documented and evaluated on this build.</p>");
        }
        else
        {
            _html.Append("<ol class=\"steps\">");
            foreach (var step in project.NextSteps)
            {
                _html.Append("<li>").Append(E(step.Text));
                if (step.RuleId is { } rule)
                {
                    _html.Append(" ").Append(RuleLink(rule));
                }

                if (step.FullPath is { } path && File.Exists(path))
                {
                    _html.Append(" ").Append(FileLink(path, step.Line));
                }

                if (step.Command is { } command)
                {
                    _html.Append("<pre><code>").Append(E(command)).Append("</code></pre>");
                }

                _html.Append("</li>");
            }

            _html.Append("</ol>");
        }

        _html.Append("</article>\n");
    }

    private void Provenance(ProvenanceStatus? provenance)
    {
        _html.Append("<h4>Dataset provenance</h4>");
        if (provenance is null)
        {
            _html.Append("<p class=\"muted\">Not checked.</p>");
            return;
        }

        _html.Append("<p>");
        if (!provenance.Present)
        {
            _html.Append(Pill("missing", provenance.Required ? "red" : "amber")).Append(" No <code>").Append(E(Path.GetFileName(provenance.ManifestPath))).Append("</code> beside the project")
                .Append(provenance.Required ? " (the policy requires one)." : " (the policy does not require one).");
        }
        else
        {
            _html.Append(provenance.HasErrors ? Pill("invalid", "red") : Pill("valid", "green")).Append(' ').Append(FileLink(provenance.ManifestPath, 0))
                .Append(E($" declares {provenance.Datasets} dataset{(provenance.Datasets == 1 ? "" : "s")}."));
        }

        _html.Append("</p>");
        Diagnostics(provenance.Diagnostics);
    }

    private void Evaluations(EvaluationStatus? evaluations)
    {
        _html.Append("<h4>Evaluations</h4>");
        if (evaluations is null)
        {
            _html.Append("<p class=\"muted\">Not checked (the project has no project file, or its policy has errors).</p>");
            return;
        }

        _html.Append("<p>");
        if (evaluations.Built)
        {
            _html.Append("Current build: ").Append(FileLink(evaluations.AssemblyPath!, 0)).Append(" <span class=\"muted mono\">sha256 ")
                .Append(E(evaluations.AssemblySha256![..12])).Append("…</span>");
        }
        else
        {
            _html.Append(Pill("not built", "amber")).Append(' ').Append(E(evaluations.BuildProblem ?? ""));
        }

        _html.Append("</p>");
        if (evaluations.Suites.Count == 0)
        {
            _html.Append("<p class=\"muted\">The policy requires no evaluations.</p>");
            return;
        }

        _html.Append("<table><thead><tr><th scope=\"col\">Suite</th><th scope=\"col\">Verdict</th><th scope=\"col\">Deciding cell</th><th scope=\"col\" class=\"num\">Rate</th>")
            .Append("<th scope=\"col\">95% interval</th><th scope=\"col\" class=\"num\">Bound / limit</th><th scope=\"col\">This build?</th></tr></thead><tbody>");
        foreach (var suite in evaluations.Suites)
        {
            _html.Append("<tr><td class=\"mono\">").Append(suite.ResultsPath.Length > 0 && File.Exists(suite.ResultsPath) ? Link(Relative(suite.ResultsPath), suite.Suite) : E(suite.Suite)).Append("</td><td>")
                .Append(suite.Verdict is null ? Pill("no results", "amber") : Pill(suite.Verdict, VerdictColour(suite.Verdict))).Append("</td>");
            if (suite.Worst is { } cell)
            {
                _html.Append("<td class=\"mono\">").Append(E(cell.Id)).Append(E($" ({cell.Events}/{cell.N})")).Append("</td><td class=\"num\">").Append(F(cell.Rate))
                    .Append("</td><td class=\"mono\">[").Append(F(cell.IntervalLow)).Append(", ").Append(F(cell.IntervalHigh)).Append("]</td><td class=\"num\">")
                    .Append(F(cell.Bound)).Append(" / ").Append(F(suite.Threshold ?? cell.Threshold)).Append("</td>");
            }
            else
            {
                _html.Append("<td></td><td></td><td></td><td class=\"num\">").Append(suite.Threshold is { } t ? E($"— / {F(t)}") : "").Append("</td>");
            }

            _html.Append("<td>").Append(FreshnessText(suite)).Append("</td></tr>");
        }

        _html.Append("</tbody></table>");
        var models = evaluations.Suites.Select(s => s.Model).OfType<string>().Distinct().ToList();
        if (models.Count > 0)
        {
            _html.Append("<p class=\"muted\">Model: ").Append(E(string.Join(", ", models)))
                .Append(models.Contains("simulated") ? " (the simulated model tests the harness and the gates, not a real model)." : ".").Append("</p>");
        }
    }

    private string FreshnessText(SuiteStatus suite) => suite.Freshness switch
    {
        Freshness.Fresh => Pill("fresh", "green") + " <span class=\"muted\">same assembly, policy and suite</span>",
        Freshness.Stale => Pill("stale", "amber") + " " + E(string.Join("; ", suite.StaleBecause)),
        Freshness.Unknown => Pill("unknown", "amber") + " <span class=\"muted\">no build to compare with</span>",
        Freshness.Unreadable => Pill("unreadable", "red") + " " + E(Path.GetFileName(suite.ResultsPath)),
        _ => Pill("missing", "amber") + " <span class=\"muted\">run alignment-policy eval</span>",
    };

    private void Others()
    {
        var others = _report.Projects.Where(p => !p.Agent.IsAgent).ToList();
        _html.Append("<section id=\"other-projects\" aria-labelledby=\"other-title\"><h2 id=\"other-title\">Other projects</h2>");
        if (others.Count == 0)
        {
            _html.Append("<p class=\"muted\">Every project is an agent project.</p>");
        }
        else
        {
            _html.Append("<table><thead><tr><th scope=\"col\">Project</th><th scope=\"col\">Why it is not an agent project</th><th scope=\"col\" class=\"num\">Findings</th></tr></thead><tbody>");
            foreach (var project in others)
            {
                _html.Append("<tr id=\"").Append(E(project.Anchor)).Append("\"><td>").Append(FileLink(project.FullPath, 0)).Append("</td><td>").Append(E(project.Agent.Reason))
                    .Append("</td><td class=\"num\">").Append(project.Findings.Count).Append("</td></tr>");
            }

            _html.Append("</tbody></table>");
        }

        _html.Append("</section>\n");
    }

    private void Legend()
    {
        _html.Append("<footer class=\"legend\"><h2>How to read this report</h2><ul class=\"plain\">")
            .Append("<li>").Append(Light(TrafficLight.Green)).Append(" gated (no analyzer finding on its calls and tools), documented (a valid provenance manifest) and evaluated (every required suite passes, bound to this build's assembly, policy and suite).</li>")
            .Append("<li>").Append(Light(TrafficLight.Amber)).Append(" nothing is known to be wrong, but something is missing or out of date: results absent or stale, no build, no manifest.</li>")
            .Append("<li>").Append(Light(TrafficLight.Red)).Append(" an ungated call or tool, an invalid manifest or policy, or a failing evaluation.</li>")
            .Append("<li>Guides: ").Append(DocLink("policy.md", "the policy")).Append(", ").Append(DocLink("gates.md", "gates")).Append(", ")
            .Append(DocLink("provenance.md", "provenance")).Append(", ").Append(DocLink("attestation.md", "the pack gate and attestations")).Append(", ")
            .Append(DocLink("report.md", "this report")).Append(".</li></ul></footer>");
    }

    private void Diagnostics(IReadOnlyList<BuildDiagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        _html.Append("<ul class=\"diagnostics\">");
        foreach (var diagnostic in diagnostics)
        {
            _html.Append("<li>").Append(RuleLink(diagnostic.Code)).Append(' ').Append(Pill(diagnostic.Severity.ToString().ToLowerInvariant(), diagnostic.Severity == BuildSeverity.Error ? "red" : "amber"))
                .Append(' ').Append(FileLink(diagnostic.File, diagnostic.Line, diagnostic.Column)).Append(' ').Append(E(diagnostic.Message)).Append("</li>");
        }

        _html.Append("</ul>");
    }

    private static string GatedNote(ProjectReport project)
    {
        var ungated = project.Findings.Count(f => f.IsWarningOrError && ProjectReport.GateRules.Contains(f.RuleId));
        return ungated > 0 ? $"{ungated} finding{(ungated == 1 ? "" : "s")}" : $"{project.ModelCalls.Count} call{(project.ModelCalls.Count == 1 ? "" : "s")}, {project.Tools.Count} tool{(project.Tools.Count == 1 ? "" : "s")}";
    }

    private static string DocumentedNote(ProjectReport project) => project.Provenance switch
    {
        null => "not checked",
        { Present: false } => "no manifest",
        { HasErrors: true } p => $"{p.Diagnostics.Count(d => d.Severity == BuildSeverity.Error)} errors",
        var p => $"{p.Datasets} dataset{(p.Datasets == 1 ? "" : "s")}",
    };

    private static string EvaluatedNote(ProjectReport project)
    {
        if (project.Evaluations is not { } evaluations)
        {
            return "not checked";
        }

        if (!evaluations.Built)
        {
            return "not built";
        }

        var fresh = evaluations.Suites.Count(s => s.Freshness == Freshness.Fresh && s.Verdict == EvalVerdicts.Pass);
        return $"{fresh}/{evaluations.Suites.Count} suites pass";
    }

    private static string Check(bool ok, string note)
        => (ok ? "<span class=\"yes\" aria-label=\"yes\">✓</span>" : "<span class=\"no\" aria-label=\"no\">✗</span>") + " <span class=\"muted\">" + E(note) + "</span>";

    private static string Light(TrafficLight light)
    {
        var (css, text) = light switch
        {
            TrafficLight.Green => ("green", "Ready"),
            TrafficLight.Amber => ("amber", "Incomplete"),
            TrafficLight.Red => ("red", "Action needed"),
            _ => ("grey", "Not an agent"),
        };
        return $"<span class=\"light {css}\"><span class=\"dot\" aria-hidden=\"true\"></span>{text}</span>";
    }

    private static string LightClass(TrafficLight light) => light.ToString().ToLowerInvariant();

    private static string GatePill(GateStatus status) => status switch
    {
        GateStatus.Gated => Pill("gated", "green"),
        GateStatus.Unknown => Pill("unknown origin", "amber"),
        _ => Pill("ungated", "red"),
    };

    private static string VerdictColour(string verdict) => verdict switch
    {
        EvalVerdicts.Pass => "green",
        EvalVerdicts.Fail => "red",
        _ => "amber",
    };

    private static string Pill(string text, string colour) => $"<span class=\"pill {colour}\">{E(text)}</span>";

    private string RuleLink(string ruleId) => Link(_docs.Rule(ruleId, _htmlDirectory), ruleId, "rule");

    private string DocLink(string page, string text) => Link(_docs.Page(page, _htmlDirectory), text);

    /// <summary>A link to a source file at a line (<c>#L12</c>, as code hosts and editors read it), shown as <c>path:line</c>.</summary>
    private string FileLink(string path, int line, int column = 0)
    {
        var shown = Path.GetRelativePath(_report.Root, path).Replace('\\', '/') + (line > 0 ? $":{line}" : "") + (column > 0 ? $":{column}" : "");
        return Link(Relative(path) + (line > 0 ? $"#L{line}" : ""), shown, "file");
    }

    private string Relative(string path) => string.Join('/', Path.GetRelativePath(_htmlDirectory, path).Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string Link(string href, string text, string? css = null)
        => $"<a href=\"{E(href)}\"{(css is null ? "" : $" class=\"{css}\"")}>{E(text)}</a>";

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
