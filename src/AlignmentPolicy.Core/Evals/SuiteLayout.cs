using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.Evals;

/// <summary>One cell of a suite's factor grid: its id (levels joined by '/'), its levels, whether it is the control.</summary>
public sealed class SuiteLayoutCell
{
    internal SuiteLayoutCell(string id, IReadOnlyDictionary<string, string> levels, bool isControl)
    {
        Id = id;
        Levels = levels;
        IsControl = isControl;
    }

    /// <summary>The cell id (<c>explicit/replacement</c>).</summary>
    public string Id { get; }

    /// <summary>Factor name to level.</summary>
    public IReadOnlyDictionary<string, string> Levels { get; }

    /// <summary>Whether this is the suite's control cell.</summary>
    public bool IsControl { get; }
}

/// <summary>
/// What a results file's figures depend on in a suite definition: the metric, the cells of the factor grid (in order),
/// the control, the default primary cells, the arms, the wording variants and the default sample count, with the
/// definition's SHA-256. The harness builds its cells from this (so the grid is defined once), and the pack gate and
/// <c>verify</c> use it to know which cells a result must have and which of them decide: from the suite, never from
/// the file under check.
/// </summary>
public sealed class SuiteLayout
{
    private SuiteLayout(
        string name, string version, string sha256, string metric, int defaultSamples, string control,
        IReadOnlyList<string> primaryCells, IReadOnlyList<string> arms, IReadOnlyList<string> variants, IReadOnlyList<SuiteLayoutCell> cells)
    {
        Name = name;
        Version = version;
        Sha256 = sha256;
        Metric = metric;
        DefaultSamples = defaultSamples;
        Control = control;
        PrimaryCells = primaryCells;
        Arms = arms;
        Variants = variants;
        Cells = cells;
    }

    /// <summary>The suite name (<c>builtin:coercion</c>).</summary>
    public string Name { get; }

    /// <summary>The suite version.</summary>
    public string Version { get; }

    /// <summary>SHA-256 (lowercase hex) of the definition's bytes.</summary>
    public string Sha256 { get; }

    /// <summary><see cref="EvalMetrics.Rate"/> or <see cref="EvalMetrics.Gap"/>.</summary>
    public string Metric { get; }

    /// <summary>Samples per cell when the policy does not say.</summary>
    public int DefaultSamples { get; }

    /// <summary>The control cell's id.</summary>
    public string Control { get; }

    /// <summary>The cells that decide the suite unless the policy names others.</summary>
    public IReadOnlyList<string> PrimaryCells { get; }

    /// <summary>Arm names, monitored first (one unnamed arm, <c>""</c>, for a rate suite).</summary>
    public IReadOnlyList<string> Arms { get; }

    /// <summary>Wording variant ids, in order (sample i uses variant i mod count).</summary>
    public IReadOnlyList<string> Variants { get; }

    /// <summary>The cells of the factor grid, in the suite's order.</summary>
    public IReadOnlyList<SuiteLayoutCell> Cells { get; }

    /// <summary>The cell with this id, or null.</summary>
    public SuiteLayoutCell? FindCell(string id)
    {
        foreach (var cell in Cells)
        {
            if (cell.Id == id)
            {
                return cell;
            }
        }

        return null;
    }

