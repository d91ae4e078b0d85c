using System.Collections.Generic;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>Where a value of the effective policy was written: a position in one file of the chain, or nowhere (a default).</summary>
public sealed class PolicyValueOrigin
{
    /// <summary>A value no file sets.</summary>
    public static readonly PolicyValueOrigin Default = new(null, 0, 0);

    /// <summary>Creates an origin.</summary>
    public PolicyValueOrigin(PolicySourceFile? file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The file, or null for a default.</summary>
    public PolicySourceFile? File { get; }

    /// <summary>1-based line (0 for a default).</summary>
    public int Line { get; }

    /// <summary>1-based column (0 for a default).</summary>
    public int Column { get; }

    /// <summary>True when no file sets the value.</summary>
    public bool IsDefault => File is null;

    /// <summary>"Contoso.AlignmentPolicy@1.4.0 alignment/alignment-policy.json:12:7", "alignment-policy.json:5:3" or "default".</summary>
    public string Describe(string? relativeTo = null) => File is null ? "default" : File.Position(Line, Column, relativeTo);
}

/// <summary>
/// The origin of every value of an effective policy, keyed by its path ("provenance.required",
/// "evals.required[builtin:coercion].maxRate", "provenance.allowedLicenses[MIT]").
/// </summary>
public sealed class PolicyOrigins
{
    private readonly Dictionary<string, PolicyValueOrigin> _origins;

    internal PolicyOrigins(Dictionary<string, PolicyValueOrigin>? origins = null)
        => _origins = origins is null ? new Dictionary<string, PolicyValueOrigin>(System.StringComparer.Ordinal) : new Dictionary<string, PolicyValueOrigin>(origins, System.StringComparer.Ordinal);

    /// <summary>No recorded origins: every value is a default.</summary>
    public static PolicyOrigins Empty { get; } = new();

    /// <summary>The origin of the value at <paramref name="path"/> (a default when no file sets it).</summary>
    public PolicyValueOrigin this[string path] => _origins.TryGetValue(path, out var origin) ? origin : PolicyValueOrigin.Default;

    internal void Set(string path, PolicyValueOrigin origin) => _origins[path] = origin;

    internal PolicyOrigins Copy() => new(_origins);
}
