using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.PackGate;

/// <summary>What the gate needs to know about the build being packed.</summary>
public sealed class EvaluationGateRequest
{
    /// <summary>The policy in force (loaded, valid).</summary>
    public AlignmentPolicyDocument Policy { get; set; } = AlignmentPolicyDocument.CreateDefault();
    /// <summary>The built assembly being packed.</summary>
    public string AssemblyFile { get; set; } = "";
    /// <summary><c>obj/alignment/evals/</c> of the project.</summary>
    public string ResultsDirectory { get; set; } = "";
    /// <summary>The command that produces results, for the messages.</summary>
    public string EvalCommand { get; set; } = "alignment-policy eval";
}

/// <summary>
/// The pack gate: every evaluation the policy requires has results for this exact build (the SHA-256 of the built
/// assembly and of the policy), and they pass the policy's thresholds. Missing: ALN0201 at the requirement in the
/// policy; stale: ALN0202 at the differing digest; failing: ALN0203 at the cell; INVALID/INCONCLUSIVE: ALN0204.
/// </summary>
public static class EvaluationGate
{
    /// <summary>Where a suite's results file is (<c>builtin:coercion</c> gives <c>coercion.json</c>).</summary>
    public static string ResultsFile(string resultsDirectory, string suite) => Path.Combine(resultsDirectory, FileStem(suite) + ".json");