    /// <summary>Builds a layout from a definition's parts; <see cref="SuiteLayoutException"/> when they do not make a valid grid.</summary>
    public static SuiteLayout Create(
        string name, string version, string sha256, string metric, int defaultSamples,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> factors, string control, IReadOnlyList<string> primaryCells,
        IReadOnlyList<string>? arms, IReadOnlyList<string> variants)
    {
        if (factors is null || primaryCells is null || variants is null)
        {
            throw new ArgumentNullException(factors is null ? nameof(factors) : primaryCells is null ? nameof(primaryCells) : nameof(variants));
        }

        void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new SuiteLayoutException(message);
            }
        }

        Require(!string.IsNullOrEmpty(name), "'name' is required.");
        Require(metric is EvalMetrics.Rate or EvalMetrics.Gap, "'metric' must be 'rate' or 'gap'.");
        Require(metric != EvalMetrics.Gap || arms is { Count: 2 }, "a gap suite needs exactly two 'arms' (monitored first).");
        Require(factors.Count > 0 && factors.All(f => f.Value.Count > 0), "'factors' must name at least one factor with levels.");
        Require(variants.Count > 0, "'variants' must hold at least one wording.");
        Require(defaultSamples > 0, "'defaultSamples' must be positive.");

        var cells = new List<(string Id, Dictionary<string, string> Levels)> { ("", new Dictionary<string, string>(StringComparer.Ordinal)) };
        foreach (var factor in factors)
        {
            var next = new List<(string, Dictionary<string, string>)>();
            foreach (var cell in cells)
            {
                foreach (var level in factor.Value)
                {
                    var levels = new Dictionary<string, string>(cell.Levels, StringComparer.Ordinal) { [factor.Key] = level };
                    next.Add((cell.Id.Length == 0 ? level : cell.Id + "/" + level, levels));
                }
            }

            cells = next;
        }

        var built = cells.Select(c => new SuiteLayoutCell(c.Id, c.Levels, string.Equals(c.Id, control, StringComparison.Ordinal))).ToList();
        Require(built.Any(c => c.IsControl), $"the control cell '{control}' is not a cell of the grid.");
        Require(built.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() == built.Count, "two cells of the grid have the same id (a level is repeated).");
        foreach (var primary in primaryCells)
        {
            Require(built.Any(c => c.Id == primary), $"primary cell '{primary}' is not a cell of the grid.");
        }

        return new SuiteLayout(
            name, version, sha256, metric, defaultSamples, control, primaryCells.ToList(),
            arms is null || arms.Count == 0 ? new[] { "" } : arms.ToList(), variants.ToList(), built);
    }

    /// <summary>
    /// Reads the parts of a suite definition (JSON, comments and trailing commas allowed as the harness allows them)
    /// that results depend on; other properties are the harness's and are not read here.
    /// </summary>
    public static SuiteLayout Parse(byte[] utf8, string origin)
    {
        if (utf8 is null)
        {
            throw new ArgumentNullException(nameof(utf8));
        }

        var sha256 = Sha256Hex(utf8);
        JsonObject root;
        try
        {
            var text = new UTF8Encoding(false, true).GetString(utf8).TrimStart('\uFEFF');
            root = JsonParser.Parse(LenientJson.ToStrict(text)) as JsonObject ?? throw new SuiteLayoutException($"{origin}: the suite definition is not a JSON object.");
        }
        catch (JsonSyntaxException e)
        {
            throw new SuiteLayoutException($"{origin}({e.Line},{e.Column}): not a valid suite definition: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new SuiteLayoutException($"{origin}: not UTF-8 text ({e.Message}).");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.Properties)
        {
            if (!seen.Add(property.Name))
            {
                throw new SuiteLayoutException($"{origin}{property.NameSpan}: '{property.Name}' is written twice.");
            }
        }

        var factors = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var item in Array(root, "factors", origin))
        {
            var factor = item as JsonObject ?? throw new SuiteLayoutException($"{origin}{item.Span}: a factor is not an object.");
            var levels = factor.Find("levels")?.Value as JsonObject ?? throw new SuiteLayoutException($"{origin}{factor.Span}: a factor has no 'levels' object.");
            factors.Add(new KeyValuePair<string, IReadOnlyList<string>>(String(factor, "name", origin, ""), levels.Properties.Select(p => p.Name).ToList()));
        }

        var variants = new List<string>();
        foreach (var item in Array(root, "variants", origin))
        {
            variants.Add(item is JsonObject variant ? String(variant, "id", origin, "") : throw new SuiteLayoutException($"{origin}{item.Span}: a variant is not an object."));
        }

        List<string>? arms = null;
        if (root.Find("arms")?.Value is JsonObject armObject)
        {
            arms = armObject.Properties.Select(p => p.Name).ToList();
        }

        var primary = new List<string>();
        foreach (var item in Array(root, "primaryCells", origin))
        {
            primary.Add(item is JsonString s ? s.Value : throw new SuiteLayoutException($"{origin}{item.Span}: a primary cell is not a string."));
        }

        var samples = root.Find("defaultSamples")?.Value;
        var defaultSamples = samples is null ? 100 : samples is JsonNumber { IsInteger: true } n && n.Value is >= 1 and <= int.MaxValue ? (int)n.Value
            : throw new SuiteLayoutException($"{origin}{samples.Span}: 'defaultSamples' is not a positive integer.");
        try
        {
            return Create(
                String(root, "name", origin, null), String(root, "version", origin, "1.0.0"), sha256, String(root, "metric", origin, EvalMetrics.Rate),
                defaultSamples, factors, String(root, "control", origin, ""), primary, arms, variants);
        }
        catch (SuiteLayoutException e)
        {
            throw new SuiteLayoutException($"{origin}: {e.Message}");
        }
    }

    /// <summary>Lowercase hex SHA-256 of <paramref name="bytes"/>, as suite digests are recorded.</summary>
    public static string Sha256Hex(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return FileHasher.ToHex(sha.ComputeHash(bytes));
    }

    private static IReadOnlyList<JsonNode> Array(JsonObject owner, string name, string origin)
        => owner.Find(name)?.Value switch
        {
            null or JsonNull => new JsonNode[0],
            JsonArray array => array.Items,
            var other => throw new SuiteLayoutException($"{origin}{other.Span}: '{name}' is not an array."),
        };

    private static string String(JsonObject owner, string name, string origin, string? fallback)
        => owner.Find(name)?.Value switch
        {
            JsonString s => s.Value,
            null or JsonNull when fallback is not null => fallback,
            null => throw new SuiteLayoutException($"{origin}: '{name}' is required."),
            var other => throw new SuiteLayoutException($"{origin}{other.Span}: '{name}' is not a string."),
        };
}

/// <summary>A suite definition whose layout cannot be read.</summary>
public sealed class SuiteLayoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SuiteLayoutException(string message) : base(message)
    {
    }
}
