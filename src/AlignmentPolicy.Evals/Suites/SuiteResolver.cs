using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Evals.Suites;

/// <summary>Resolves a suite name: <c>builtin:x</c>, <c>nuget:Id@Version</c> (from the configured feeds), or a path to a suite JSON file.</summary>
public static class SuiteResolver
{
    public static SuiteDefinition Resolve(string name, string projectDirectory)
    {
        if (name.StartsWith(BuiltinNames.SuitePrefix, StringComparison.Ordinal))
        {
            return SuiteCatalog.Builtin.TryGetValue(name, out var suite)
                ? suite
                : throw new SuiteException($"Unknown built-in suite '{name}'. Known: {string.Join(", ", SuiteCatalog.Builtin.Keys)}.");
        }

        if (name.StartsWith(BuiltinNames.NuGetSuitePrefix, StringComparison.Ordinal))
        {
            return NuGetSuiteSource.Resolve(name, projectDirectory);
        }

        var path = Path.GetFullPath(name, projectDirectory);
        return File.Exists(path)
            ? SuiteDefinition.Parse(File.ReadAllBytes(path), path)
            : throw new SuiteException($"Suite '{name}' is neither builtin:<name>, nuget:<Id>@<Version>, nor an existing suite file.");
    }
}
