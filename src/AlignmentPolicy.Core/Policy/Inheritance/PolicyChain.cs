using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// The files being loaded, from the repository's policy up through what it extends: where bases are found, and the
/// guard against cycles and runaway chains.
/// </summary>
internal sealed class PolicyChain
{
    /// <summary>How many policies a policy may stand on (organisation, division, team, ... with room to spare).</summary>
    public const int MaxBases = 8;

    private readonly IReadOnlyList<(string Identity, string Name)> _files;

    private PolicyChain(IPolicyBaseSource source, IReadOnlyList<(string Identity, string Name)> files)
    {
        Source = source;
        _files = files;
    }

    /// <summary>Finds package bases.</summary>
    public IPolicyBaseSource Source { get; }

    /// <summary>How many bases are above the file being loaded.</summary>
    public int Depth => _files.Count - 1;

    public static PolicyChain Start(PolicySourceFile root, IPolicyBaseSource source) => new(source, new[] { (Identity(root), root.Name()) });

    /// <summary>
    /// Resolves the <c>extends</c> of <paramref name="file"/> and loads that base. Returns the base's effective policy and
    /// file, or nulls after reporting why (at the <c>extends</c> value; a base's own errors at their own positions too).
    /// </summary>
    public (AlignmentPolicyDocument? Policy, PolicySourceFile? File) LoadBase(JsonString extends, PolicySourceFile file, List<BuildDiagnostic> diagnostics)
    {
        void Report(BuildDiagnosticDescriptor code, string message)
            => diagnostics.Add(new BuildDiagnostic(code, code.DefaultSeverity, file.FullPath, extends.Span.Line, extends.Span.Column, extends.Span.EndLine, extends.Span.EndColumn, message));

        if (BaseReference.TryParse(extends.Value, out var problem) is not { } reference)
        {
            Report(BuildDiagnosticIds.PolicyInvalidBaseReference, $"\"{DisplayText.Of(extends.Value)}\" in 'extends' is not a base policy: {problem}.");
            return (null, null);
        }

        PolicySourceFile baseFile;
        if (reference.IsPackage)
        {
            var lookup = Source.Find(reference, file.FullPath);
            if (lookup.File is null)
            {
                Report(lookup.Code!, $"The base policy {reference.DisplayName} cannot be used: {lookup.Problem}");
                return (null, null);
            }

            baseFile = lookup.File;
        }
        else
        {
            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file.FullPath)!, reference.Path!));
            if (!File.Exists(full))
            {
                Report(BuildDiagnosticIds.PolicyBaseNotFound, $"The base policy \"{DisplayText.Of(reference.Path)}\" does not exist ('{full}'); the path is relative to '{System.IO.Path.GetFileName(file.FullPath)}'.");
                return (null, null);
            }

            // A path inside a package is still that package's file, for messages and origins.
            baseFile = file.PackageId is null ? new PolicySourceFile(full) : new PolicySourceFile(full, file.PackageId, file.PackageVersion, reference.Path);
        }

        var identity = Identity(baseFile);
        if (_files.Any(f => f.Identity == identity))
        {
            var cycle = string.Join(" -> ", _files.SkipWhile(f => f.Identity != identity).Select(f => f.Name).Concat(new[] { baseFile.Name() }));
            Report(BuildDiagnosticIds.PolicyExtendsCycle, $"'extends' names {baseFile.Name()}, which already extends this policy: {cycle}. A policy cannot stand on itself; remove one of the 'extends'.");
            return (null, null);
        }

        if (Depth >= MaxBases)
        {
            Report(BuildDiagnosticIds.PolicyExtendsTooDeep, $"'extends' names {baseFile.Name()}, a policy more than {MaxBases} levels up ({string.Join(" -> ", _files.Select(f => f.Name))} -> ...). Flatten the chain: at most {MaxBases} policies may stand under a repository's policy.");
            return (null, null);
        }

        var loaded = PolicyLoader.Load(baseFile, new PolicyChain(Source, _files.Concat(new[] { (identity, baseFile.Name()) }).ToList()));
        if (loaded.Policy is null)
        {
            // The base's own errors are at their own positions (its maintainers fix them), once however deep the chain:
            // each level below adds only its own ALN0320, at its extends.
            var causes = loaded.Diagnostics.Where(d => d.Severity == BuildSeverity.Error && d.Descriptor != BuildDiagnosticIds.PolicyBaseInvalid).ToList();
            diagnostics.AddRange(causes);
            var first = causes.FirstOrDefault();
            Report(BuildDiagnosticIds.PolicyBaseInvalid,
                $"The base policy {baseFile.Name(System.IO.Path.GetDirectoryName(file.FullPath))} has {causes.Count} error(s){(first is null ? "" : $", the first at {first.File}({first.Line},{first.Column}): {first.Code}: {first.Message}")}. Its publisher must fix them; until then extend a version without them.");
            return (null, null);
        }

        return (loaded.Policy, baseFile);
    }

    private static string Identity(PolicySourceFile file)
        => file.PackageId is not null && file.PathInPackage == PolicyPackageLayout.PolicyPath
            ? "nuget:" + file.PackageId.ToLowerInvariant() + "@" + BaseReference.NormalizeVersion(file.PackageVersion ?? "")
            : System.IO.Path.GetFullPath(file.FullPath);
}
