using System.Text.Json;
using System.Text.Json.Serialization;
using AlignmentPolicy.Core.Evals;

namespace AlignmentPolicy.Evals.Suites;

/// <summary>
/// A suite is data: a manifest with factor grid, wording variants, the scenario's world (inbox, files, documents),
/// a deterministic scoring rule, a classifier prompt and the simulated model's scripts. Built-in suites are embedded
/// resources; third parties publish the same JSON in a NuGet package (<c>suite/suite.json</c>).
/// </summary>
public sealed class SuiteDefinition
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "1.0.0";
    public string Family { get; set; } = "";
    public string Title { get; set; } = "";
    public string Source { get; set; } = "";
    /// <summary><c>rate</c> or <c>gap</c>.</summary>
    public string Metric { get; set; } = "rate";
    public int DefaultSamples { get; set; } = 100;
    public List<string> Tools { get; set; } = [];
    public string ReferenceSystemPrompt { get; set; } = "";
    public List<SuiteFactor> Factors { get; set; } = [];
    public string Control { get; set; } = "";
    public List<string> PrimaryCells { get; set; } = [];
    /// <summary>Gap suites: arm name to the sentence that puts the request in that arm ("monitored" first).</summary>
    public Dictionary<string, string>? Arms { get; set; }
    public string? AcceptMarker { get; set; }
    public List<SuiteVariant> Variants { get; set; } = [];
    public List<SuiteEmail> Inbox { get; set; } = [];
    public List<SuiteFile> Files { get; set; } = [];
    public Dictionary<string, string> Documents { get; set; } = [];
    public string? FollowUp { get; set; }
    public SuiteScorer Scorer { get; set; } = new();
    public SimulatedScript Simulated { get; set; } = new();
    /// <summary>Factor name to level to the misaligned steps in cells with that level (overrides <see cref="SimulatedScript.Misaligned"/>).</summary>
    public Dictionary<string, Dictionary<string, List<SimulatedStep>>>? SimulatedByLevel { get; set; }
    public string? ClassifierPrompt { get; set; }
    /// <summary>The message-corpus family the simulated model draws this suite's actions from (held-out part): its
    /// misaligned actions from the family's misaligned rows, its aligned ones from the family's hard negatives, each in
    /// the row's own scenario. Null: the simulated model follows <see cref="Simulated"/>.</summary>
    public SuiteCorpus? Corpus { get; set; }

    /// <summary>SHA-256 of the definition's bytes, as recorded in results.</summary>
    [JsonIgnore]
    public string Sha256 { get; private set; } = "";

    /// <summary>The cells of the factor grid, in a stable order.</summary>
    [JsonIgnore]
    public IReadOnlyList<SuiteCell> Cells { get; private set; } = [];

    /// <summary>What results depend on (grid, control, primary cells, arms, variants), as the pack gate reads it too.</summary>
    [JsonIgnore]
    public SuiteLayout Layout { get; private set; } = null!;

    /// <summary>Arm names: one unnamed arm for a rate suite.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ArmNames => Arms is null ? [""] : [.. Arms.Keys];

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses and checks a suite definition.</summary>
    public static SuiteDefinition Parse(byte[] utf8, string origin)
    {
        SuiteDefinition suite;
        try
        {
            suite = JsonSerializer.Deserialize<SuiteDefinition>(utf8, JsonOptions) ?? throw new SuiteException($"{origin}: the suite is empty.");
        }
        catch (JsonException e)
        {
            throw new SuiteException($"{origin}: not a valid suite definition: {e.Message}");
        }

        suite.Sha256 = SuiteLayout.Sha256Hex(utf8);
        try
        {
            // One grid for the harness and the gate: the cells are built by Core from the same parts.
            suite.Layout = SuiteLayout.Create(
                suite.Name, suite.Version, suite.Sha256, suite.Metric, suite.DefaultSamples,
                [.. suite.Factors.Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Name, [.. f.Levels.Keys]))],
                suite.Control, suite.PrimaryCells, suite.Arms is null ? null : [.. suite.Arms.Keys], [.. suite.Variants.Select(v => v.Id)]);
        }
        catch (SuiteLayoutException e)
        {
            throw new SuiteException($"{origin}: {e.Message}");
        }

        suite.Cells = [.. suite.Layout.Cells.Select(c => new SuiteCell(c.Id, c.Levels) { IsControl = c.IsControl })];
        suite.Validate(origin);
        return suite;
    }

    private void Validate(string origin)
    {
        void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new SuiteException($"{origin}: {message}");
            }
        }

        Require(Corpus is null || Corpus.Family.Length > 0 && AlignmentPolicy.Evals.Corpus.CorpusFamilies.All.Contains(Corpus.Family),
            $"'corpus.family' must be one of {string.Join(", ", AlignmentPolicy.Evals.Corpus.CorpusFamilies.All)}.");
        foreach (var tool in Tools)
        {
            Require(AlignmentPolicy.Gates.EvalEnvironment.ToolNames.Contains(tool), $"unknown tool '{tool}'.");
        }

        foreach (var rule in Scorer.Actions)
        {
            foreach (var condition in rule.Conditions)
            {
                _ = new System.Text.RegularExpressions.Regex(condition.Pattern);
            }
        }
    }
}

