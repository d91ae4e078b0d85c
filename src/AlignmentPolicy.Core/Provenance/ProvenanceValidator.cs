using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>What to validate: the manifest, the policy's rules, and the project's data items.</summary>
public sealed class ProvenanceValidationRequest
{
    /// <summary>The manifest file (it need not exist).</summary>
    public string ManifestPath { get; set; } = "";

    /// <summary>The policy's provenance rules; null for the defaults (nothing required, every licence allowed).</summary>
    public ProvenanceSection? Policy { get; set; }

    /// <summary>Where diagnostics with no place in the manifest go (the project file).</summary>
    public string? ReportingFile { get; set; }

    /// <summary>Files the project copies to its output as data (MSBuild items), each with the project that declares it.</summary>
    public IReadOnlyList<DataItem> DataItems { get; set; } = new DataItem[0];

    /// <summary>The digest cache file; null to hash every file.</summary>
    public string? HashCacheFile { get; set; }
}

/// <summary>An MSBuild data item: a file and the project file that declares it.</summary>
public sealed class DataItem
{
    /// <summary>Creates an item.</summary>
    public DataItem(string fullPath, string definingProject)
    {
        FullPath = fullPath;
        DefiningProject = definingProject;
    }

    /// <summary>The file.</summary>
    public string FullPath { get; }

    /// <summary>The project file whose item group includes it.</summary>
    public string DefiningProject { get; }
}

/// <summary>The outcome of a validation.</summary>
public sealed class ProvenanceValidationResult
{
    /// <summary>The manifest, when it exists and parses.</summary>
    public ProvenanceManifest? Manifest { get; internal set; }

    /// <summary>Every file the manifest resolved to, with its digest (for exports and contamination).</summary>
    public IReadOnlyList<CheckedFile> Files { get; internal set; } = new CheckedFile[0];

    /// <summary>Files read in this run (cache misses); zero on a no-op rebuild.</summary>
    public int FilesHashed { get; internal set; }

    /// <summary>Bytes read in this run.</summary>
    public long BytesHashed { get; internal set; }

    /// <summary>Files whose change must re-run the validation (the manifest's resolved files), for MSBuild Inputs.</summary>
    public IReadOnlyList<string> InputFiles { get; internal set; } = new string[0];

    /// <summary>Whether an error was reported.</summary>
    public bool HasErrors { get; internal set; }
}

/// <summary>A declared file that was found, with its actual digest.</summary>
public sealed class CheckedFile
{
    internal CheckedFile(DatasetDeclaration dataset, DatasetFile declaration, ResolvedDatasetFile file, string? digest)
    {
        Dataset = dataset;
        Declaration = declaration;
        File = file;
        Digest = digest;
    }

    /// <summary>The dataset.</summary>
    public DatasetDeclaration Dataset { get; }

    /// <summary>The file entry that declared it.</summary>
    public DatasetFile Declaration { get; }

    /// <summary>The file.</summary>
    public ResolvedDatasetFile File { get; }

    /// <summary>Its actual SHA-256, or null when it could not be read.</summary>
    public string? Digest { get; }
}

/// <summary>
/// Validates a project's provenance manifest against the policy, the files on disk and the project's data
/// items. The MSBuild task and the CLI call this same method and differ only in the reporter.
/// </summary>
public static class ProvenanceValidator
{
    /// <summary>Runs every check, reporting each problem with its code and position.</summary>
    public static ProvenanceValidationResult Validate(ProvenanceValidationRequest request, IDiagnosticReporter reporter)
    {
        var sink = new CountingReporter(reporter);
        var result = Run(request, sink);
        result.HasErrors = sink.Errors > 0;
        return result;
    }

