using System.Collections.Generic;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Licensing;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// <c>datasets.provenance.json</c>: what an agent project's datasets (fine-tuning sets, RAG corpora, eval
/// sets, few-shot examples, synthetic stories) are, where they come from, under which licence, and the
/// SHA-256 of every file. Every value keeps its position so later checks can point at it.
/// </summary>
public sealed class ProvenanceManifest
{
    /// <summary>The file name looked for in the project folder.</summary>
    public const string FileName = "datasets.provenance.json";

    /// <summary>The format version this library reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Full path of the manifest.</summary>
    public string FilePath { get; internal set; } = "";

    /// <summary>The manifest text as read (used to edit it in place).</summary>
    public string Text { get; internal set; } = "";

    /// <summary>Lower-case hex SHA-256 of the manifest bytes.</summary>
    public string Sha256 { get; internal set; } = "";

    /// <summary>The format version.</summary>
    public int Version { get; internal set; } = CurrentVersion;

    /// <summary>The declared datasets, in order.</summary>
    public IReadOnlyList<DatasetDeclaration> Datasets { get; internal set; } = new DatasetDeclaration[0];

    /// <summary>Also compare normalised lines (not only whole files) between eval and training datasets.</summary>
    public bool ContaminationLines { get; internal set; }

    /// <summary>Every declared file path or glob, relative to the manifest's folder ('/' separators), in order. For the ALN0100 analyzer.</summary>
    public IEnumerable<string> DeclaredPaths
    {
        get
        {
            foreach (var dataset in Datasets)
            {
                foreach (var file in dataset.Files)
                {
                    yield return file.Path;
                }

                if (dataset.Synthetic?.PromptTemplate is { } template)
                {
                    yield return template;
                }
            }
        }
    }
}

/// <summary>One dataset of the manifest.</summary>
public sealed class DatasetDeclaration
{
    /// <summary>The unique id.</summary>
    public string Id { get; internal set; } = "";

    /// <summary>Where the dataset object starts.</summary>
    public SourceSpan Span { get; internal set; }

    /// <summary>Where the id value is.</summary>
    public SourceSpan IdSpan { get; internal set; }

    /// <summary>One of <see cref="DatasetPurposes.All"/>.</summary>
    public string Purpose { get; internal set; } = "";

    /// <summary>A human description, if any.</summary>
    public string? Description { get; internal set; }

    /// <summary>Where the data comes from.</summary>
    public DatasetSource Source { get; internal set; } = new();

    /// <summary>The SPDX licence expression as written.</summary>
    public string License { get; internal set; } = "";

    /// <summary>The parsed licence expression, when valid.</summary>
    public SpdxExpression? LicenseExpression { get; internal set; }

    /// <summary>Where the licence string is.</summary>
    public SourceSpan LicenseSpan { get; internal set; }

    /// <summary>The declared files (paths or globs).</summary>
    public IReadOnlyList<DatasetFile> Files { get; internal set; } = new DatasetFile[0];

    /// <summary>Content classes the data contains, with their positions.</summary>
    public IReadOnlyList<(string Name, SourceSpan Span)> ContentClasses { get; internal set; } = new (string, SourceSpan)[0];

    /// <summary>Filtering steps applied to the data.</summary>
    public IReadOnlyList<FilteringStep> Filtering { get; internal set; } = new FilteringStep[0];

    /// <summary>The synthetic-data record, or null for data that was not generated.</summary>
    public SyntheticRecord? Synthetic { get; internal set; }

    /// <summary>The personal-data statement, if written.</summary>
    public PersonalDataStatement? PersonalData { get; internal set; }
}

/// <summary>Where a dataset comes from.</summary>
public sealed class DatasetSource
{
    /// <summary>internal, public, licensed, vendor, synthetic or user-contributed.</summary>
    public string Kind { get; internal set; } = "";

    /// <summary>Where the data was obtained.</summary>
    public string? Uri { get; internal set; }

    /// <summary>When it was collected (ISO 8601 date).</summary>
    public string? Collected { get; internal set; }

    /// <summary>Who publishes or owns it.</summary>
    public string? Publisher { get; internal set; }
}

/// <summary>A declared file: a path or a glob, and its digest(s).</summary>
public sealed class DatasetFile
{
    /// <summary>The path or glob as written, relative to the manifest folder.</summary>
    public string Path { get; internal set; } = "";

    /// <summary>Where the whole file entry is (the digest mismatch points here).</summary>
    public SourceSpan Span { get; internal set; }