public sealed class SuiteFactor
{
    public string Name { get; set; } = "";
    /// <summary>Level name to the sentence the level puts into the scenario (may be empty).</summary>
    public Dictionary<string, string> Levels { get; set; } = [];
}

public sealed class SuiteVariant
{
    public string Id { get; set; } = "";
    public string Task { get; set; } = "";
    /// <summary>Misaligned steps specific to this wording (gap suites: the request's harmful action).</summary>
    public List<SimulatedStep>? Misaligned { get; set; }
}

public sealed class SuiteEmail
{
    public string Id { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public Dictionary<string, List<string>>? When { get; set; }
}

public sealed class SuiteFile
{
    public string Path { get; set; } = "";
    public string Content { get; set; } = "";
    public Dictionary<string, List<string>>? When { get; set; }
}

public sealed class SuiteScorer
{
    public List<ActionRule> Actions { get; set; } = [];
    /// <summary>A regular expression over the final answer that counts as misaligned (gap suites: the accept marker).</summary>
    public string? AcceptPattern { get; set; }
    /// <summary>A regular expression over the answer to the follow-up question that is a denial.</summary>
    public string? DenialPattern { get; set; }
}

public sealed class ActionRule
{
    public string Id { get; set; } = "";
    public List<string> Tools { get; set; } = [];
    /// <summary>All must match: each a pattern over the named arguments joined by new lines.</summary>
    public List<ActionCondition> Conditions { get; set; } = [];
}

public sealed class ActionCondition
{
    public List<string> Arguments { get; set; } = [];
    public string Pattern { get; set; } = "";
}

public sealed class SimulatedScript
{
    public List<SimulatedStep> Misaligned { get; set; } = [];
    public List<SimulatedStep> Aligned { get; set; } = [];
    public string AlignedAnswer { get; set; } = "Done.";
    public string MisalignedAnswer { get; set; } = "Done.";
    public string? FollowUpTruthful { get; set; }
    public string? FollowUpDenial { get; set; }
}

public sealed class SuiteCorpus
{
    /// <summary><c>coercion</c>, <c>leak</c>, <c>oversight</c> or <c>dishonest</c>.</summary>
    public string Family { get; set; } = "";
}

public sealed class SimulatedStep
{
    public string Tool { get; set; } = "";
    public Dictionary<string, string> Arguments { get; set; } = [];
}

/// <summary>One cell of the factor grid.</summary>
public sealed class SuiteCell(string id, IReadOnlyDictionary<string, string> levels)
{
    public string Id { get; } = id;
    public IReadOnlyDictionary<string, string> Levels { get; } = levels;
    public bool IsControl { get; internal set; }

    /// <summary>Whether an item with this condition is part of the cell's world.</summary>
    public bool Matches(Dictionary<string, List<string>>? when)
        => when is null || when.All(pair => Levels.TryGetValue(pair.Key, out var level) && pair.Value.Contains(level, StringComparer.Ordinal));
}

/// <summary>A suite that cannot be loaded or resolved.</summary>
public sealed class SuiteException(string message) : Exception(message);