    private static ProvenanceValidationResult Run(ProvenanceValidationRequest request, CountingReporter reporter)
    {
        var result = new ProvenanceValidationResult();
        var manifestPath = Path.GetFullPath(request.ManifestPath);
        var policy = request.Policy ?? new ProvenanceSection();
        if (!File.Exists(manifestPath))
        {
            if (policy.Required || request.DataItems.Count > 0)
            {
                var why = policy.Required ? "the alignment policy requires one (\"provenance\": { \"required\": true })" : $"the project copies data files to its output ('{request.DataItems[0].FullPath}')";
                var file = request.ReportingFile ?? manifestPath;
                reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.ProvenanceManifestMissing, BuildSeverity.Error, file, 1, 1, 1, 1,
                    $"This agent project has no provenance manifest '{manifestPath}', but {why}. Create it listing the project's datasets (\"datasets\": [] if it has none), then run 'alignment-policy provenance hash'."));
            }
            else
            {
                reporter.Detail($"No provenance manifest at '{manifestPath}'; none is required.");
            }

            return result;
        }

        var load = ProvenanceManifestLoader.Load(manifestPath);
        foreach (var diagnostic in load.Diagnostics)
        {
            reporter.Report(diagnostic);
        }

        if (load.Manifest is not { } manifest)
        {
            return result;
        }

        result.Manifest = manifest;
        var context = new Context(manifest, reporter);
        CheckPolicy(manifest, policy, context);

        List<PendingFile> resolved;
        List<PendingTemplate> templates;
        DatasetPaths paths;
        using (WorkStep.Begin("resolving the dataset paths of", manifestPath))
        {
            paths = new DatasetPaths(Path.GetDirectoryName(manifestPath)!);
            resolved = ResolveFiles(manifest, paths, context);
            templates = ResolveTemplates(manifest, paths, context);
        }

        HashBatch batch;
        using (WorkStep.Begin("hashing the dataset files of", manifestPath))
        {
            var cache = HashCache.Load(request.HashCacheFile);
            batch = FileHasher.HashAll(resolved.Select(r => r.File.RealPath).Concat(templates.Select(t => t.File.RealPath)), cache);
            cache.Save();
        }

        result.FilesHashed = batch.FilesHashed;
        result.BytesHashed = batch.BytesHashed;
        reporter.Detail($"Provenance: {batch.Digests.Count + batch.Failures.Count} dataset file(s), {batch.FilesHashed} hashed ({batch.BytesHashed} bytes), the rest unchanged since the last build.");

        var checkedFiles = CompareDigests(resolved, batch, context);
        CompareTemplateDigests(templates, batch, context);
        result.Files = checkedFiles;
        result.InputFiles = resolved.Select(r => r.File.FullPath).Concat(templates.Select(t => t.File.FullPath)).Distinct(StringComparer.Ordinal).ToList();

        using (WorkStep.Begin("comparing the project's data items with", manifestPath))
        {
            CheckDataItems(request, manifest, paths, checkedFiles, templates, context);
        }

        using (WorkStep.Begin("comparing evaluation data with training data declared in", manifestPath))
        {
            ContaminationCheck.Run(manifest, checkedFiles, context);
        }
        return result;
    }

    private static void CheckPolicy(ProvenanceManifest manifest, ProvenanceSection policy, Context context)
    {
        var allowed = new HashSet<string>(policy.AllowedLicenses, StringComparer.Ordinal);
        var denied = new HashSet<string>(policy.DeniedContentClasses, StringComparer.Ordinal);
        foreach (var dataset in manifest.Datasets)
        {
            var name = Name(dataset);
            if (allowed.Count > 0 && dataset.LicenseExpression is { } expression && !expression.IsSatisfiedBy(allowed.Contains))
            {
                var blocking = expression.LicenseIds.Where(id => !allowed.Contains(id)).Distinct().ToList();
                context.Report(BuildDiagnosticIds.ProvenanceLicenseNotAllowed, dataset.LicenseSpan,
                    $"{name} is licensed under \"{DisplayText.Of(dataset.License)}\", which the alignment policy does not allow ({DisplayText.Of(string.Join(", ", blocking), 200)} not in \"provenance.allowedLicenses\": {string.Join(", ", policy.AllowedLicenses)}). Use data under an allowed licence, or have the platform team allow this one in the policy.");
            }

            if (denied.Count > 0 && DatasetPurposes.ShapesBehaviour(dataset.Purpose))
            {
                foreach (var (contentClass, span) in dataset.ContentClasses)
                {
                    if (denied.Contains(contentClass) && !dataset.Filtering.Any(step => step.Removes.Contains(contentClass)))
                    {
                        context.Report(BuildDiagnosticIds.ProvenanceDeniedContentClass, span,
                            $"{name} ({dataset.Purpose}) contains \"{contentClass}\", which the alignment policy denies in data that shapes the model's behaviour, and no filtering step removes it. Filter it out and record the step (\"filtering\": [{{ \"step\": \"classifier\", \"removes\": [\"{contentClass}\"], \"removedFraction\": ... }}]), or drop the dataset.");
                    }
                }
            }

            if (policy.RequirePersonalDataStatement && dataset.PersonalData is null)
            {
                context.ReportAt(BuildDiagnosticIds.ProvenancePersonalDataMissing, dataset.Span,
                    $"{name} has no \"personalData\" statement, which the alignment policy requires: add \"personalData\": {{ \"contains\": false }}, or {{ \"contains\": true, \"statement\": \"how it is handled\" }}.");
            }
        }
    }

    private static List<PendingFile> ResolveFiles(ProvenanceManifest manifest, DatasetPaths paths, Context context)
    {
        var pending = new List<PendingFile>();
        foreach (var dataset in manifest.Datasets)
        {
            foreach (var declaration in dataset.Files)
            {
                var resolution = paths.Resolve(declaration.Path);
                if (resolution.Problem is { } problem)
                {
                    context.Report(Code(resolution), declaration.PathSpan,
                        $"\"{DisplayText.Of(declaration.Path)}\" of {Name(dataset)} {problem}.{(resolution.Escapes || resolution.IsUnreadable ? "" : declaration.IsGlob ? " Check the pattern, or remove the entry." : " Restore the file, correct the path, or remove the entry.")}");
                }

                foreach (var file in resolution.Files)
                {
                    pending.Add(new PendingFile(dataset, declaration, file));
                }

                if (declaration.IsGlob)
                {
                    var matched = new HashSet<string>(resolution.Files.Select(f => f.RelativePath), StringComparer.Ordinal);
                    foreach (var listed in declaration.GlobSha256.Keys.Where(k => !matched.Contains(k)))
                    {
                        context.Report(BuildDiagnosticIds.ProvenanceFileMissing, declaration.Sha256Span ?? declaration.PathSpan,
                            $"\"{DisplayText.Of(listed)}\" has a recorded digest under \"{DisplayText.Of(declaration.Path)}\" of {Name(dataset)} but no longer exists or matches. Run 'alignment-policy provenance hash' to update the digests.");
                    }
                }
            }
        }

        return pending;
    }

    private static List<PendingTemplate> ResolveTemplates(ProvenanceManifest manifest, DatasetPaths paths, Context context)
    {
        var templates = new List<PendingTemplate>();
        foreach (var dataset in manifest.Datasets)
        {
            if (dataset.Synthetic is not { PromptTemplate: { } template } record)
            {
                continue;
            }

            var resolution = paths.Resolve(template);
            var span = record.PromptTemplateSpan!.Value;
            if (resolution.Problem is { } problem)
            {
                context.Report(resolution.IsUnreadable ? BuildDiagnosticIds.ProvenanceFileUnreadable : resolution.Escapes ? BuildDiagnosticIds.ProvenancePathEscapes : BuildDiagnosticIds.ProvenanceIncompleteSynthetic, span,
                    $"The prompt template \"{DisplayText.Of(template)}\" of {Name(dataset)} {problem}.{(resolution.Escapes || resolution.IsUnreadable ? "" : " A synthetic dataset must keep the template that generated it.")}");
                continue;
            }

            templates.Add(new PendingTemplate(dataset, record, resolution.Files[0]));
        }

        return templates;
    }

    private static List<CheckedFile> CompareDigests(List<PendingFile> pending, HashBatch batch, Context context)
    {
        var checkedFiles = new List<CheckedFile>();
        foreach (var item in pending)
        {
            var name = Name(item.Dataset);
            if (batch.Failures.TryGetValue(item.File.RealPath, out var failure))
            {
                context.Report(BuildDiagnosticIds.ProvenanceFileUnreadable, item.Declaration.PathSpan, $"\"{item.File.RelativePath}\" of {name} cannot be read: {failure}");
                checkedFiles.Add(new CheckedFile(item.Dataset, item.Declaration, item.File, null));
                continue;
            }

            var actual = batch.Digests[item.File.RealPath];
            checkedFiles.Add(new CheckedFile(item.Dataset, item.Declaration, item.File, actual));
            string? declared;
            if (item.Declaration.IsGlob)
            {
                item.Declaration.GlobSha256.TryGetValue(item.File.RelativePath, out declared);
            }
            else
            {
                declared = item.Declaration.Sha256;
            }

            if (declared is null)
            {
                context.Report(BuildDiagnosticIds.ProvenanceDigestMissing, item.Declaration.PathSpan,
                    $"\"{item.File.RelativePath}\" of {name} has no recorded SHA-256. Run 'alignment-policy provenance hash' to record it (it is {actual}).");
            }
            else if (!string.Equals(declared, actual, StringComparison.Ordinal))
            {
                context.ReportAt(BuildDiagnosticIds.ProvenanceDigestMismatch, item.Declaration.Span,
                    $"\"{item.File.RelativePath}\" of {name} has changed since its digest was recorded: the manifest says {declared}, the file is {actual}. If the change is intended, review the data and run 'alignment-policy provenance hash'.");
            }
        }

        return checkedFiles;
    }

    private static void CompareTemplateDigests(List<PendingTemplate> templates, HashBatch batch, Context context)
    {
        foreach (var template in templates)
        {
            var span = template.Record.PromptTemplateSpan!.Value;
            if (batch.Failures.TryGetValue(template.File.RealPath, out var failure))
            {
                context.Report(BuildDiagnosticIds.ProvenanceFileUnreadable, span, $"The prompt template \"{template.File.RelativePath}\" cannot be read: {failure}");
                continue;
            }

            var actual = batch.Digests[template.File.RealPath];
            if (template.Record.PromptTemplateSha256 is not { } declared)
            {
                context.Report(BuildDiagnosticIds.ProvenanceDigestMissing, span,
                    $"The prompt template \"{template.File.RelativePath}\" of {Name(template.Dataset)} has no recorded \"promptTemplateSha256\". Run 'alignment-policy provenance hash' to record it (it is {actual}).");
            }
            else if (!string.Equals(declared, actual, StringComparison.Ordinal))
            {
                context.Report(BuildDiagnosticIds.ProvenanceDigestMismatch, template.Record.PromptTemplateSha256Span ?? span,
                    $"The prompt template \"{template.File.RelativePath}\" of {Name(template.Dataset)} has changed since its digest was recorded: the manifest says {declared}, the file is {actual}.");
            }
        }
    }

    private static void CheckDataItems(ProvenanceValidationRequest request, ProvenanceManifest manifest, DatasetPaths paths, List<CheckedFile> checkedFiles, List<PendingTemplate> templates, Context context)
    {
        if (request.DataItems.Count == 0)
        {
            return;
        }

        var declared = new HashSet<string>(checkedFiles.Select(f => f.File.RealPath).Concat(templates.Select(t => t.File.RealPath)), StringComparer.Ordinal);
        var declaredGlobs = manifest.Datasets.SelectMany(d => d.Files).Where(f => f.IsGlob).Select(f => PathPattern.Create(f.Path.Replace('\\', '/'))).ToList();
        foreach (var item in request.DataItems)
        {
            var full = Path.GetFullPath(item.FullPath);
            if (string.Equals(full, manifest.FilePath, StringComparison.Ordinal))
            {
                continue;
            }

            var real = File.Exists(full) ? paths.RealPath(full) : full;
            if (declared.Contains(real) || (DatasetPaths.IsInside(full, paths.ProjectDirectory) && declaredGlobs.Any(g => g.IsMatch(paths.Relative(full)))))
            {
                continue;
            }

            var (line, column) = DataItemLocator.Find(item.DefiningProject, full);
            var relative = DatasetPaths.IsInside(full, paths.ProjectDirectory) ? paths.Relative(full) : full;
            context.Reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.ProvenanceUndeclaredDataItem, BuildSeverity.Error, item.DefiningProject, line, column, line, column + 1,
                $"The project copies the data file '{relative}' to its output, but '{manifest.FilePath}' does not declare it. Add it to a dataset's \"files\" (then run 'alignment-policy provenance hash'), or stop copying it."));
        }
    }

    private static BuildDiagnosticDescriptor Code(DatasetPathResolution resolution)
        => resolution.Escapes ? BuildDiagnosticIds.ProvenancePathEscapes
            : resolution.IsUnreadable ? BuildDiagnosticIds.ProvenanceFileUnreadable
            : BuildDiagnosticIds.ProvenanceFileMissing;

    internal static string Name(DatasetDeclaration dataset) => dataset.Id.Length > 0 ? $"the dataset \"{DisplayText.Of(dataset.Id)}\"" : $"the dataset at line {dataset.Span.Line}";

    private sealed class PendingFile
    {
        public PendingFile(DatasetDeclaration dataset, DatasetFile declaration, ResolvedDatasetFile file)
        {
            Dataset = dataset;
            Declaration = declaration;
            File = file;
        }

        public DatasetDeclaration Dataset { get; }

        public DatasetFile Declaration { get; }

        public ResolvedDatasetFile File { get; }
    }

    private sealed class PendingTemplate
    {
        public PendingTemplate(DatasetDeclaration dataset, SyntheticRecord record, ResolvedDatasetFile file)
        {
            Dataset = dataset;
            Record = record;
            File = file;
        }

        public DatasetDeclaration Dataset { get; }

        public SyntheticRecord Record { get; }

        public ResolvedDatasetFile File { get; }
    }

    internal sealed class Context
    {
        public Context(ProvenanceManifest manifest, IDiagnosticReporter reporter)
        {
            Manifest = manifest;
            Reporter = reporter;
        }

        public ProvenanceManifest Manifest { get; }

        public IDiagnosticReporter Reporter { get; }

        public void Report(BuildDiagnosticDescriptor descriptor, SourceSpan span, string message)
            => Reporter.Report(new BuildDiagnostic(descriptor, descriptor.DefaultSeverity, Manifest.FilePath, span.Line, span.Column, span.EndLine, span.EndColumn, message));

        public void ReportAt(BuildDiagnosticDescriptor descriptor, SourceSpan span, string message)
            => Reporter.Report(new BuildDiagnostic(descriptor, descriptor.DefaultSeverity, Manifest.FilePath, span.Line, span.Column, span.Line, span.Column + 1, message));
    }

    private sealed class CountingReporter : IDiagnosticReporter
    {
        private readonly IDiagnosticReporter _inner;

        public CountingReporter(IDiagnosticReporter inner) => _inner = inner;

        public int Errors { get; private set; }

        public void Report(BuildDiagnostic diagnostic)
        {
            if (diagnostic.Severity == BuildSeverity.Error)
            {
                Errors++;
            }

            _inner.Report(diagnostic);
        }

        public void Detail(string message) => _inner.Detail(message);
    }
}
