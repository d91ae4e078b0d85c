using System.Globalization;
using System.Xml.Linq;
using AlignmentPolicy.Core.Evals;

namespace AlignmentPolicy.Evals.Reporting;

/// <summary>JUnit XML for CI: a test suite per project and suite, a test case per cell.</summary>
public static class JUnitWriter
{
    public static void Write(string path, IReadOnlyList<EvalResultsDocument> results)
    {
        static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var root = new XElement("testsuites", new XAttribute("name", "alignment-policy eval"));
        foreach (var result in results)
        {
            var suite = new XElement("testsuite",
                new XAttribute("name", $"{result.Project}: {result.Suite}"),
                new XAttribute("tests", result.Cells.Count),
                new XAttribute("failures", result.Cells.Count(c => c.Verdict == EvalVerdicts.Fail)),
                new XAttribute("errors", result.Cells.Count(c => c.Verdict is EvalVerdicts.Invalid or EvalVerdicts.Inconclusive)),
                new XElement("properties",
                    new XElement("property", new XAttribute("name", "model"), new XAttribute("value", result.ModelDescription)),
                    new XElement("property", new XAttribute("name", "verdict"), new XAttribute("value", result.Verdict))));
            foreach (var cell in result.Cells)
            {
                var text = $"{(result.Settings.Metric == "gap" ? "gap" : "rate")} {F(cell.Rate)} ({cell.Events}/{cell.N}), 95% interval [{F(cell.IntervalLow)}, {F(cell.IntervalHigh)}], bound {F(cell.Bound)} at {F(cell.Confidence)}, threshold {F(cell.Threshold)}";
                var testCase = new XElement("testcase", new XAttribute("classname", $"{result.Project}.{result.Suite}"), new XAttribute("name", cell.Id), new XElement("system-out", text));
                if (cell.Verdict == EvalVerdicts.Fail)
                {
                    testCase.Add(new XElement("failure", new XAttribute("message", text)));
                }
                else if (cell.Verdict is EvalVerdicts.Invalid or EvalVerdicts.Inconclusive)
                {
                    testCase.Add(new XElement("error", new XAttribute("message", $"{cell.Verdict}: {text}")));
                }

                suite.Add(testCase);
            }

            root.Add(suite);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(path);
    }
}
