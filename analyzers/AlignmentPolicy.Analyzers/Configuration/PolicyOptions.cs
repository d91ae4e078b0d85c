using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlignmentPolicy.Analyzers.Configuration;

/// <summary>
/// The policy as analyzers see it: read once per compilation from the global analyzer config that
/// AlignmentPolicy.Build generates (<c>alignment_policy.*</c> keys). Missing keys mean the defaults.
/// Values are lists joined with '|' and percent-encoded, mirroring <c>PolicyGlobalConfig</c> in Core.
/// </summary>
internal sealed class PolicyOptions
{
    internal const string KeyPrefix = "alignment_policy.";

    private PolicyOptions(
        bool isConfigured,
        bool isAgentProject,
        ImmutableArray<string> additionalGateTypes,
        ImmutableArray<string> catalogues,
        ImmutableDictionary<string, ImmutableArray<string>> customSideEffects,
        ImmutableDictionary<string, string> severities,
        bool requireJustification,
        bool provenanceRequired,
        ImmutableArray<string> oversightPaths,
        string unknownOrigin,
        int maxCallDepth,
        ImmutableArray<string> requiredEvalSuites)
    {
        RequiredEvalSuites = requiredEvalSuites;
        UnknownOrigin = unknownOrigin;
        ProvenanceRequired = provenanceRequired;
        OversightPaths = oversightPaths;
        MaxCallDepth = maxCallDepth;
        IsConfigured = isConfigured;
        IsAgentProject = isAgentProject;
        AdditionalGateTypes = additionalGateTypes;
        Catalogues = catalogues;
        CustomSideEffects = customSideEffects;
        Severities = severities;
        RequireJustification = requireJustification;
    }

    /// <summary>The build generated a config (AlignmentPolicy.Build is installed and the project is an agent project).</summary>
    public bool IsConfigured { get; }

    /// <summary>The policy classified this project as an agent project.</summary>
    public bool IsAgentProject { get; }

    public ImmutableArray<string> AdditionalGateTypes { get; }

    public ImmutableArray<string> Catalogues { get; }

    public ImmutableDictionary<string, ImmutableArray<string>> CustomSideEffects { get; }

    public ImmutableDictionary<string, string> Severities { get; }

    public bool RequireJustification { get; }

    /// <summary>Globs of the agent's own configuration, prompts and monitoring: writing them is an oversight side effect.</summary>
    public ImmutableArray<string> OversightPaths { get; }

    /// <summary>The policy requires a provenance manifest in agent projects.</summary>
    public bool ProvenanceRequired { get; }

    /// <summary>Severity of ALN0001 when the client's origin is not in the compilation.</summary>
    public string UnknownOrigin { get; }

    /// <summary>Depth of the interprocedural side-effect search.</summary>
    public int MaxCallDepth { get; }

    /// <summary>The suites the policy's <c>evals.required</c> names: <c>dotnet pack</c> needs passing results for each.</summary>
    public ImmutableArray<string> RequiredEvalSuites { get; }

    /// <summary>The severity for a side-effect category, or null for the rule's default.</summary>
    public string? SeverityFor(string category) => Severities.TryGetValue(category, out var level) ? level : null;

    public static PolicyOptions Read(AnalyzerConfigOptions globalOptions)
    {
        var configured = globalOptions.TryGetValue(KeyPrefix + "agent_project", out var agent);
        var custom = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var severities = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var key in globalOptions.Keys)
        {
            if (key.StartsWith(KeyPrefix + "side_effects.custom.", StringComparison.OrdinalIgnoreCase) && globalOptions.TryGetValue(key, out var ids))
            {
                custom[key.Substring((KeyPrefix + "side_effects.custom.").Length)] = List(ids);
            }
            else if (key.StartsWith(KeyPrefix + "side_effects.severity.", StringComparison.OrdinalIgnoreCase) && globalOptions.TryGetValue(key, out var level))
            {
                severities[key.Substring((KeyPrefix + "side_effects.severity.").Length)] = level.Trim();
            }
        }

        return new PolicyOptions(
            configured,
            !configured || string.Equals(agent?.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            globalOptions.TryGetValue(KeyPrefix + "gates.additional_gate_types", out var gates) ? List(gates) : ImmutableArray<string>.Empty,
            globalOptions.TryGetValue(KeyPrefix + "side_effects.catalogues", out var catalogues) ? List(catalogues) : ImmutableArray.Create("builtin"),
            custom.ToImmutable(),
            severities.ToImmutable(),
            globalOptions.TryGetValue(KeyPrefix + "suppressions.require_justification", out var justification) && string.Equals(justification.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            globalOptions.TryGetValue(KeyPrefix + "provenance.required", out var provenance) && string.Equals(provenance.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            globalOptions.TryGetValue(KeyPrefix + "side_effects.oversight_paths", out var oversight) ? List(oversight) : ImmutableArray<string>.Empty,
            globalOptions.TryGetValue(KeyPrefix + "analyzers.unknown_origin", out var unknown) && unknown.Trim().Length > 0 ? unknown.Trim() : "info",
            globalOptions.TryGetValue(KeyPrefix + "analyzers.max_call_depth", out var depthText) && int.TryParse(depthText.Trim(), out var depth) && depth > 0 ? Math.Min(depth, 20) : 5,
            globalOptions.TryGetValue(KeyPrefix + "evals.required", out var suites) ? List(suites) : ImmutableArray<string>.Empty);
    }

    /// <summary>
    /// Whether the compiler's reader of documentation-comment IDs, which recurses once per level of nesting, can take
    /// the ID. The build refuses deeper or longer IDs in the policy (ALN0311, the same limits); a config edited by hand
    /// could still hold one, and an analyzer must never take the compiler down.
    /// </summary>
    internal static bool IsReadableDocumentationId(string id)
    {
        const int maxNesting = 32;
        const int maxLength = 4096;
        if (id.Length > maxLength)
        {
            return false;
        }

        var depth = 0;
        foreach (var c in id)
        {
            if (c == '{' || c == '(' || c == '[')
            {
                if (++depth > maxNesting + 2)
                {
                    return false;
                }
            }
            else if (c == '}' || c == ')' || c == ']')
            {
                depth--;
            }
        }

        return true;
    }

    internal static ImmutableArray<string> List(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ImmutableArray<string>.Empty;
        }

        var parts = value.Split('|');
        var builder = ImmutableArray.CreateBuilder<string>(parts.Length);
        foreach (var part in parts)
        {
            var decoded = Decode(part.Trim());
            if (decoded.Length > 0)
            {
                builder.Add(decoded);
            }
        }

        return builder.ToImmutable();
    }

    internal static string Decode(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        // A run of %XX escapes is UTF-8: the build encodes U+2028 and the like as their bytes.
        var builder = new StringBuilder(value.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(value.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }

            Flush(builder, bytes);
            builder.Append(value[i]);
        }

        Flush(builder, bytes);
        return builder.ToString();
    }

    private static void Flush(StringBuilder builder, List<byte> bytes)
    {
        if (bytes.Count > 0)
        {
            builder.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            bytes.Clear();
        }
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
