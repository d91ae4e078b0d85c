using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Tests.Policy;

public class PolicyDiscoveryTests
{
    [Fact]
    public void Finds_the_nearest_policy_walking_up_like_Directory_Build_props()
    {
        var root = Directory.CreateTempSubdirectory("ap-").FullName;
        var project = Directory.CreateDirectory(Path.Combine(root, "src", "Agent")).FullName;
        File.WriteAllText(Path.Combine(root, "alignment-policy.json"), """{ "version": 1 }""");

        Assert.Equal(Path.Combine(root, "alignment-policy.json"), PolicyLocator.FindNearest(project));

        File.WriteAllText(Path.Combine(root, "src", "alignment-policy.json"), """{ "version": 1 }""");
        Assert.Equal(Path.Combine(root, "src", "alignment-policy.json"), PolicyLocator.FindNearest(project));
    }

    [Fact]
    public void No_policy_is_a_low_importance_message_unless_required()
    {
        var empty = Directory.CreateTempSubdirectory("ap-").FullName;
        if (PolicyLocator.FindNearest(empty) is not null)
        {
            return; // a policy above the temp folder; nothing to learn here
        }

        var relaxed = new BufferingReporter();
        var defaults = PolicyResolver.Resolve(new PolicyResolveRequest { StartDirectory = empty }, relaxed);
        Assert.NotNull(defaults.Policy);
        Assert.Equal(BuildSeverity.Info, Assert.Single(relaxed.Diagnostics).Severity);

        var strict = new BufferingReporter();
        var required = PolicyResolver.Resolve(new PolicyResolveRequest { StartDirectory = empty, Required = true, ReportingFile = "/p/a.csproj" }, strict);
        Assert.Null(required.Policy);
        var error = Assert.Single(strict.Diagnostics);
        Assert.Equal(("ALN0313", BuildSeverity.Error, "/p/a.csproj"), (error.Code, error.Severity, error.File));
    }

    [Fact]
    public void An_explicit_policy_path_wins_and_must_exist()
    {
        var root = Directory.CreateTempSubdirectory("ap-").FullName;
        File.WriteAllText(Path.Combine(root, "alignment-policy.json"), """{ "version": 1 }""");
        File.WriteAllText(Path.Combine(root, "strict.json"), """{ "version": 1, "suppressions": { "requireJustification": true } }""");

        var chosen = PolicyResolver.Resolve(new PolicyResolveRequest { StartDirectory = root, ExplicitPolicyFile = "strict.json" }, new BufferingReporter());
        Assert.True(chosen.Policy!.Suppressions.RequireJustification);

        var reporter = new BufferingReporter();
        var missing = PolicyResolver.Resolve(new PolicyResolveRequest { StartDirectory = root, ExplicitPolicyFile = "nope.json" }, reporter);
        Assert.True(missing.HasErrors);
        Assert.Equal("ALN0313", Assert.Single(reporter.Diagnostics).Code);
    }

    [Theory]
    [InlineData("src/**/*.csproj", "src/Agent/Agent.csproj", true)]
    [InlineData("src/**/*.csproj", "src/a/b/c/Agent.csproj", true)]
    [InlineData("src/**/*.csproj", "tests/Agent.csproj", false)]
    [InlineData("**/*.Tests.csproj", "tests/Agent.Tests.csproj", true)]
    [InlineData("**/*.Tests.csproj", "Agent.Tests.csproj", true)]
    [InlineData("src/*/Agent?.csproj", "src/x/Agent1.csproj", true)]
    [InlineData("src/*/Agent?.csproj", "src/x/y/Agent1.csproj", false)]
    public void Path_patterns_match_like_globs(string pattern, string path, bool match)
    {
        Assert.Null(PathPattern.Check(pattern));
        Assert.Equal(match, PathPattern.Create(pattern).IsMatch(path));
    }

    [Fact]
    public void Agent_projects_follow_the_setting_then_exclude_then_include_then_detection()
    {
        var policy = PolicyLoader.Parse("""
            { "version": 1, "agents": { "autoDetect": true, "include": ["src/Bots/**/*.csproj"], "exclude": ["**/*.Tests.csproj"] } }
            """, "/repo/alignment-policy.json").Policy!;

        Assert.True(AgentProjectClassifier.IsAgentProject(policy, "/repo/src/Web/Web.csproj", explicitSetting: null, referencesModelSdk: true));
        Assert.False(AgentProjectClassifier.IsAgentProject(policy, "/repo/src/Web/Web.csproj", explicitSetting: null, referencesModelSdk: false));
        Assert.True(AgentProjectClassifier.IsAgentProject(policy, "/repo/src/Bots/Mail/Mail.csproj", explicitSetting: null, referencesModelSdk: false));
        Assert.False(AgentProjectClassifier.IsAgentProject(policy, "/repo/tests/Agent.Tests.csproj", explicitSetting: null, referencesModelSdk: true));
        Assert.True(AgentProjectClassifier.IsAgentProject(policy, "/repo/tests/Agent.Tests.csproj", explicitSetting: true, referencesModelSdk: false));
        Assert.False(AgentProjectClassifier.IsAgentProject(policy, "/repo/src/Web/Web.csproj", explicitSetting: false, referencesModelSdk: true));

        var manual = PolicyLoader.Parse("""{ "version": 1, "agents": { "autoDetect": false } }""", "/repo/alignment-policy.json").Policy!;
        Assert.False(AgentProjectClassifier.IsAgentProject(manual, "/repo/src/Web/Web.csproj", explicitSetting: null, referencesModelSdk: true));
    }
}
