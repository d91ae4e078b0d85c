using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;
using Microsoft.Build.Framework;

namespace AlignmentPolicy.Tasks;

/// <summary>
/// Validates the agent project's <c>datasets.provenance.json</c> against the policy, the files on disk and
/// the project's data items (ALN0101-ALN0117). The work is <see cref="ProvenanceValidator"/>, shared with
/// <c>alignment-policy provenance check</c>.
/// </summary>
public sealed class ValidateDatasetProvenance : AlignmentPolicyTask
{
    /// <summary>The manifest (<c>AlignmentPolicyProvenanceManifest</c>); it need not exist.</summary>
    [Required]
    public string ManifestFile { get; set; } = "";

    /// <summary>The policy in force; empty for the defaults (no manifest required, every licence allowed).</summary>
    public string? PolicyFile { get; set; }

    /// <summary>Files the project copies to its output; those with a data extension must be declared.</summary>
    public ITaskItem[] DataItems { get; set; } = new ITaskItem[0];

    /// <summary>File extensions (".jsonl;.csv") that make a copied item a data file.</summary>
    public string? DataFileExtensions { get; set; }

    /// <summary>The digest cache (<c>obj/.../alignment-provenance.hashes</c>).</summary>
    public string? HashCacheFile { get; set; }

    /// <summary>Where to write the list of files the manifest resolved to, for the target's Inputs next time.</summary>
    public string? InputsListFile { get; set; }

    /// <summary>How many files were read in this run (zero when nothing changed).</summary>
    [Output]
    public int FilesHashed { get; private set; }

    private string DefiningProject(ITaskItem item)
    {
        foreach (var name in new[] { "AlignmentPolicyDefiningProject", "DefiningProjectFullPath" })
        {
            var value = item.GetMetadata(name);
            if (!string.IsNullOrEmpty(value) && !value.EndsWith(".targets", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return ProjectFullPath ?? "";
    }

    /// <inheritdoc />
    protected override void ExecuteCore()
    {
        ProvenanceSection? section = null;
        if (!string.IsNullOrEmpty(PolicyFile) && File.Exists(PolicyFile))
        {
            // ResolveAlignmentPolicy reports the policy's own problems; here only its provenance rules matter.
            section = PolicyLoader.Load(PolicyFile!).Policy?.Provenance;
        }

        var extensions = new HashSet<string>((DataFileExtensions ?? "").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()), StringComparer.OrdinalIgnoreCase);
        var items = DataItems
            .Where(item => extensions.Contains(Path.GetExtension(item.ItemSpec)) || item.GetMetadata("AlignmentPolicyData") == "true")
            .Select(item => new DataItem(item.GetMetadata("FullPath"), DefiningProject(item)))
            .ToList();

        var result = ProvenanceValidator.Validate(new ProvenanceValidationRequest
        {
            ManifestPath = ManifestFile,
            Policy = section,
            ReportingFile = ProjectFullPath,
            DataItems = items,
            HashCacheFile = string.IsNullOrEmpty(HashCacheFile) ? null : HashCacheFile,
        }, Reporter);

        FilesHashed = result.FilesHashed;
        if (!string.IsNullOrEmpty(InputsListFile))
        {
            GeneratedFile.WriteIfChanged(InputsListFile!, string.Join("\n", result.InputFiles) + (result.InputFiles.Count > 0 ? "\n" : ""));
        }
    }
}
