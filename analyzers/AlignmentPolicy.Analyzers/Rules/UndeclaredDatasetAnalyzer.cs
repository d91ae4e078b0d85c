using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0100: a data file read by a path that is constant, or built from constants (Path.Combine of
/// constants, optionally under AppContext.BaseDirectory), that the project's provenance manifest
/// (passed as an additional file) does not declare.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndeclaredDatasetAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the path as the manifest would declare it.</summary>
    public const string PathProperty = "Path";

    /// <summary>Diagnostic property: the manifest's additional-file path, for the fix.</summary>
    public const string ManifestProperty = "Manifest";

    private const string DefaultManifestName = "datasets.provenance.json";

    // Unambiguous dataset formats; any file under a data/ folder counts too. Prompt templates and
    // settings (.txt, .md, .json) elsewhere are not datasets.
    private static readonly ImmutableHashSet<string> s_dataExtensions = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, ".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".arrow");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UndeclaredDataset);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var policy = PolicyOptions.Read(global);
            if (policy.IsConfigured && !policy.IsAgentProject)
            {
                return;
            }

            var manifestName = global.TryGetValue("build_property.AlignmentPolicyProvenanceManifest", out var configured) && !string.IsNullOrWhiteSpace(configured)
                ? Path.GetFileName(configured.Trim())
                : DefaultManifestName;
            var manifestFile = start.Options.AdditionalFiles.FirstOrDefault(f => string.Equals(Path.GetFileName(f.Path), manifestName, StringComparison.OrdinalIgnoreCase));
            if (manifestFile is null && !policy.ProvenanceRequired)
            {
                return; // no manifest and none required: nothing to compare with
            }

            ProvenanceManifestIndex? manifest = null;
            if (manifestFile is not null)
            {
                var text = manifestFile.GetText(start.CancellationToken)?.ToString();
                manifest = text is null ? null : ProvenanceManifestIndex.TryRead(text);
                if (manifest is null)
                {
                    return; // broken manifest: the build reports it (ALN01xx); guessing here would only add noise
                }
            }

            var projectDirectory = global.TryGetValue("build_property.ProjectDir", out var dir) && !string.IsNullOrWhiteSpace(dir)
                ? dir.Trim()
                : manifestFile is not null ? Path.GetDirectoryName(manifestFile.Path) : null;
            start.RegisterOperationAction(c => Analyze(c, manifest, manifestFile?.Path, projectDirectory), OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ProvenanceManifestIndex? manifest, string? manifestPath, string? projectDirectory)
    {
        var path = context.Operation switch
        {
            IInvocationOperation invocation when IsFileRead(invocation.TargetMethod) => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value,
            IObjectCreationOperation creation when IsReaderCreation(creation) => creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value,
            _ => null,
        };
        if (path is null || ConstantPaths.Relative(path, projectDirectory) is not { } relative)
        {
            return;
        }

        var normalized = ProvenanceManifestIndex.Normalize(relative);
        if (!IsDataFile(normalized) || (manifest?.Declares(normalized) ?? false))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(PathProperty, normalized);
        if (manifestPath is not null)
        {
            properties = properties.Add(ManifestProperty, manifestPath);
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UndeclaredDataset, path.Syntax.GetLocation(), properties, normalized,
            manifest is null ? "there is no datasets.provenance.json" : "datasets.provenance.json does not declare it"));
    }

    // Name first, then the symbol: most calls stop at the string switch, and none allocates.
    private static bool IsFileRead(IMethodSymbol method)
        => method.Name is "ReadAllText" or "ReadAllTextAsync" or "ReadAllLines" or "ReadAllLinesAsync" or "ReadLines" or "ReadLinesAsync"
                or "ReadAllBytes" or "ReadAllBytesAsync" or "OpenRead" or "OpenText" or "Open"
            && method.ContainingType is { Name: "File" } type && IsSystemIO(type);

    private static bool IsReaderCreation(IObjectCreationOperation creation)
        => creation.Type is { Name: "StreamReader" or "FileStream" or "FileInfo" } type && IsSystemIO(type)
            && creation.Constructor?.Parameters.FirstOrDefault()?.Type.SpecialType == SpecialType.System_String;

    private static bool IsSystemIO(ITypeSymbol type)
        => type.ContainingNamespace is { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool IsDataFile(string path)
        => s_dataExtensions.Contains(Path.GetExtension(path)) || path.StartsWith("data/", StringComparison.OrdinalIgnoreCase) || path.IndexOf("/data/", StringComparison.OrdinalIgnoreCase) >= 0;
}
