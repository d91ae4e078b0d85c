using System.Text.Json.Nodes;
using AlignmentPolicy.Testing;

namespace AlignmentPolicy.Cli.Tests.OrganisationPolicy;

/// <summary>
/// <c>alignment-policy check</c> on a repository that extends an organisation policy package: the package is restored
/// from the NuGet.config's feed with NuGet.Protocol, and the effective policy is shown with where each value came from.
/// </summary>
public sealed class CheckProvenanceTests : IDisposable
{
    private const string OrgPolicy = """
        {
          "version": 1,
          "sideEffects": { "custom": { "ledger": ["M:Contoso.Ledger.LedgerClient.Post(System.Decimal)"] }, "severity": { "ledger": "error" } },
          "provenance": { "required": {|REQUIRED:true|}, "allowedLicenses": ["MIT", "Apache-2.0"] },
          "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.05 }, { "suite": "builtin:oversight", "maxRate": 0.05 } ] }
        }
        """;

    private const string RepositoryPolicy = """
        {
          "version": 1,
          "extends": "nuget:Contoso.AlignmentPolicy@1.4.0",
          "provenance": { "allowedLicenses": [{|MIT:"MIT"|}] },
          "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": {|RATE:0.01|} } ] }
        }
        """;

    private readonly OrganisationFeed _feed = new();

    public void Dispose() => _feed.Dispose();

    private (List<Markup.Expected> Base, List<Markup.Expected> Repository) PublishAndWrite()
    {
        var (orgText, orgMarks) = Markup.Parse(OrgPolicy);
        _feed.PublishPolicy(orgText);
        var (repoText, repoMarks) = Markup.Parse(RepositoryPolicy);
        File.WriteAllText(_feed.PolicyPath, repoText);
        return (orgMarks, repoMarks);
    }

    [Fact]
    public void Text_shows_each_value_with_the_package_version_file_and_line_or_the_repository_s_line()
    {
        var (org, repo) = PublishAndWrite();

        var (exitCode, output, _) = CliRunner.Run("check", _feed.Repository);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains($"Effective policy of {_feed.PolicyPath}", lines);
        Assert.Contains("extends \"nuget:Contoso.AlignmentPolicy@1.4.0\"", lines);
        Assert.Matches($@"^provenance\.required = true +Contoso\.AlignmentPolicy@1\.4\.0 alignment/alignment-policy\.json:{org[0].Line}:{org[0].Column}$", Line(lines, "provenance.required ="));
        Assert.Matches($@"^provenance\.allowedLicenses\[0\] = ""MIT"" +alignment-policy\.json:{repo[0].Line}:{repo[0].Column}$", Line(lines, "provenance.allowedLicenses[0] ="));
        Assert.Matches($@"^evals\.required\[builtin:coercion\]\.maxRate = 0\.01 +alignment-policy\.json:{repo[1].Line}:{repo[1].Column}$", Line(lines, "evals.required[builtin:coercion].maxRate ="));
        Assert.Matches(@"^evals\.required\[builtin:oversight\]\.maxRate = 0\.05 +Contoso\.AlignmentPolicy@1\.4\.0 alignment/alignment-policy\.json:5:", Line(lines, "evals.required[builtin:oversight].maxRate ="));
        Assert.Matches(@"^sideEffects\.custom\.ledger\[0\] = ""M:Contoso\.Ledger\.LedgerClient\.Post\(System\.Decimal\)"" +Contoso\.AlignmentPolicy@1\.4\.0 ", Line(lines, "sideEffects.custom.ledger[0] ="));
        Assert.Matches(@"^evals\.required\[builtin:oversight\]\.confidence = 0\.95 +default$", Line(lines, "evals.required[builtin:oversight].confidence ="));
        Assert.EndsWith("valid (0 warnings).", lines.Last(l => l.Length > 0));
    }

    [Fact]
    public void The_package_is_installed_in_the_global_packages_folder_and_a_second_check_needs_no_feed()
    {
        PublishAndWrite();
        Assert.Equal(0, CliRunner.Run("check", _feed.Repository).ExitCode);
        Assert.True(File.Exists(Path.Combine(_feed.GlobalPackages, "contoso.alignmentpolicy", "1.4.0", "alignment", "alignment-policy.json")));

        Directory.Delete(_feed.Feed, recursive: true);

        Assert.Equal(0, CliRunner.Run("check", _feed.Repository).ExitCode);
    }

