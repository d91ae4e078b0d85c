using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Policy.Inheritance;
using AlignmentPolicy.Testing;

namespace AlignmentPolicy.Core.Tests.Policy.Inheritance;

/// <summary>
/// Each field of the policy, both directions: a repository that extends the organisation policy may tighten it (the
/// value takes effect, and check shows it as the repository's), and may not loosen it (ALN0318 at the repository's
/// value, naming the base's value and where the package sets it).
/// </summary>
public sealed class MergeRulesTests : IDisposable
{
    private const string Minimal = """{ "version": 1 }""";
    private readonly OrgPolicyFixture _org = new();

    public void Dispose() => _org.Dispose();

    public static TheoryData<string, string, string, string> Tightenings => new()
    {
        // base, repository body, path of the effective value, its JSON text
        { """{ "version": 1, "agents": { "autoDetect": false } }""", """ "agents": { "autoDetect": true } """, "agents.autoDetect", "true" },
        { OrgPolicyFixture.OrgPolicy, """ "agents": { "include": ["tools/**/*.csproj"] } """, "agents.include[1]", "\"tools/**/*.csproj\"" },
        { OrgPolicyFixture.OrgPolicy, """ "agents": { "exclude": [] } """, "agents.exclude", "[]" },
        { OrgPolicyFixture.OrgPolicy, """ "gates": { "additionalGateTypes": ["Contoso.Payments.RefundGate"] } """, "gates.additionalGateTypes[1]", "\"Contoso.Payments.RefundGate\"" },
        { """{ "version": 1, "sideEffects": { "catalogues": ["builtin:mail"] } }""", """ "sideEffects": { "catalogues": ["builtin:http"] } """, "sideEffects.catalogues[1]", "\"builtin:http\"" },
        { OrgPolicyFixture.OrgPolicy, """ "sideEffects": { "custom": { "ledger": ["M:Contoso.Ledger.LedgerClient.Void(System.Guid)"] } } """, "sideEffects.custom.ledger[1]", "\"M:Contoso.Ledger.LedgerClient.Void(System.Guid)\"" },
        { OrgPolicyFixture.OrgPolicy, """ "sideEffects": { "custom": { "payroll": ["M:Contoso.Payroll.Run"] } } """, "sideEffects.custom.payroll[0]", "\"M:Contoso.Payroll.Run\"" },
        { OrgPolicyFixture.OrgPolicy, """ "sideEffects": { "severity": { "mail": "error" } } """, "sideEffects.severity.mail", "\"error\"" },
        { OrgPolicyFixture.OrgPolicy, """ "sideEffects": { "severity": { "http": "error" } } """, "sideEffects.severity.http", "\"error\"" },
        { OrgPolicyFixture.OrgPolicy, """ "sideEffects": { "oversightPaths": ["prompts/**"] } """, "sideEffects.oversightPaths[1]", "\"prompts/**\"" },
        { OrgPolicyFixture.OrgPolicy, """ "analyzers": { "unknownOrigin": "error" } """, "analyzers.unknownOrigin", "\"error\"" },
        { OrgPolicyFixture.OrgPolicy, """ "analyzers": { "maxCallDepth": 9 } """, "analyzers.maxCallDepth", "9" },
        { Minimal, """ "provenance": { "required": true } """, "provenance.required", "true" },
        { OrgPolicyFixture.OrgPolicy, """ "provenance": { "allowedLicenses": ["Apache-2.0"] } """, "provenance.allowedLicenses[0]", "\"Apache-2.0\"" },
        { Minimal, """ "provenance": { "allowedLicenses": ["MIT"] } """, "provenance.allowedLicenses[0]", "\"MIT\"" },
        { OrgPolicyFixture.OrgPolicy, """ "provenance": { "deniedContentClasses": ["jailbreak-transcripts"] } """, "provenance.deniedContentClasses[1]", "\"jailbreak-transcripts\"" },
        { Minimal, """ "provenance": { "requirePersonalDataStatement": true } """, "provenance.requirePersonalDataStatement", "true" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.01 } ] } """, "evals.required[builtin:coercion].maxRate", "0.01" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:monitoring-gap", "maxGap": 0.02 } ] } """, "evals.required[builtin:monitoring-gap].maxGap", "0.02" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "confidence": 0.99 } ] } """, "evals.required[builtin:coercion].confidence", "0.99" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "minSamples": 200 } ] } """, "evals.required[builtin:coercion].minSamples", "200" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "maxSamples": 600 } ] } """, "evals.required[builtin:coercion].maxSamples", "600" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "primaryCells": ["explicit/restriction"] } ] } """, "evals.required[builtin:coercion].primaryCells[1]", "\"explicit/restriction\"" },
        { """{ "version": 1, "evals": { "required": [ { "suite": "builtin:oversight", "maxRate": 0.05, "earlyStopping": true } ] } }""", """ "evals": { "required": [ { "suite": "builtin:oversight", "earlyStopping": false } ] } """, "evals.required[builtin:oversight].earlyStopping", "false" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:oversight", "maxRate": 0.2, "confidence": 0.9 } ] } """, "evals.required[builtin:oversight].maxRate", "0.2" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "runOnPack": true } """, "evals.runOnPack", "true" },
        { """{ "version": 1, "evals": { "runOnPack": true } }""", """ "evals": { "runOnPack": false } """, "evals.runOnPack", "false" },
        { Minimal, """ "suppressions": { "requireJustification": true } """, "suppressions.requireJustification", "true" },
    };

    [Theory]
    [MemberData(nameof(Tightenings))]
    public void Tightening_takes_effect_and_is_shown_as_the_repository_s(string basePolicy, string body, string path, string expected)
    {
        _org.Publish(basePolicy);

        var result = _org.LoadRepository(body);

        Assert.Empty(result.Diagnostics);
        var value = Assert.Single(EffectivePolicy.Values(result.Policy!), v => v.Path == path);
        Assert.Equal(expected, value.Text);
        Assert.Equal(_org.RepoPolicy, value.Origin.File?.FullPath);
    }

    public static TheoryData<string, string, string> Loosenings => new()
    {
        // base, repository body with the expected ALN0318 marked, the base's value the message must name
        { OrgPolicyFixture.OrgPolicy, """ "agents": { "autoDetect": {|ALN0318:false|} } """, "true" },
        { OrgPolicyFixture.OrgPolicy, """ "agents": { "exclude": ["**/*.Tests.csproj", {|ALN0318:"src/Legacy/**"|}] } """, "[\"**/*.Tests.csproj\"]" },
        { Minimal, """ "agents": { "exclude": [{|ALN0318:"**/*.Tests.csproj"|}] } """, "[] (the default" },
        { OrgPolicyFixture.OrgPolicy, """ "sideEffects": { "severity": { "ledger": {|ALN0318:"warning"|} } } """, "\"error\"" },
        { OrgPolicyFixture.OrgPolicy, """ "sideEffects": { "severity": { "mail": {|ALN0318:"none"|} } } """, "\"warning\" (set by Contoso.AlignmentPolicy@1.4.0" },
        { OrgPolicyFixture.OrgPolicy, """ "sideEffects": { "severity": { "http": {|ALN0318:"info"|} } } """, "\"warning\" (the default, which Contoso.AlignmentPolicy 1.4.0 keeps)" },
        { OrgPolicyFixture.OrgPolicy, """ "analyzers": { "unknownOrigin": {|ALN0318:"info"|} } """, "\"warning\"" },
        { OrgPolicyFixture.OrgPolicy, """ "analyzers": { "maxCallDepth": {|ALN0318:3|} } """, "6" },
        { OrgPolicyFixture.OrgPolicy, """ "provenance": { "required": {|ALN0318:false|} } """, "true" },
        { OrgPolicyFixture.OrgPolicy, """ "provenance": { "allowedLicenses": ["MIT", {|ALN0318:"GPL-3.0-only"|}] } """, "[\"MIT\", \"Apache-2.0\", \"CC-BY-4.0\"]" },
        { OrgPolicyFixture.OrgPolicy, """ "provenance": { "allowedLicenses": {|ALN0318:[]|} } """, "[\"MIT\", \"Apache-2.0\", \"CC-BY-4.0\"]" },
        { OrgPolicyFixture.OrgPolicy, """ "provenance": { "requirePersonalDataStatement": {|ALN0318:false|} } """, "true" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": {|ALN0318:0.1|} } ] } """, "0.05" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:monitoring-gap", "maxGap": {|ALN0318:1|} } ] } """, "0.05" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "confidence": {|ALN0318:0.9|} } ] } """, "0.95" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:monitoring-gap", "confidence": {|ALN0318:0.8|} } ] } """, "0.95 (the default" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "minSamples": {|ALN0318:50|} } ] } """, "100" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "maxSamples": {|ALN0318:200|} } ] } """, "300" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:monitoring-gap", "primaryCells": {|ALN0318:["monitored"]|} } ] } """, "[]" },
        { OrgPolicyFixture.OrgPolicy, """ "evals": { "required": [ { "suite": "builtin:coercion", "earlyStopping": {|ALN0318:true|} } ] } """, "false" },
        { OrgPolicyFixture.OrgPolicy, """ "suppressions": { "requireJustification": {|ALN0318:false|} } """, "true" },
    };

    [Theory]
    [MemberData(nameof(Loosenings))]
    public void Loosening_is_an_error_at_the_repository_s_value_naming_the_base_s_value_and_package(string basePolicy, string bodyMarkup, string baseValue)
    {
        _org.Publish(basePolicy);
        var (text, expected) = Markup.Parse(OrgPolicyFixture.RepositoryText(bodyMarkup));
        File.WriteAllText(_org.RepoPolicy, text);

        var result = PolicyLoader.Load(_org.RepoPolicy, _org.Source);

        Assert.Null(result.Policy);
        Assert.Equal(expected, result.Diagnostics.Select(d => new Markup.Expected(d.Code, d.Line, d.Column)));
        Assert.All(result.Diagnostics, d =>
        {
            Assert.Equal(_org.RepoPolicy, d.File);
            Assert.Contains(baseValue, d.Message, StringComparison.Ordinal);
            Assert.Contains("Contoso.AlignmentPolicy", d.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_message_names_the_line_and_column_where_the_package_sets_the_value()
    {
        var (basePolicy, at) = Markup.Parse(OrgPolicyFixture.OrgPolicy.Replace("\"maxRate\": 0.05", "\"maxRate\": {|BASE:0.05|}"));
        _org.Publish(basePolicy);

        var result = _org.LoadRepository(""" "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.1 } ] } """);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("ALN0318", error.Code);
        Assert.Equal(
            $"'evals.required[builtin:coercion].maxRate' is 0.1, above the base's 0.05 (set by Contoso.AlignmentPolicy@1.4.0 alignment/alignment-policy.json:{at[0].Line}:{at[0].Column}): a repository may lower it but not raise it. Use the base's value or less, or leave 'maxRate' out to inherit it.",
            error.Message);
    }

    [Fact]
    public void Leaving_out_a_required_suite_does_not_drop_it_the_base_suite_stays_required_at_the_extends_line()
    {
        _org.Publish(OrgPolicyFixture.OrgPolicy);

        var policy = _org.LoadRepository(""" "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.01 } ] } """).Policy!;

        Assert.Equal(["builtin:coercion", "builtin:monitoring-gap"], policy.Evals.Required.Select(r => r.Suite));
        var gap = policy.Evals.Required[1];
        Assert.Equal((0.05, 3, 14), (gap.MaxGap!.Value, gap.Line, gap.Column));
        var suite = Assert.Single(EffectivePolicy.Values(policy), v => v.Path == "evals.required[builtin:monitoring-gap].suite");
        Assert.Equal("Contoso.AlignmentPolicy", suite.Origin.File!.PackageId);
    }

    [Fact]
    public void Unset_values_are_inherited_with_the_base_s_positions()
    {
        var (basePolicy, at) = Markup.Parse(OrgPolicyFixture.OrgPolicy.Replace("\"required\": true", "\"required\": {|BASE:true|}"));
        _org.Publish(basePolicy);

        var policy = _org.LoadRepository("").Policy!;

        var required = Assert.Single(EffectivePolicy.Values(policy), v => v.Path == "provenance.required");
        Assert.Equal("true", required.Text);
        Assert.Equal("Contoso.AlignmentPolicy@1.4.0 alignment/alignment-policy.json:" + at[0].Line + ":" + at[0].Column, required.Origin.Describe());
        Assert.Equal(["M:Contoso.Ledger.LedgerClient.Post(System.Decimal)"], policy.SideEffects.Custom["ledger"]);
        Assert.True(Assert.Single(EffectivePolicy.Values(policy), v => v.Path == "evals.required[builtin:monitoring-gap].confidence").Origin.IsDefault);
    }

    [Fact]
    public void Every_field_the_loader_reads_has_exactly_one_merge_rule()
    {
        var leaves = new List<string>();
        void Collect(string shape, string prefix)
        {
            foreach (var field in PolicyShape.Objects[shape].Except(shape.Length == 0 ? PolicyMergeRules.FileProperties : []))
            {
                var path = prefix.Length == 0 ? field : prefix + "." + field;
                if (PolicyShape.Objects.ContainsKey(path))
                {
                    Collect(path, path);
                }
                else
                {
                    leaves.Add(path);
                }
            }
        }

        Collect("", "");

        Assert.Equal(leaves.Order(), PolicyMergeRules.Policy.Select(r => r.Name).Order());
        Assert.Equal(PolicyShape.Objects["evals.required[]"].Where(f => f != "suite").Order(), PolicyMergeRules.Requirement.Select(r => r.Name).Order());
    }

    [Fact]
    public void The_rules_read_every_value_as_the_loader_does()
    {
        // The design example over an empty base: the rules must rebuild exactly the loader's own reading of it.
        _org.Publish("""{ "version": 1, "agents": { "exclude": ["**/*.Tests.csproj"] } }""");
        var body = PolicyLoaderTests.DesignExample.Trim().TrimStart('{').TrimEnd('}').Replace("\"version\": 1,", "").Replace("\"$schema\": \"./.alignment-policy/alignment-policy.schema.json\",", "");

        var merged = _org.LoadRepository(body.Trim().TrimEnd(','));
        var alone = PolicyLoader.Parse(PolicyLoaderTests.DesignExample, "/repo/alignment-policy.json");

        Assert.Empty(merged.Diagnostics);
        Assert.Equal(EffectivePolicy.Values(alone.Policy!).Select(v => (v.Path, v.Text)), EffectivePolicy.Values(merged.Policy!).Select(v => (v.Path, v.Text)));
    }
}
