using System.Collections.Immutable;
using AlignmentPolicy.Analyzers.Configuration;
using AlignmentPolicy.Core.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlignmentPolicy.Analyzers.Tests.Configuration;

/// <summary>
/// The build writes the policy with Core's renderer and the analyzers read it back through Roslyn's own
/// globalconfig parser: the two ends are tested against each other, not against a hand-written copy.
/// </summary>
public class PolicyOptionsTests
{
    [Fact]
    public void Every_setting_survives_the_trip_through_Roslyns_globalconfig_parser()
    {
        var policy = PolicyLoader.Parse("""
            {
              "version": 1,
              "gates": { "additionalGateTypes": ["Contoso.Safety.ContosoGate", "Contoso.Safety.Outer+Inner`1"] },
              "sideEffects": {
                "catalogues": ["builtin:mail", "builtin:oversight"],
                "custom": {
                  "payments": ["M:Contoso.Payments.PaymentClient.Charge(System.Decimal,System.String)", "M:Contoso.Payments.PaymentClient.#ctor(System.Uri)"],
                  "tickets": ["T:Contoso.Tickets.TicketWriter"]
                },
                "severity": { "payments": "error", "mail": "info" }
              },
              "suppressions": { "requireJustification": true }
            }
            """, "/repo/alignment-policy.json").Policy!;
        var text = PolicyGlobalConfig.Render(policy, isAgentProject: true);

        var options = PolicyOptions.Read(ParseGlobalConfig(text));

        Assert.True(options.IsConfigured);
        Assert.True(options.IsAgentProject);
        Assert.Equal<string>(["Contoso.Safety.ContosoGate", "Contoso.Safety.Outer+Inner`1"], options.AdditionalGateTypes);
        Assert.Equal<string>(["builtin:mail", "builtin:oversight"], options.Catalogues);
        Assert.Equal<string>(["M:Contoso.Payments.PaymentClient.Charge(System.Decimal,System.String)", "M:Contoso.Payments.PaymentClient.#ctor(System.Uri)"], options.CustomSideEffects["payments"]);
        Assert.Equal<string>(["T:Contoso.Tickets.TicketWriter"], options.CustomSideEffects["tickets"]);
        Assert.Equal("error", options.Severities["payments"]);
        Assert.Equal("info", options.Severities["mail"]);
        Assert.True(options.RequireJustification);
    }

    [Fact]
    public void Without_a_generated_config_the_defaults_apply()
    {
        var options = PolicyOptions.Read(ParseGlobalConfig("is_global = true\n"));

        Assert.False(options.IsConfigured);
        Assert.True(options.IsAgentProject);
        Assert.Equal<string>(["builtin"], options.Catalogues);
        Assert.Empty(options.CustomSideEffects);
        Assert.False(options.RequireJustification);
    }

    internal static AnalyzerConfigOptions ParseGlobalConfig(string text)
    {
        var config = AnalyzerConfig.Parse(text, "/repo/obj/alignment-policy.globalconfig");
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(config), out var diagnostics);
        Assert.Empty(diagnostics);
        return new DictionaryOptions(set.GlobalConfigOptions.AnalyzerOptions);
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