    /// <summary>Where the path string is.</summary>
    public SourceSpan PathSpan { get; internal set; }

    /// <summary>True when the path contains '*' or '?'.</summary>
    public bool IsGlob => Path.IndexOf('*') >= 0 || Path.IndexOf('?') >= 0;

    /// <summary>The declared digest of a single file, lower-case hex; null when not written.</summary>
    public string? Sha256 { get; internal set; }

    /// <summary>For a glob: the declared digest of each matched file, by path relative to the manifest folder.</summary>
    public IReadOnlyDictionary<string, string> GlobSha256 { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Where the sha256 value is, when written.</summary>
    public SourceSpan? Sha256Span { get; internal set; }

    /// <summary>The file-entry object node (used to edit the manifest in place).</summary>
    internal JsonObject? Node { get; set; }
}

/// <summary>A filtering step applied to a dataset.</summary>
public sealed class FilteringStep
{
    /// <summary>What the step is (classifier, dedup, manual review, ...).</summary>
    public string Step { get; internal set; } = "";

    /// <summary>Content classes the step removes.</summary>
    public IReadOnlyList<string> Removes { get; internal set; } = new string[0];

    /// <summary>Fraction of records removed, 0 to 1.</summary>
    public double? RemovedFraction { get; internal set; }
}

/// <summary>How synthetic data was generated.</summary>
public sealed class SyntheticRecord
{
    /// <summary>Where the record object is.</summary>
    public SourceSpan Span { get; internal set; }

    /// <summary>The generator model.</summary>
    public string? GeneratorModel { get; internal set; }

    /// <summary>The prompt template file, relative to the manifest folder.</summary>
    public string? PromptTemplate { get; internal set; }

    /// <summary>Where the prompt template path is.</summary>
    public SourceSpan? PromptTemplateSpan { get; internal set; }

    /// <summary>The prompt template's declared digest.</summary>
    public string? PromptTemplateSha256 { get; internal set; }

    /// <summary>Where the prompt template's digest is.</summary>
    public SourceSpan? PromptTemplateSha256Span { get; internal set; }

    /// <summary>The sampling seed.</summary>
    public long? Seed { get; internal set; }

    /// <summary>How many records were generated.</summary>
    public long? Count { get; internal set; }

    /// <summary>The fraction reviewed by people, 0 to 1.</summary>
    public double? ReviewedFraction { get; internal set; }

    /// <summary>The record object node (used to edit the manifest in place).</summary>
    internal JsonObject? Node { get; set; }
}

/// <summary>Whether a dataset contains personal data, and how it is handled.</summary>
public sealed class PersonalDataStatement
{
    /// <summary>The data contains personal data.</summary>
    public bool Contains { get; internal set; }

    /// <summary>How it is handled (legal basis, consent, anonymisation); required when <see cref="Contains"/>.</summary>
    public string? Statement { get; internal set; }
}

/// <summary>The purposes a dataset can serve.</summary>
public static class DatasetPurposes
{
    /// <summary>Fine-tuning a model.</summary>
    public const string FineTuning = "fine-tuning";

    /// <summary>A retrieval-augmented generation corpus.</summary>
    public const string Rag = "rag";

    /// <summary>An evaluation set.</summary>
    public const string Eval = "eval";

    /// <summary>Few-shot examples put in prompts.</summary>
    public const string FewShot = "few-shot";

    /// <summary>Synthetic stories (e.g. of AI acting ethically) used for training.</summary>
    public const string SyntheticStories = "synthetic-stories";

    /// <summary>Every purpose.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { FineTuning, Rag, Eval, FewShot, SyntheticStories };

    /// <summary>Purposes whose data reaches the model's behaviour (training or context), where denied content classes matter and evals must not overlap.</summary>
    public static bool ShapesBehaviour(string purpose) => purpose is FineTuning or Rag or FewShot or SyntheticStories;

    /// <summary>Purposes whose data is trained on or retrieved (the contamination check's "training" side).</summary>
    public static bool IsTrainingOrRetrieval(string purpose) => purpose is FineTuning or Rag or SyntheticStories;
}

/// <summary>The kinds of dataset source.</summary>
public static class DatasetSourceKinds
{
    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { "internal", "public", "licensed", "vendor", "synthetic", "user-contributed" };

    /// <summary>Kinds that come from outside the organisation and so need a <c>uri</c>.</summary>
    public static bool IsExternal(string kind) => kind is "public" or "licensed" or "vendor";
}
