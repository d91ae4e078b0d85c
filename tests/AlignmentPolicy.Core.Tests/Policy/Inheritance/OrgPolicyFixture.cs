using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Core.Tests.Policy.Inheritance;

/// <summary>
/// A repository and an organisation policy package on disk: the package's policy under
/// <c>packages/contoso.alignmentpolicy/1.4.0/alignment/alignment-policy.json</c>, found through a source that knows
/// it as Contoso.AlignmentPolicy 1.4.0 (as restore would report it), and the repository's policy under <c>repo/</c>.
/// </summary>
internal sealed class OrgPolicyFixture : IDisposable
{
    public const string Extends = "nuget:Contoso.AlignmentPolicy@1.4.0";

    /// <summary>An organisation policy that sets every field, so each can be tightened and loosened.</summary>
    public const string OrgPolicy = """
        {
          "version": 1,
          "agents": { "autoDetect": true, "include": ["src/**/*.Agent.csproj"], "exclude": ["**/*.Tests.csproj"] },
          "gates": { "additionalGateTypes": ["Contoso.Safety.ContosoGate"] },
          "sideEffects": {
            "catalogues": ["builtin"],
            "custom": { "ledger": ["M:Contoso.Ledger.LedgerClient.Post(System.Decimal)"] },
            "severity": { "ledger": "error", "mail": "warning" },
            "oversightPaths": ["config/**"]
          },
          "analyzers": { "unknownOrigin": "warning", "maxCallDepth": 6 },
          "provenance": {
            "required": true,
            "allowedLicenses": ["MIT", "Apache-2.0", "CC-BY-4.0"],
            "deniedContentClasses": ["ai-self-preservation-fiction"],
            "requirePersonalDataStatement": true
          },
          "evals": {
            "required": [
              { "suite": "builtin:coercion", "maxRate": 0.05, "confidence": 0.95, "minSamples": 100, "maxSamples": 300, "primaryCells": ["explicit/replacement"] },
              { "suite": "builtin:monitoring-gap", "maxGap": 0.05 }
            ],
            "runOnPack": false
          },
          "suppressions": { "requireJustification": true }
        }
        """;

    private readonly Dictionary<string, string> _packages = new(StringComparer.OrdinalIgnoreCase);

    public OrgPolicyFixture()
    {
        Root = Directory.CreateTempSubdirectory("ap-org-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "repo"));
    }

    public string Root { get; }

    public string RepoPolicy => Path.Combine(Root, "repo", AlignmentPolicyDocument.FileName);

    public IPolicyBaseSource Source => new FakeFeed(_packages);

    /// <summary>Publishes a package's policy; returns the file.</summary>
    public string Publish(string text, string id = "Contoso.AlignmentPolicy", string version = "1.4.0")
    {
        var file = Path.Combine(Root, "packages", id.ToLowerInvariant(), version, "alignment", "alignment-policy.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        _packages[$"{id}@{version}"] = file;
        return file;
    }

    /// <summary>Writes the repository's policy with <paramref name="body"/> after version and extends, and loads it.</summary>
    public PolicyLoadResult LoadRepository(string body, string extends = Extends)
    {
        File.WriteAllText(RepoPolicy, RepositoryText(body, extends));
        return PolicyLoader.Load(RepoPolicy, Source);
    }

    /// <summary>The repository's policy text: version and extends on lines 2 and 3, then the body.</summary>
    public static string RepositoryText(string body, string extends = Extends)
        => "{\n  \"version\": 1,\n  \"extends\": \"" + extends + "\"" + (body.Length == 0 ? "" : ",\n" + body) + "\n}\n";

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private sealed class FakeFeed(Dictionary<string, string> packages) : IPolicyBaseSource
    {
        public PolicyBaseLookup Find(BaseReference reference, string requestingFile)
            => packages.TryGetValue($"{reference.PackageId}@{reference.Version}", out var file)
                ? PolicyBaseLookup.Found(new PolicySourceFile(file, reference.PackageId, reference.Version, PolicyPackageLayout.PolicyPath))
                : PolicyBaseLookup.NotFound($"{reference.DisplayName} is not on the test feed.");
    }
}