    [Fact]
    public void Json_gives_every_value_its_origin_and_the_chain_of_bases()
    {
        var (org, repo) = PublishAndWrite();

        var (exitCode, output, _) = CliRunner.Run("check", _feed.Repository, "--json");

        Assert.Equal(0, exitCode);
        var json = JsonNode.Parse(output)!;
        Assert.True(json["valid"]!.GetValue<bool>());
        Assert.Equal(_feed.PolicyPath, json["policy"]!.GetValue<string>());
        var baseFile = json["bases"]!.AsArray().Single()!;
        Assert.Equal(("Contoso.AlignmentPolicy", "1.4.0"), (baseFile["package"]!.GetValue<string>(), baseFile["version"]!.GetValue<string>()));
        var values = json["values"]!.AsArray().ToDictionary(v => v!["path"]!.GetValue<string>());

        var required = values["provenance.required"]!;
        Assert.True(required["value"]!.GetValue<bool>());
        Assert.Equal("base", required["origin"]!["kind"]!.GetValue<string>());
        Assert.Equal(("Contoso.AlignmentPolicy", "1.4.0", "alignment/alignment-policy.json", org[0].Line, org[0].Column),
            (required["origin"]!["package"]!.GetValue<string>(), required["origin"]!["version"]!.GetValue<string>(), required["origin"]!["pathInPackage"]!.GetValue<string>(),
             required["origin"]!["line"]!.GetValue<int>(), required["origin"]!["column"]!.GetValue<int>()));

        var rate = values["evals.required[builtin:coercion].maxRate"]!;
        Assert.Equal(0.01, rate["value"]!.GetValue<double>());
        Assert.Equal(("repository", _feed.PolicyPath, repo[1].Line, repo[1].Column),
            (rate["origin"]!["kind"]!.GetValue<string>(), rate["origin"]!["file"]!.GetValue<string>(), rate["origin"]!["line"]!.GetValue<int>(), rate["origin"]!["column"]!.GetValue<int>()));

        Assert.Equal("default", values["agents.autoDetect"]!["origin"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Loosening_prints_ALN0318_at_the_repository_s_value_and_json_lists_it()
    {
        _feed.PublishPolicy(Markup.Parse(OrgPolicy).Text);
        var (text, expected) = Markup.Parse(RepositoryPolicy.Replace("{|RATE:0.01|}", "{|ALN0318:0.2|}").Replace("{|MIT:\"MIT\"|}", "\"MIT\", {|ALN0318:\"GPL-3.0-only\"|}"));
        File.WriteAllText(_feed.PolicyPath, text);

        var (exitCode, output, _) = CliRunner.Run("check", _feed.PolicyPath);
        var (jsonExit, json, _) = CliRunner.Run("check", _feed.PolicyPath, "--json");

        Assert.Equal((1, 1), (exitCode, jsonExit));
        foreach (var at in expected)
        {
            Assert.Contains($"{_feed.PolicyPath}({at.Line},{at.Column}): error ALN0318: ", output);
        }

        Assert.DoesNotContain("Effective policy", output);
        var diagnostics = JsonNode.Parse(json)!["diagnostics"]!.AsArray();
        Assert.Equal(expected, diagnostics.Select(d => new Markup.Expected(d!["code"]!.GetValue<string>(), d["line"]!.GetValue<int>(), d["column"]!.GetValue<int>())));
        Assert.False(JsonNode.Parse(json)!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public void A_version_missing_from_the_feed_is_ALN0319_listing_the_versions_there()
    {
        PublishAndWrite();
        File.WriteAllText(_feed.PolicyPath, File.ReadAllText(_feed.PolicyPath).Replace("@1.4.0", "@1.3.0"));

        var (exitCode, output, _) = CliRunner.Run("check", _feed.Repository);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{_feed.PolicyPath}(3,14): error ALN0319: ", output);
        Assert.Contains("Versions on the sources: 1.4.0.", output);
        Assert.Contains(_feed.Feed, output);
    }

    [Fact]
    public void A_package_that_is_not_an_organisation_policy_is_ALN0319()
    {
        _feed.Publish("Contoso.AlignmentPolicy", "1.4.0", ("lib/readme.txt", "not a policy"));
        File.WriteAllText(_feed.PolicyPath, """{ "version": 1, "extends": "nuget:Contoso.AlignmentPolicy@1.4.0" }""");

        var (exitCode, output, _) = CliRunner.Run("check", _feed.Repository);

        Assert.Equal(1, exitCode);
        Assert.Contains("error ALN0319: ", output);
        Assert.Contains("no alignment/alignment-policy.json", output);
    }

    private static string Line(string[] lines, string start) => Assert.Single(lines, l => l.StartsWith(start, StringComparison.Ordinal));
}
