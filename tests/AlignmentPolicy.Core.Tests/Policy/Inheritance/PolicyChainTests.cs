using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Policy.Inheritance;
using AlignmentPolicy.Testing;

namespace AlignmentPolicy.Core.Tests.Policy.Inheritance;

/// <summary>
/// Finding and loading what a policy extends: every way the base can be missing or broken is a coded error at the
/// repository's <c>extends</c>, and chains of bases keep each value's origin.
/// </summary>
public sealed class PolicyChainTests : IDisposable
{
    private readonly OrgPolicyFixture _org = new();

    public void Dispose() => _org.Dispose();

    [Fact]
    public void A_package_missing_from_the_source_is_ALN0319_at_extends()
    {
        var result = _org.LoadRepository("");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("ALN0319", _org.RepoPolicy, 3, 14), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("Contoso.AlignmentPolicy 1.4.0", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Policy);
    }

    [Theory]
    [InlineData("nuget:Contoso.AlignmentPolicy")]
    [InlineData("nuget:Contoso.AlignmentPolicy@1.*")]
    [InlineData("nuget:Contoso.AlignmentPolicy@[1.4.0,2.0)")]
    [InlineData("https://contoso.example/alignment-policy.json")]
    [InlineData("../org/policy.yaml")]
    public void An_extends_value_of_neither_form_is_ALN0323(string extends)
    {
        var result = _org.LoadRepository("", extends);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("ALN0323", 3, 14), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void A_malformed_base_is_reported_in_the_base_and_as_ALN0320_at_extends()
    {
        var (broken, expected) = Markup.Parse("""
            {
              "version": 1,
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": {|ALN0306:5|} } ] }
            }
            """);
        var baseFile = _org.Publish(broken);

        var result = _org.LoadRepository("");

        Assert.Equal(["ALN0306", "ALN0320"], result.Diagnostics.Select(d => d.Code));
        var inBase = result.Diagnostics[0];
        Assert.Equal((baseFile, expected[0].Line, expected[0].Column), (inBase.File, inBase.Line, inBase.Column));
        var atExtends = result.Diagnostics[1];
        Assert.Equal((_org.RepoPolicy, 3, 14), (atExtends.File, atExtends.Line, atExtends.Column));
        Assert.Contains("Contoso.AlignmentPolicy 1.4.0 has 1 error(s)", atExtends.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_that_is_not_json_is_ALN0301_in_the_base_and_ALN0320()
    {
        _org.Publish("{ \"version\": 1, ");

        var result = _org.LoadRepository("");

        Assert.Equal(["ALN0301", "ALN0320"], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void A_base_s_warnings_are_its_publisher_s_business()
    {
        _org.Publish("""{ "version": 1, "provenance": { "allowedLicenses": ["GPL-2.0"] } }""");

        var result = _org.LoadRepository("");

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Policy);
    }

    [Fact]
    public void Policies_that_extend_each_other_are_ALN0321_at_the_extends_that_closes_the_cycle()
    {
        var a = Path.Combine(_org.Root, "repo", "alignment-policy.json");
        var b = Path.Combine(_org.Root, "org", "b.json");
        Directory.CreateDirectory(Path.GetDirectoryName(b)!);
        File.WriteAllText(b, "{\n  \"version\": 1,\n  \"extends\": \"../repo/alignment-policy.json\"\n}\n");
        File.WriteAllText(a, OrgPolicyFixture.RepositoryText("", "../org/b.json"));

        var result = PolicyLoader.Load(a, _org.Source);

        Assert.Equal([("ALN0321", b), ("ALN0320", a)], result.Diagnostics.Select(d => (d.Code, d.File)));
        Assert.Contains("-> ", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_that_extends_itself_is_ALN0321()
    {
        var result = _org.LoadRepository("", "alignment-policy.json");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("ALN0321", 3, 14), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void A_chain_longer_than_the_limit_is_ALN0322_and_the_repository_sees_the_cause_once()
    {
        var folder = Path.Combine(_org.Root, "chain");
        Directory.CreateDirectory(folder);
        for (var i = 0; i <= PolicyChain.MaxBases + 1; i++)
        {
            var extends = i == PolicyChain.MaxBases + 1 ? "" : $", \"extends\": \"level{i + 1}.json\"";
            File.WriteAllText(Path.Combine(folder, $"level{i}.json"), $"{{ \"version\": 1{extends} }}");
        }

        var result = PolicyLoader.Load(Path.Combine(folder, "level0.json"), _org.Source);

        Assert.Equal(["ALN0322", "ALN0320"], result.Diagnostics.Select(d => d.Code));
        Assert.Equal(Path.Combine(folder, $"level{PolicyChain.MaxBases}.json"), result.Diagnostics[0].File);
        Assert.Equal(Path.Combine(folder, "level0.json"), result.Diagnostics[1].File);
    }

    [Fact]
    public void A_chain_of_packages_keeps_each_value_s_origin_and_the_grandparent_is_named_when_loosened()
    {
        _org.Publish("""{ "version": 1, "provenance": { "required": true } }""", "Contoso.Base", "2.0.0");
        _org.Publish("""{ "version": 1, "extends": "nuget:Contoso.Base@2.0.0", "suppressions": { "requireJustification": true } }""");

        var ok = _org.LoadRepository("");
        var values = EffectivePolicy.Values(ok.Policy!).ToDictionary(v => v.Path);
        Assert.Equal("Contoso.Base", values["provenance.required"].Origin.File!.PackageId);
        Assert.Equal("Contoso.AlignmentPolicy", values["suppressions.requireJustification"].Origin.File!.PackageId);
        Assert.Equal(["Contoso.AlignmentPolicy", "Contoso.Base"], ok.Policy!.Bases.Select(b => b.PackageId));

        var loosened = _org.LoadRepository(""" "provenance": { "required": false } """);
        var error = Assert.Single(loosened.Diagnostics);
        Assert.Contains("set by Contoso.Base@2.0.0 alignment/alignment-policy.json:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_may_extend_a_path_inside_its_own_package()
    {
        var file = _org.Publish("""{ "version": 1, "extends": "common/shared.json" }""");
        var shared = Path.Combine(Path.GetDirectoryName(file)!, "common", "shared.json");
        Directory.CreateDirectory(Path.GetDirectoryName(shared)!);
        File.WriteAllText(shared, """{ "version": 1, "suppressions": { "requireJustification": true } }""");

        var policy = _org.LoadRepository("").Policy!;

        var value = Assert.Single(EffectivePolicy.Values(policy), v => v.Path == "suppressions.requireJustification");
        Assert.Equal("Contoso.AlignmentPolicy@1.4.0 common/shared.json:1:59", value.Origin.Describe());
    }

    [Fact]
    public void The_repository_may_name_the_base_s_categories_and_refine_its_suites_without_restating_thresholds()
    {
        _org.Publish(OrgPolicyFixture.OrgPolicy);

        var result = _org.LoadRepository("""
              "sideEffects": { "severity": { "ledger": "error" } },
              "evals": { "required": [ { "suite": "builtin:monitoring-gap", "confidence": 0.99 } ] }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(0.05, result.Policy!.Evals.Required[1].MaxGap);
        Assert.Equal(0.99, result.Policy.Evals.Required[1].Confidence);
    }

    [Fact]
    public void A_new_suite_still_needs_a_threshold_and_an_unknown_category_is_still_unknown()
    {
        _org.Publish(OrgPolicyFixture.OrgPolicy);
        var (text, expected) = Markup.Parse(OrgPolicyFixture.RepositoryText("""
              "sideEffects": { "severity": { {|ALN0307:"ledgr"|}: "error" } },
              "evals": { "required": [ {|ALN0305:|}{ "suite": "builtin:oversight" } ] }
            """));
        File.WriteAllText(_org.RepoPolicy, text);

        var result = PolicyLoader.Load(_org.RepoPolicy, _org.Source);

        Assert.Equal(expected, result.Diagnostics.Select(d => new Markup.Expected(d.Code, d.Line, d.Column)));
    }

    [Fact]
    public void The_digest_covers_the_base_so_results_of_another_base_are_stale()
    {
        _org.Publish(OrgPolicyFixture.OrgPolicy);
        var first = _org.LoadRepository("").Policy!;
        _org.Publish(OrgPolicyFixture.OrgPolicy.Replace("0.05", "0.04"));
        var second = _org.LoadRepository("").Policy!;

        Assert.NotEqual(first.Sha256, second.Sha256);
        Assert.Equal(_org.RepoPolicy, second.FilePath);
        Assert.Equal(OrgPolicyFixture.Extends, second.Extends);
    }

    [Fact]
    public void A_policy_that_extends_nothing_records_its_own_positions()
    {
        var (text, at) = Markup.Parse("""{ "version": 1, "provenance": { "required": {|AT:true|} }, "sideEffects": { "catalogues": [{|CAT:"builtin"|}] } }""");

        var policy = PolicyLoader.Parse(text, "/repo/alignment-policy.json").Policy!;

        var value = Assert.Single(EffectivePolicy.Values(policy), v => v.Path == "provenance.required");
        Assert.Equal($"/repo/alignment-policy.json:{at[0].Line}:{at[0].Column}", value.Origin.Describe());
        Assert.True(Assert.Single(EffectivePolicy.Values(policy), v => v.Path == "agents.autoDetect").Origin.IsDefault);
        var catalogue = Assert.Single(EffectivePolicy.Values(policy), v => v.Path == "sideEffects.catalogues[0]");
        Assert.Equal((at[1].Line, at[1].Column), (catalogue.Origin.Line, catalogue.Origin.Column));
        Assert.Empty(policy.Bases);
    }
}
