using System.Globalization;
using System.Net;
using System.Text;
using AlignmentPolicy.Core.Evals;

namespace AlignmentPolicy.Evals.Reporting;

/// <summary>A self-contained HTML report: per suite a chart of each cell's rate and interval against the threshold,
/// and the transcripts (misaligned first) one click away.</summary>
public static class HtmlReport
{
    public static void Write(string path, IReadOnlyList<(EvalResultsDocument Result, string ResultsDirectory)> results)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>alignment-policy eval</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}")
            .Append(".PASS{color:#176f2c;font-weight:bold}.FAIL{color:#b00020;font-weight:bold}.INVALID,.INCONCLUSIVE{color:#a15c00;font-weight:bold}pre{white-space:pre-wrap;background:#f6f6f6;padding:6px}")
            .Append("</style></head><body><h1>Misalignment evaluations</h1>");
        foreach (var (result, directory) in results)
        {
            html.Append($"<h2>{E(result.Project)} &mdash; {E(result.Suite)} <span class=\"{E(result.Verdict)}\">{E(result.Verdict)}</span></h2>")
                .Append($"<p>{E(result.Reason)}.<br>Model: {E(result.ModelDescription)}; mode {E(result.Mode)}; suite {E(result.SuiteVersion)}; assembly sha256 {E(result.AssemblySha256[..Math.Min(12, result.AssemblySha256.Length)])}&hellip;</p>");
            if (result.LegitimateN is { } legitimate)
            {
                // The helpfulness cost beside the misaligned rate: legitimate actions the agent's gates blocked.
                html.Append($"<p>Legitimate actions blocked by the gates: {result.Blocked}/{legitimate} ({F(result.BlockedRate ?? 0)}, 95% interval [{F(result.BlockedIntervalLow ?? 0)}, {F(result.BlockedIntervalHigh ?? 0)}], bound {F(result.BlockedBound ?? 1)}{(result.Settings.MaxBlockedRate is { } max ? $", max {F(max)}" : "")}).</p>");
            }

            html.Append(Chart(result));
            html.Append("<table><tr><th>cell</th><th>n</th><th>events</th><th>").Append(result.Settings.Metric == "gap" ? "gap" : "rate")
                .Append("</th><th>95% interval</th><th>bound</th><th>threshold</th><th>verdict</th></tr>");
            foreach (var cell in result.Cells)
            {
                html.Append($"<tr><td>{E(cell.Id)}{(cell.Control ? " (control)" : cell.Primary ? " (primary)" : "")}</td><td>{cell.N}</td><td>{cell.Events}</td><td>{F(cell.Rate)}</td><td>[{F(cell.IntervalLow)}, {F(cell.IntervalHigh)}]</td><td>{F(cell.Bound)}</td><td>{F(cell.Threshold)}</td><td class=\"{E(cell.Verdict)}\">{E(cell.Verdict)}</td></tr>");
            }

            html.Append("</table>");
            var transcripts = Path.Combine(directory, result.Transcripts);
            if (File.Exists(transcripts))
            {
                var lines = File.ReadLines(transcripts).Where(l => l.Length > 0).OrderBy(l => l.Contains("\"outcome\":\"misaligned\"", StringComparison.Ordinal) ? 0 : 1).Take(50).ToList();
                html.Append($"<details><summary>Transcripts ({E(result.Transcripts)}; misaligned first, up to 50 shown)</summary>");
                foreach (var line in lines)
                {
                    html.Append("<pre>").Append(E(line)).Append("</pre>");
                }

                html.Append("</details>");
            }
        }

        html.Append("</body></html>");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
    }

    private static string Chart(EvalResultsDocument result)
    {
        static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        const int row = 22, left = 190, width = 420;
        var gap = result.Settings.Metric == "gap";
        double min = gap ? -1 : 0, max = 1;
        var scale = Math.Min(1, Math.Max(0.1, result.Cells.Select(c => c.IntervalHigh).Append(result.Settings.Threshold * 2).Max()));
        max = scale;
        min = gap ? -scale : 0;
        double X(double v) => left + (Math.Clamp(v, min, max) - min) / (max - min) * width;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + width + 40}\" height=\"{result.Cells.Count * row + 30}\" font-size=\"11\">");
        for (var i = 0; i < result.Cells.Count; i++)
        {
            var cell = result.Cells[i];
            var y = i * row + 15;
            var colour = cell.Verdict switch { EvalVerdicts.Pass => "#2e7d32", EvalVerdicts.Fail => "#c62828", EvalVerdicts.Info => "#777", _ => "#ef6c00" };
            svg.Append($"<text x=\"4\" y=\"{y + 4}\">{WebUtility.HtmlEncode(cell.Id)}</text>")
               .Append($"<rect x=\"{F(Math.Min(X(0), X(cell.Rate)))}\" y=\"{y - 6}\" width=\"{F(Math.Abs(X(cell.Rate) - X(0)) + 1)}\" height=\"12\" fill=\"{colour}\" opacity=\"0.6\"/>")
               .Append($"<line x1=\"{F(X(cell.IntervalLow))}\" x2=\"{F(X(cell.IntervalHigh))}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#000\"/>")
               .Append($"<line x1=\"{F(X(cell.IntervalLow))}\" x2=\"{F(X(cell.IntervalLow))}\" y1=\"{y - 4}\" y2=\"{y + 4}\" stroke=\"#000\"/>")
               .Append($"<line x1=\"{F(X(cell.IntervalHigh))}\" x2=\"{F(X(cell.IntervalHigh))}\" y1=\"{y - 4}\" y2=\"{y + 4}\" stroke=\"#000\"/>");
        }

        var t = X(result.Settings.Threshold);
        var bottom = result.Cells.Count * row + 10;
        svg.Append($"<line x1=\"{F(t)}\" x2=\"{F(t)}\" y1=\"0\" y2=\"{bottom}\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/>")
           .Append($"<text x=\"{F(t + 3)}\" y=\"{bottom + 12}\" fill=\"#c62828\">threshold {F(result.Settings.Threshold)}</text>")
           .Append($"<text x=\"{left}\" y=\"{bottom + 12}\">{F(min)}</text><text x=\"{left + width - 20}\" y=\"{bottom + 12}\">{F(max)}</text></svg>");
        return svg.ToString();
    }
}
