using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Evals.Suites;

/// <summary>The built-in suites: the definitions embedded in AlignmentPolicy.Core, where the pack gate reads them too.</summary>
public static class SuiteCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, SuiteDefinition>> s_builtin = new(LoadBuiltin);

    /// <summary>The built-in suites by name (<c>builtin:coercion</c>, ...).</summary>
    public static IReadOnlyDictionary<string, SuiteDefinition> Builtin => s_builtin.Value;

    private static IReadOnlyDictionary<string, SuiteDefinition> LoadBuiltin()
    {
        var suites = new Dictionary<string, SuiteDefinition>(StringComparer.Ordinal);
        foreach (var name in BuiltinNames.Suites)
        {
            var bytes = SuiteLayouts.BuiltinDefinition(name) ?? throw new SuiteException($"The built-in suite '{name}' is missing from AlignmentPolicy.Core.");
            var suite = SuiteDefinition.Parse(bytes, name);
            if (suite.Name != name)
            {
                throw new SuiteException($"The built-in suite resource for '{name}' names itself '{suite.Name}'.");
            }

            suites.Add(name, suite);
        }

        return suites;
    }

    /// <summary>The file-name stem of a suite's results (<c>coercion</c>, <c>nuget-Contoso.Evals.Refunds-1.2.0</c>): the gate's rule, from Core.</summary>
    public static string FileStem(string suiteName) => ResultsFileNames.FileStem(suiteName);
}
