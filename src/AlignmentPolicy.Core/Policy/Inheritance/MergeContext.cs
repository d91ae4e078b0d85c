using System.Collections.Generic;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// What the rules need while one file's values are laid over its base: the file (for origins and diagnostics), the base
/// (to name it in messages), the origins collected so far, and whether values are checked against the base at all
/// (not when a file stands alone on the defaults, nor for an evaluation entry the base does not have).
/// </summary>
internal sealed class MergeContext
{
    private readonly List<BuildDiagnostic> _diagnostics;

    public MergeContext(PolicySourceFile file, PolicySourceFile? baseFile, PolicyOrigins origins, List<BuildDiagnostic> diagnostics, SourceSpan? extendsSpan)
    {
        File = file;
        BaseFile = baseFile;
        Origins = origins;
        _diagnostics = diagnostics;
        ExtendsSpan = extendsSpan;
        Checking = baseFile is not null;
    }

    private MergeContext(MergeContext other, bool checking)
    {
        File = other.File;
        BaseFile = other.BaseFile;
        Origins = other.Origins;
        _diagnostics = other._diagnostics;
        ExtendsSpan = other.ExtendsSpan;
        Checking = checking;
    }

    /// <summary>The file whose values are applied.</summary>
    public PolicySourceFile File { get; }

    /// <summary>The policy it extends, or null when it stands on the defaults.</summary>
    public PolicySourceFile? BaseFile { get; }

    /// <summary>Origins of the effective values, updated as values are applied.</summary>
    public PolicyOrigins Origins { get; }

    /// <summary>Where the file says <c>extends</c>: inherited evaluation entries are reported there.</summary>
    public SourceSpan? ExtendsSpan { get; }

    /// <summary>Values that loosen the base are errors.</summary>
    public bool Checking { get; }

    /// <summary>The same context with no checks (a value the base does not have cannot loosen it).</summary>
    public MergeContext WithoutChecks() => Checking ? new MergeContext(this, checking: false) : this;

    public PolicyValueOrigin At(SourceSpan span) => new(File, span.Line, span.Column);

    /// <summary>"0.05 (set by Contoso.AlignmentPolicy@1.4.0 alignment/alignment-policy.json:12:52)".</summary>
    public string BaseValue(string valueText, PolicyValueOrigin origin)
    {
        var relativeTo = System.IO.Path.GetDirectoryName(File.FullPath);
        valueText = DisplayText.Of(valueText, 200);
        return origin.IsDefault
            ? $"{valueText} (the default, which {BaseFile?.Name(relativeTo) ?? "the base"} keeps)"
            : $"{valueText} (set by {origin.Describe(relativeTo)})";
    }

    /// <summary>ALN0318 at the file's value.</summary>
    public void Loosens(SourceSpan span, string message) => Report(BuildDiagnosticIds.PolicyLoosensBase, span, message);

    public void Report(BuildDiagnosticDescriptor descriptor, SourceSpan span, string message)
        => _diagnostics.Add(new BuildDiagnostic(descriptor, descriptor.DefaultSeverity, File.FullPath, span.Line, span.Column, span.EndLine, span.EndColumn, message));
}
