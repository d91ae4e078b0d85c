using System.Collections.Generic;
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Core.Policy;

/// <summary>
/// A validated <c>alignment-policy.json</c>. Every section is present: a section the file leaves out
/// holds the defaults, so consumers never test for null.
/// </summary>
public sealed class AlignmentPolicyDocument
{
    /// <summary>The file name searched for when no path is given.</summary>
    public const string FileName = "alignment-policy.json";

    /// <summary>The only format version this tool reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The full path of the file, or null for the built-in defaults.</summary>
    public string? FilePath { get; internal set; }

    /// <summary>SHA-256 (lower-case hex) of the file's bytes, or null for the defaults.</summary>
    public string? Sha256 { get; internal set; }

    /// <summary>The format version.</summary>
    public int Version { get; internal set; } = CurrentVersion;

    /// <summary>The <c>extends</c> value as written (<c>nuget:Id@Version</c> or a path), or null.</summary>
    public string? Extends { get; internal set; }

    /// <summary>The policies this one stands on, nearest first; empty when it extends none.</summary>
    public IReadOnlyList<PolicySourceFile> Bases { get; internal set; } = new PolicySourceFile[0];

    /// <summary>Where each value was written: this file, a base (package, version, line), or nowhere (a default).</summary>
    public PolicyOrigins Origins { get; internal set; } = PolicyOrigins.Empty;

    /// <summary>Which projects are agent projects.</summary>
    public AgentsSection Agents { get; } = new();

    /// <summary>Extra gate types.</summary>
    public GatesSection Gates { get; } = new();

    /// <summary>Side-effect catalogues and severities.</summary>
    public SideEffectsSection SideEffects { get; } = new();

    /// <summary>How the analyzers judge what they cannot see.</summary>
    public AnalyzersSection Analyzers { get; } = new();

    /// <summary>Dataset provenance requirements.</summary>
    public ProvenanceSection Provenance { get; } = new();

    /// <summary>Required evaluations.</summary>
    public EvalsSection Evals { get; } = new();

    /// <summary>Suppression rules.</summary>
    public SuppressionsSection Suppressions { get; } = new();

    /// <summary>The policy used when a project has no policy file.</summary>
    public static AlignmentPolicyDocument CreateDefault() => new();
}

/// <summary>The <c>agents</c> section.</summary>
public sealed class AgentsSection
{
    /// <summary>Detect agent projects from their model SDK references (default true).</summary>
    public bool AutoDetect { get; internal set; } = true;

    /// <summary>Project path patterns, relative to the policy file, that are agent projects.</summary>
    public IReadOnlyList<string> Include { get; internal set; } = new string[0];

    /// <summary>Project path patterns that are never agent projects.</summary>
    public IReadOnlyList<string> Exclude { get; internal set; } = new string[0];
}

/// <summary>The <c>gates</c> section.</summary>
public sealed class GatesSection
{
    /// <summary>Fully qualified names of user types that count as policy gates.</summary>
    public IReadOnlyList<string> AdditionalGateTypes { get; internal set; } = new string[0];
}

/// <summary>The <c>sideEffects</c> section.</summary>
public sealed class SideEffectsSection
{
    /// <summary>Catalogues in force (default: <c>builtin</c>).</summary>
    public IReadOnlyList<string> Catalogues { get; internal set; } = new[] { BuiltinNames.BuiltinCatalogue };

    /// <summary>User categories and documentation-comment IDs of their APIs.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Custom { get; internal set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Paths (relative to the project, globs) of the agent's own configuration, prompts, monitoring and
    /// credentials: a file write to one of them is an <c>oversight</c> side effect.
    /// </summary>
    public IReadOnlyList<string> OversightPaths { get; internal set; } = new string[0];

    /// <summary>Severity per category: error, warning, info or none.</summary>
    public IReadOnlyDictionary<string, string> Severity { get; internal set; } = new Dictionary<string, string>();
}

/// <summary>The <c>analyzers</c> section.</summary>
public sealed class AnalyzersSection
{
    /// <summary>The default depth of the interprocedural side-effect search.</summary>
    public const int DefaultMaxCallDepth = 5;

    /// <summary>
    /// Severity of ALN0001 when a client's origin cannot be seen in the compilation (an injected client
    /// with no registration in it): error, warning, info (default) or none.
    /// </summary>
    public string UnknownOrigin { get; internal set; } = "info";

    /// <summary>How many calls deep ALN0002 follows a tool into the compilation's own methods (1-20, default 5).</summary>
    public int MaxCallDepth { get; internal set; } = DefaultMaxCallDepth;
}

/// <summary>The <c>provenance</c> section.</summary>
public sealed class ProvenanceSection
{
    /// <summary>Agent projects must have a provenance manifest.</summary>
    public bool Required { get; internal set; }

    /// <summary>SPDX licence ids datasets may carry; empty means any.</summary>
    public IReadOnlyList<string> AllowedLicenses { get; internal set; } = new string[0];

    /// <summary>Content classes that training and retrieval data must not contain.</summary>
    public IReadOnlyList<string> DeniedContentClasses { get; internal set; } = new string[0];

    /// <summary>Every dataset must say whether it holds personal data.</summary>
    public bool RequirePersonalDataStatement { get; internal set; }
}

/// <summary>The <c>evals</c> section.</summary>
public sealed class EvalsSection
{
    /// <summary>The evaluations a package needs.</summary>
    public IReadOnlyList<EvalRequirement> Required { get; internal set; } = new EvalRequirement[0];

    /// <summary>Run the evaluations during <c>dotnet pack</c> when results are missing or stale.</summary>
    public bool RunOnPack { get; internal set; }
}

/// <summary>One entry of <c>evals.required</c>.</summary>
public sealed class EvalRequirement
{
    /// <summary>The default confidence for pass/fail bounds.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>The suite: <c>builtin:name</c> or <c>nuget:Id@Version</c>.</summary>
    public string Suite { get; internal set; } = "";

    /// <summary>Highest acceptable misalignment rate, or null.</summary>
    public double? MaxRate { get; internal set; }

    /// <summary>Highest acceptable compliance gap (monitoring-gap), or null.</summary>
    public double? MaxGap { get; internal set; }

    /// <summary>Highest acceptable share of legitimate actions the agent's gates blocked (the helpfulness cost; exact
    /// one-sided upper bound at <see cref="Confidence"/>), or null for no bound. Measured where the model's intent is
    /// known (the simulated model).</summary>
    public double? MaxBlockedRate { get; internal set; }

    /// <summary>Confidence of the one-sided bound (0.5, 1).</summary>
    public double Confidence { get; internal set; } = DefaultConfidence;

    /// <summary>Fewest samples before a verdict, or null for the suite's default.</summary>
    public int? MinSamples { get; internal set; }

    /// <summary>Most samples per cell, or null for the suite's default.</summary>
    public int? MaxSamples { get; internal set; }

    /// <summary>Cells whose verdicts decide the suite (Holm-corrected); empty means the suite's default.</summary>
    public IReadOnlyList<string> PrimaryCells { get; internal set; } = new string[0];

    /// <summary>Stop early with Wald's sequential test.</summary>
    public bool EarlyStopping { get; internal set; }

    /// <summary>1-based line of the entry in the policy file.</summary>
    public int Line { get; internal set; }

    /// <summary>1-based column of the entry in the policy file.</summary>
    public int Column { get; internal set; }
}

/// <summary>The <c>suppressions</c> section.</summary>
public sealed class SuppressionsSection
{
    /// <summary>Suppressing an ALN rule needs a written justification.</summary>
    public bool RequireJustification { get; internal set; }
}
