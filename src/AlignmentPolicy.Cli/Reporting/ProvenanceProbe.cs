using AlignmentPolicy.Cli.Commands;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>The provenance manifest beside an agent project, checked as <c>alignment-policy provenance check</c> checks it.</summary>
internal static class ProvenanceProbe
{
    public static ProvenanceStatus Check(string projectDirectory, AlignmentPolicyDocument policy)
    {
        var path = Path.Combine(projectDirectory, ProvenanceManifest.FileName);
        var present = File.Exists(path);
        var required = policy.Provenance.Required;
        if (!present && !required)
        {
            return new ProvenanceStatus(path, Present: false, Required: false, Datasets: 0, []);
        }

        // A missing manifest the policy requires is reported by the validator itself, with its code.
        var reporter = new BufferingReporter();
        var result = ProvenanceCommand.Validate(path, reporter);
        var diagnostics = reporter.Diagnostics.Where(d => d.Severity != BuildSeverity.Info).ToList();
        return new ProvenanceStatus(path, present, required, result.Manifest?.Datasets.Count ?? 0, diagnostics);
    }
}
