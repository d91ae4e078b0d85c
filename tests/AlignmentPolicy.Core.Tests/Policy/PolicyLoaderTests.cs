using AlignmentPolicy.Testing;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Tests.Policy;

public class PolicyLoaderTests
{
    private const string File = "/repo/alignment-policy.json";

    /// <summary>The example of DESIGN.md, verbatim: the contract's own policy must load.</summary>
    internal const string DesignExample = """
        {
          "$schema": "./.alignment-policy/alignment-policy.schema.json",
          "version": 1,
          "agents": { "autoDetect": true, "include": ["src/**/*.csproj"], "exclude": ["**/*.Tests.csproj"] },
          "gates": { "additionalGateTypes": ["Contoso.Safety.ContosoGate"] },
          "sideEffects": {
            "catalogues": ["builtin"],
            "custom": { "payments": ["M:Contoso.Payments.PaymentClient.Charge(System.Decimal)"] },
            "severity": { "oversight": "error", "payments": "error", "mail": "warning" }
          },
          "provenance": {
            "required": true,
            "allowedLicenses": ["MIT", "Apache-2.0", "CC-BY-4.0", "CC0-1.0"],
            "deniedContentClasses": ["ai-self-preservation-fiction"],
            "requirePersonalDataStatement": true
          },
          "evals": {
            "required": [
              { "suite": "builtin:coercion", "maxRate": 0.05, "confidence": 0.95, "maxSamples": 300 },
              { "suite": "builtin:monitoring-gap", "maxGap": 0.05 }
            ],
            "runOnPack": false
          },
          "suppressions": { "requireJustification": true }
        }
        """;

    [Fact]
    public void Reads_the_bound_on_blocked_legitimate_actions()
    {
        var result = PolicyLoader.Parse("""
            { "version": 1, "evals": { "required": [
              { "suite": "builtin:exfiltration", "maxRate": 0.05, "maxBlockedRate": 0.02 },
              { "suite": "builtin:oversight", "maxRate": 0.05 }
            ] } }
            """, File);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(0.02, result.Policy!.Evals.Required[0].MaxBlockedRate);
        Assert.Null(result.Policy.Evals.Required[1].MaxBlockedRate);
    }

    [Fact]
    public void Loads_the_design_example_into_the_model()
    {
        var result = PolicyLoader.Parse(DesignExample, File);

        Assert.Empty(result.Diagnostics);
        var policy = result.Policy!;
        Assert.Equal(["src/**/*.csproj"], policy.Agents.Include);
        Assert.Equal(["Contoso.Safety.ContosoGate"], policy.Gates.AdditionalGateTypes);
        Assert.Equal(["M:Contoso.Payments.PaymentClient.Charge(System.Decimal)"], policy.SideEffects.Custom["payments"]);
        Assert.Equal("warning", policy.SideEffects.Severity["mail"]);
        Assert.True(policy.Provenance.Required);
        Assert.Equal(["MIT", "Apache-2.0", "CC-BY-4.0", "CC0-1.0"], policy.Provenance.AllowedLicenses);
        Assert.Equal(2, policy.Evals.Required.Count);
        Assert.Equal(0.05, policy.Evals.Required[0].MaxRate);
        Assert.Equal(300, policy.Evals.Required[0].MaxSamples);
        Assert.Equal((19, 7), (policy.Evals.Required[0].Line, policy.Evals.Required[0].Column));
        Assert.Equal(0.05, policy.Evals.Required[1].MaxGap);
        Assert.True(policy.Suppressions.RequireJustification);
        Assert.Equal(64, policy.Sha256!.Length);
    }

    [Fact]
    public void A_minimal_policy_gets_the_defaults()
    {
        var policy = PolicyLoader.Parse("""{ "version": 1 }""", File).Policy!;
        Assert.True(policy.Agents.AutoDetect);
        Assert.Equal(["builtin"], policy.SideEffects.Catalogues);
        Assert.Empty(policy.Evals.Required);
        Assert.False(policy.Provenance.Required);
    }