    /// <summary>The file stem of a suite's results, as <c>alignment-policy eval</c> writes them.</summary>
    public static string FileStem(string suite)
    {
        if (suite.StartsWith(BuiltinNames.SuitePrefix, StringComparison.Ordinal))
        {
            return suite.Substring(BuiltinNames.SuitePrefix.Length);
        }

        var chars = suite.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]) && chars[i] != '.' && chars[i] != '-')
            {
                chars[i] = '-';
            }
        }

        return new string(chars);
    }

    /// <summary>Checks every required suite; returns the accepted results (all of them when no error was reported).</summary>
    public static IReadOnlyList<(string Path, EvalResultsDocument Results)> Check(EvaluationGateRequest request, IDiagnosticReporter reporter)
    {
        var accepted = new List<(string, EvalResultsDocument)>();
        if (request.Policy.Evals.Required.Count == 0)
        {
            return accepted;
        }

        var policyFile = request.Policy.FilePath ?? "";
        var assemblySha256 = FileHasher.HashFile(request.AssemblyFile);
        foreach (var requirement in request.Policy.Evals.Required)
        {
            var path = ResultsFile(request.ResultsDirectory, requirement.Suite);
            if (!File.Exists(path))
            {
                Report(reporter, BuildDiagnosticIds.EvalResultsMissing, policyFile, Math.Max(1, requirement.Line), Math.Max(1, requirement.Column),
                    $"The policy requires the evaluation '{requirement.Suite}', and this build has no results for it ('{path}'). Run '{request.EvalCommand}' after the build and pack again, or pack with -p:AlignmentPolicyRunEvalsOnPack=true.");
                continue;
            }

            var buffer = new BufferingReporter();
            var results = EvalResultsLoader.Load(path, buffer);
            buffer.ReplayTo(reporter);
            if (results is null)
            {
                continue;
            }

            var located = new Locator(path);
            var ok = true;
            void Stale(string property, string what, string recorded, string current)
            {
                ok = false;
                var (line, column) = located.Property(property);
                Report(reporter, BuildDiagnosticIds.EvalResultsStale, path, line, column,
                    $"The '{requirement.Suite}' results are stale: they were computed for {what} {recorded}, but this build's is {current}. Run '{request.EvalCommand}' again.");
            }

            if (results.Suite != requirement.Suite)
            {
                Stale("suite", "the suite", results.Suite, requirement.Suite);
            }

            if (!string.Equals(results.AssemblySha256, assemblySha256, StringComparison.OrdinalIgnoreCase))
            {
                Stale("assemblySha256", $"an assembly ('{Path.GetFileName(results.AssemblyPath)}') with SHA-256", results.AssemblySha256, $"'{Path.GetFileName(request.AssemblyFile)}' with SHA-256 {assemblySha256}");
            }

            if (request.Policy.Sha256 is { } policySha256 && !string.Equals(results.PolicySha256, policySha256, StringComparison.OrdinalIgnoreCase))
            {
                Stale("policySha256", "a policy with SHA-256", results.PolicySha256, policySha256);
            }

            if (results.ShardCount > 1)
            {
                Stale("shardCount", "shard", $"{results.ShardIndex} of {results.ShardCount}", "a merged run ('alignment-policy eval merge')");
            }

            if (!ok)
            {
                continue;
            }

            if (results.Verdict == EvalVerdicts.Invalid || results.Verdict == EvalVerdicts.Inconclusive)
            {
                var (line, column) = located.Property("verdict");
                Report(reporter, BuildDiagnosticIds.EvalResultsUndecided, path, line, column,
                    $"The '{requirement.Suite}' evaluation is {results.Verdict}: {results.Reason} It neither passes nor fails; fix the cause and run '{request.EvalCommand}' again.");
                continue;
            }

            var threshold = requirement.MaxGap is double gap && requirement.MaxRate is null ? gap : requirement.MaxRate;
            var metric = requirement.MaxGap is not null && requirement.MaxRate is null ? "maxGap" : "maxRate";
            var failed = false;
            foreach (var cell in results.Cells)
            {
                var exceeds = threshold is double limit && cell.Primary && cell.Bound > limit + 1e-12;
                if (exceeds || (cell.Primary && cell.Verdict == EvalVerdicts.Fail))
                {
                    failed = true;
                    var (line, column) = located.Cell(cell.Id);
                    Report(reporter, BuildDiagnosticIds.EvalResultsFailing, path, line, column, string.Format(CultureInfo.InvariantCulture,
                        "The '{0}' evaluation fails in cell '{1}': rate {2:0.####} ({3}/{4}), upper bound {5:0.####} at confidence {6:0.####} exceeds the policy's {7} {8:0.####}.",
                        requirement.Suite, cell.Id, cell.Rate, cell.Events, cell.N, cell.Bound, cell.Confidence, metric, threshold ?? cell.Threshold));
                }
            }

            if (!failed && results.Verdict != EvalVerdicts.Pass)
            {
                failed = true;
                var (line, column) = located.Property("verdict");
                Report(reporter, BuildDiagnosticIds.EvalResultsFailing, path, line, column, $"The '{requirement.Suite}' evaluation's verdict is {results.Verdict}: {results.Reason}");
            }

            if (!failed)
            {
                accepted.Add((path, results));
            }
        }

        return accepted;
    }

    private static void Report(IDiagnosticReporter reporter, BuildDiagnosticDescriptor descriptor, string file, int line, int column, string message)
        => reporter.Report(new BuildDiagnostic(descriptor, BuildSeverity.Error, file, line, column, line, column, message));

    /// <summary>Positions of properties and cells in a results file that has already loaded.</summary>
    private sealed class Locator
    {
        private readonly JsonObject? _root;

        public Locator(string path)
        {
            try
            {
                _root = JsonParser.Parse(File.ReadAllText(path)) as JsonObject;
            }
            catch (Exception e) when (e is JsonSyntaxException or IOException)
            {
                _root = null;
            }
        }

        public (int Line, int Column) Property(string name)
            => _root?.Find(name) is { } property ? (property.NameSpan.Line, property.NameSpan.Column) : (1, 1);

        public (int Line, int Column) Cell(string id)
        {
            if (_root?.Find("cells")?.Value is JsonArray cells)
            {
                foreach (var item in cells.Items)
                {
                    if (item is JsonObject cell && cell.Find("id")?.Value is JsonString s && s.Value == id)
                    {
                        var bound = cell.Find("bound");
                        return bound is null ? (cell.Span.Line, cell.Span.Column) : (bound.NameSpan.Line, bound.NameSpan.Column);
                    }
                }
            }

            return Property("cells");
        }
    }
}
