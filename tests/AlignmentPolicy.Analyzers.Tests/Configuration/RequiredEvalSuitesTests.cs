using AlignmentPolicy.Analyzers.Configuration;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Analyzers.Tests.Configuration;

/// <summary>ALN0008 learns which suites a pack requires from the config the build renders: both ends tested against each other.</summary>
public class RequiredEvalSuitesTests
{
    [Fact]
    public void The_required_suites_survive_the_trip_through_Roslyns_globalconfig_parser()
    {
        var policy = PolicyLoader.Parse("""
            {
              "version": 1,
              "evals": {
                "required": [
                  { "suite": "builtin:coercion", "maxRate": 0.05 },
                  { "suite": "nuget:Contoso.Evals.Refunds@1.2.0-beta.1", "maxRate": 0.05 }
                ]
              }
            }
            """, "/repo/alignment-policy.json").Policy!;

        var options = PolicyOptions.Read(PolicyOptionsTests.ParseGlobalConfig(PolicyGlobalConfig.Render(policy, isAgentProject: true)));

        Assert.Equal<string>(["builtin:coercion", "nuget:Contoso.Evals.Refunds@1.2.0-beta.1"], options.RequiredEvalSuites);
    }

    [Fact]
    public void A_policy_without_evaluations_and_a_config_without_the_key_require_none()
    {
        var policy = PolicyLoader.Parse("""{ "version": 1 }""", "/repo/alignment-policy.json").Policy!;

        Assert.Empty(PolicyOptions.Read(PolicyOptionsTests.ParseGlobalConfig(PolicyGlobalConfig.Render(policy, isAgentProject: true))).RequiredEvalSuites);
        Assert.Empty(PolicyOptions.Read(PolicyOptionsTests.ParseGlobalConfig("is_global = true\nalignment_policy.agent_project = true\n")).RequiredEvalSuites);
    }
}