    public static TheoryData<string, string> BrokenPolicies => new()
    {
        {
            "syntax error: missing comma",
            """
            {
              "version": 1
              {|ALN0301:|}"agents": {}
            }
            """
        },
        {
            "duplicate key",
            """
            { "version": 1, "evals": { "runOnPack": true, {|ALN0302:"runOnPack"|}: false } }
            """
        },
        {
            "unknown properties at every level",
            """
            {
              "version": 1,
              {|ALN0303:"gatez"|}: {},
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.05, {|ALN0303:"maxrate"|}: 0.1 } ] }
            }
            """
        },
        {
            "wrong types",
            """
            {
              "version": {|ALN0304:"1"|},
              "agents": { "autoDetect": {|ALN0304:"true"|}, "include": {|ALN0304:"src/**"|} },
              "evals": {|ALN0304:[]|}
            }
            """
        },
        {
            "missing version and missing suite",
            """
            {|ALN0305:|}{
              "evals": { "required": [ {|ALN0305:|}{ "maxRate": 0.05 } ] }
            }
            """
        },
        {
            "missing threshold",
            """
            { "version": 1, "evals": { "required": [ {|ALN0305:|}{ "suite": "builtin:oversight" } ] } }
            """
        },
        {
            "rates and confidence out of range",
            """
            {
              "version": 1,
              "evals": { "required": [
                { "suite": "builtin:coercion", "maxRate": {|ALN0306:1.5|}, "maxBlockedRate": {|ALN0306:2|}, "confidence": {|ALN0306:1|} },
                { "suite": "builtin:monitoring-gap", "maxGap": {|ALN0306:-0.1|}, "confidence": {|ALN0306:0.5|}, "maxSamples": {|ALN0306:0|} }
              ] }
            }
            """
        },
        {
            "severity values and categories",
            """
            {
              "version": 1,
              "sideEffects": { "severity": { "mail": {|ALN0307:"fatal"|}, {|ALN0307:"mial"|}: "error" } }
            }
            """
        },
        {
            "unknown built-in suite and malformed NuGet suite",
            """
            {
              "version": 1,
              "evals": { "required": [
                { "suite": {|ALN0308:"builtin:blackmail"|}, "maxRate": 0.05 },
                { "suite": {|ALN0308:"nuget:Contoso.Evals"|}, "maxRate": 0.05 },
                { "suite": {|ALN0308:"coercion"|}, "maxRate": 0.05 }
              ] }
            }
            """
        },
        {
            "unknown catalogue",
            """
            { "version": 1, "sideEffects": { "catalogues": ["builtin", {|ALN0309:"builtin:smtp"|}] } }
            """
        },
        {
            "licences that are not SPDX ids",
            """
            { "version": 1, "provenance": { "allowedLicenses": ["MIT", {|ALN0310:"mit"|}, {|ALN0310:"Apache 2"|}, "LicenseRef-Contoso-Internal"] } }
            """
        },
        {
            "malformed documentation-comment IDs, pointing inside the string",
            """
            { "version": 1, "sideEffects": { "custom": { "payments": [
              "M:Contoso.PaymentClient.Charge(System.Decimal)",
              "{|ALN0311:|}Contoso.PaymentClient.Charge",
              "M:Contoso.PaymentClient.Charge(System.Decimal{|ALN0311:|}",
              "T:Contoso.{|ALN0311:|}.Client"
            ] } } }
            """
        },
        {
            "unsupported version",
            """
            { "version": {|ALN0312:2|} }
            """
        },
        {
            "invalid path patterns and type names",
            """
            {
              "version": 1,
              "agents": { "include": [{|ALN0315:"/abs/*.csproj"|}, {|ALN0315:"../up/**"|}] },
              "gates": { "additionalGateTypes": [{|ALN0317:"Contoso.Gate<T>"|}] }
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(BrokenPolicies))]
    public void Reports_each_problem_at_the_offending_token(string name, string markup)
    {
        var (text, expected) = Markup.Parse(markup);

        var result = PolicyLoader.Parse(text, File);

        Assert.True(result.HasErrors, name);
        Assert.Null(result.Policy);
        var actual = result.Diagnostics.Where(d => d.Severity != BuildSeverity.Info).Select(d => new Markup.Expected(d.Code, d.Line, d.Column)).ToList();
        Assert.Equal(expected, actual);
        Assert.All(result.Diagnostics, d => Assert.Equal(File, d.File));
    }

    [Theory]
    [InlineData("""{ "version": 1, "gatez": {} }""", "Did you mean 'gates'?")]
    [InlineData("""{ "version": 1, "evals": { "required": [ { "suite": "builtin:coersion", "maxRate": 0.1 } ] } }""", "Did you mean 'builtin:coercion'?")]
    [InlineData("""{ "version": 1, "provenance": { "allowedLicenses": ["apache-2.0"] } }""", "write \"Apache-2.0\"")]
    [InlineData("""{ "version": 1, "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 5 } ] } }""", "If you meant 5%, write 0.05")]
    [InlineData("""{ "version": 1, "agents": { "autoDetect": "true" } }""", "Remove the quotes")]
    [InlineData("""{ "version": 1, "evals": { "required": [ { "suite": "builtin:monitoring-gap" } ] } }""", "add \"maxGap\"")]
    public void Messages_say_how_to_fix_the_mistake(string text, string fragment)
    {
        var result = PolicyLoader.Parse(text, File);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void A_deprecated_licence_id_is_a_warning_not_an_error()
    {
        var result = PolicyLoader.Parse("""{ "version": 1, "provenance": { "allowedLicenses": ["GPL-2.0"] } }""", File);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("ALN0316", BuildSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
        Assert.NotNull(result.Policy);
    }

    [Fact]
    public void A_missing_file_is_ALN0313_and_a_folder_is_ALN0314()
    {
        var directory = Directory.CreateTempSubdirectory("ap-").FullName;
        var missing = PolicyLoader.Load(Path.Combine(directory, "alignment-policy.json"));
        Assert.Equal("ALN0313", Assert.Single(missing.Diagnostics).Code);

        var folder = Path.Combine(directory, "alignment-policy.json");
        Directory.CreateDirectory(folder);
        var unreadable = PolicyLoader.Load(folder);
        Assert.Equal("ALN0314", Assert.Single(unreadable.Diagnostics).Code);
    }

    [Fact]
    public void Text_that_is_not_UTF8_is_reported_not_thrown()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ap-").FullName, "alignment-policy.json");
        System.IO.File.WriteAllBytes(path, [0x7B, 0xFF, 0xFE, 0x7D]);
        var result = PolicyLoader.Load(path);
        Assert.Equal("ALN0301", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Random_corruptions_never_throw_and_always_point_inside_the_file()
    {
        var random = new Random(20261123);
        var source = DesignExample.ToCharArray();
        const string alphabet = "{}[]\":,.0123456789-eEtruefalsn \n\\x";
        for (var run = 0; run < 3000; run++)
        {
            var text = (char[])source.Clone();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                text[random.Next(text.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            var content = new string(text);
            var lines = content.Split('\n').Length;
            var result = PolicyLoader.Parse(content, File);
            Assert.All(result.Diagnostics, d =>
            {
                Assert.Matches("^ALN03[0-9][0-9]$", d.Code);
                Assert.InRange(d.Line, 1, lines);
                Assert.True(d.Column >= 1);
            });
            Assert.Equal(result.HasErrors, result.Policy is null);
        }
    }
}
