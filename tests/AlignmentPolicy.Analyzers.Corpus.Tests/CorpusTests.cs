using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace AlignmentPolicy.Analyzers.Corpus.Tests;

/// <summary>
/// Runs every analyzer on the realistic corpus and compares what they report with the markers in
/// the files: precision at least 0.95 and recall at least 0.90 over warnings and errors; findings
/// at Information severity (origin not visible) are reported apart.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private const double MinimumPrecision = 0.95;
    private const double MinimumRecall = 0.90;

    public static TheoryData<string> Units()
    {
        var data = new TheoryData<string>();
        foreach (var unit in CorpusUnit.Discover(RepoPaths.Corpus))
        {
            data.Add(unit.Name);
        }

        return data;
    }

    [Fact]
    public void Corpus_has_at_least_40_files_and_a_realistic_mix()
    {
        var files = Directory.GetFiles(RepoPaths.Corpus, "*.cs", SearchOption.AllDirectories);
        Assert.True(files.Length >= 40, $"The corpus has {files.Length} files; at least 40 are required.");

        var withFindings = files.Count(f => ExpectationMarkers.Read(f, File.ReadAllText(f)).Warnings.Count > 0);
        var share = (double)withFindings / files.Length;
        Assert.InRange(share, 0.45, 0.75);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Corpus_unit_compiles_and_its_markers_are_well_formed(string unitName)
    {
        var unit = CorpusUnit.Discover(RepoPaths.Corpus).Single(u => u.Name == unitName);
        var knownIds = typeof(DiagnosticIds).GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(DiagnosticIds.HelpLinkBase))
            .Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

        foreach (var path in unit.RelativePaths)
        {
            var markers = ExpectationMarkers.Read(path, File.ReadAllText(Path.Combine(RepoPaths.Corpus, path)));
            Assert.Empty(markers.Malformed);
            Assert.All(markers.Warnings.Concat(markers.Infos), m => Assert.Contains(m.Id, knownIds));
        }

        var compilation = CorpusCompiler.Compile(RepoPaths.Corpus, unit);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, "The corpus must compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    [FactWhenAnalyzersExist]
    public async Task Analyzers_meet_precision_and_recall_targets_on_the_corpus()
    {
        var expected = new HashSet<ExpectedDiagnostic>();
        var expectedInfo = new HashSet<ExpectedDiagnostic>();
        var actual = new HashSet<ExpectedDiagnostic>();
        var actualInfo = new HashSet<ExpectedDiagnostic>();
        foreach (var unit in CorpusUnit.Discover(RepoPaths.Corpus))
        {
            foreach (var path in unit.RelativePaths)
            {
                var markers = ExpectationMarkers.Read(path, File.ReadAllText(Path.Combine(RepoPaths.Corpus, path)));
                expected.UnionWith(markers.Warnings);
                expectedInfo.UnionWith(markers.Infos);
            }

            foreach (var diagnostic in await CorpusCompiler.AnalyzeAsync(CorpusCompiler.Compile(RepoPaths.Corpus, unit)))
            {
                if (!diagnostic.Id.StartsWith("ALN", StringComparison.Ordinal) || !diagnostic.Location.IsInSource || diagnostic.Severity == DiagnosticSeverity.Hidden)
                {
                    continue;
                }

                var span = diagnostic.Location.GetLineSpan();
                var found = new ExpectedDiagnostic(span.Path, span.StartLinePosition.Line + 1, diagnostic.Id);
                (diagnostic.Severity == DiagnosticSeverity.Info ? actualInfo : actual).Add(found);
            }
        }

        var report = PrecisionRecallReport.Create(expected, actual, expectedInfo, actualInfo);
        output.WriteLine(report.Text);
        Console.WriteLine(report.Text);

        Assert.True(report.Precision >= MinimumPrecision && report.Recall >= MinimumRecall,
            string.Create(CultureInfo.InvariantCulture, $"Precision {report.Precision:0.000} (target {MinimumPrecision}), recall {report.Recall:0.000} (target {MinimumRecall}).{Environment.NewLine}{report.Text}"));
    }
}

/// <summary>Skips, with the reason, only while AlignmentPolicy.Analyzers contains no analyzer at all.</summary>
internal sealed class FactWhenAnalyzersExistAttribute : FactAttribute
{
    public FactWhenAnalyzersExistAttribute()
    {
        if (!CorpusCompiler.AnalyzerTypes(typeof(DiagnosticIds).Assembly).Any())
        {
            Skip = "AlignmentPolicy.Analyzers contains no DiagnosticAnalyzer yet; there is nothing to measure.";
        }
    }
}

/// <summary>The per-rule table: true positives, false positives, false negatives, precision and recall.</summary>
internal sealed record PrecisionRecallReport(double Precision, double Recall, string Text)
{
    public static PrecisionRecallReport Create(
        IReadOnlySet<ExpectedDiagnostic> expected,
        IReadOnlySet<ExpectedDiagnostic> actual,
        IReadOnlySet<ExpectedDiagnostic> expectedInfo,
        IReadOnlySet<ExpectedDiagnostic> actualInfo)
    {
        var text = new StringBuilder();
        text.AppendLine("Corpus precision/recall (warnings and errors)");
        text.AppendLine("rule      TP   FP   FN  precision  recall");
        var ids = expected.Select(e => e.Id).Concat(actual.Select(a => a.Id)).Distinct().Order(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var (tp, fp, fn) = Count(expected.Where(e => e.Id == id).ToHashSet(), actual.Where(a => a.Id == id).ToHashSet());
            text.AppendLine(Row(id, tp, fp, fn));
        }

        var (totalTp, totalFp, totalFn) = Count(expected, actual);
        text.AppendLine(Row("total", totalTp, totalFp, totalFn));

        var (infoTp, infoFp, infoFn) = Count(expectedInfo, actualInfo);
        text.AppendLine();
        text.AppendLine("Information severity (origin not visible; not in the totals)");
        text.AppendLine(Row("info", infoTp, infoFp, infoFn));

        var misses = expected.Except(actual).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        var extras = actual.Except(expected).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        if (misses.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("False negatives:");
            misses.ForEach(m => text.AppendLine($"  {m.File}({m.Line}): {m.Id}"));
        }

        if (extras.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("False positives:");
            extras.ForEach(m => text.AppendLine($"  {m.File}({m.Line}): {m.Id}"));
        }

        var infoMisses = expectedInfo.Except(actualInfo).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        var infoExtras = actualInfo.Except(expectedInfo).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        if (infoMisses.Count + infoExtras.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Information severity differences:");
            infoMisses.ForEach(m => text.AppendLine($"  missing {m.File}({m.Line}): {m.Id}"));
            infoExtras.ForEach(m => text.AppendLine($"  unexpected {m.File}({m.Line}): {m.Id}"));
        }

        return new PrecisionRecallReport(Ratio(totalTp, totalTp + totalFp), Ratio(totalTp, totalTp + totalFn), text.ToString());
    }

    private static (int Tp, int Fp, int Fn) Count(IReadOnlySet<ExpectedDiagnostic> expected, IReadOnlySet<ExpectedDiagnostic> actual)
    {
        var tp = expected.Count(actual.Contains);
        return (tp, actual.Count - tp, expected.Count - tp);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;

    private static string Row(string id, int tp, int fp, int fn)
        => string.Create(CultureInfo.InvariantCulture, $"{id,-7} {tp,4} {fp,4} {fn,4}  {Ratio(tp, tp + fp),9:0.000}  {Ratio(tp, tp + fn),6:0.000}");
}
