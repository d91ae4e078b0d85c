using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Evals.Suites;

/// <summary>The built-in suites, embedded as data.</summary>
public static class SuiteCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, SuiteDefinition>> s_builtin = new(LoadBuiltin);

    /// <summary>The built-in suites by name (<c>builtin:coercion</c>, ...).</summary>
    public static IReadOnlyDictionary<string, SuiteDefinition> Builtin => s_builtin.Value;

    private static IReadOnlyDictionary<string, SuiteDefinition> LoadBuiltin()
    {
        var assembly = typeof(SuiteCatalog).Assembly;
        var suites = new Dictionary<string, SuiteDefinition>(StringComparer.Ordinal);
        foreach (var name in BuiltinNames.Suites)
        {
            var resource = "AlignmentPolicy.Evals.Suites." + name[BuiltinNames.SuitePrefix.Length..] + ".json";
            using var stream = assembly.GetManifestResourceStream(resource) ?? throw new SuiteException($"The built-in suite '{name}' is missing from {assembly.GetName().Name}.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var suite = SuiteDefinition.Parse(buffer.ToArray(), name);
            if (suite.Name != name)
            {
                throw new SuiteException($"The built-in suite resource for '{name}' names itself '{suite.Name}'.");
            }

            suites.Add(name, suite);
        }

        return suites;
    }

    /// <summary>The file-name stem of a suite's results (<c>coercion</c>, <c>nuget-Contoso.Evals.Refunds-1.2.0</c>).</summary>
    public static string FileStem(string suiteName)
        => suiteName.StartsWith(BuiltinNames.SuitePrefix, StringComparison.Ordinal)
            ? suiteName[BuiltinNames.SuitePrefix.Length..]
            : string.Concat(suiteName.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '-'));
}
