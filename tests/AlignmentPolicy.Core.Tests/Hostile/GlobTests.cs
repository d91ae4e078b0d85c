using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>Path patterns are matched without backtracking: hostile patterns end at once, and the meaning of '*', '?' and '**' is kept.</summary>
public sealed class GlobTests
{
    [Fact]
    public void Forty_double_stars_against_a_deep_path_end_at_once()
    {
        var pattern = PathPattern.Create(string.Join("/", Enumerable.Repeat("**", 40)) + "/x.csproj");
        var path = string.Join("/", Enumerable.Repeat("a", 60)) + "/y.csproj";

        Assert.False(Guard.Run(() => pattern.IsMatch(path), deadlineSeconds: 10));
        Assert.True(pattern.IsMatch(string.Join("/", Enumerable.Repeat("a", 60)) + "/x.csproj"));
    }

    [Fact]
    public void Many_stars_in_one_segment_end_at_once()
    {
        var pattern = PathPattern.Create("data/" + string.Concat(Enumerable.Repeat("*a", 30)) + "b");

        Assert.False(Guard.Run(() => pattern.IsMatch("data/" + new string('a', 200)), deadlineSeconds: 10));
    }

    [Theory]
    [InlineData("src/**/*.csproj", "src/Agent/Agent.csproj", true)]
    [InlineData("src/**/*.csproj", "src/Agent.csproj", true)]
    [InlineData("src/**/*.csproj", "src/a/b/c/Agent.csproj", true)]
    [InlineData("src/**/*.csproj", "tests/Agent.csproj", false)]
    [InlineData("src/*.csproj", "src/a/Agent.csproj", false)]
    [InlineData("src/?gent.csproj", "src/Agent.csproj", true)]
    [InlineData("SRC/agent.CSPROJ", "src/Agent.csproj", true)]
    [InlineData("data/**", "data/a/b.jsonl", true)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData("**/*.Tests.csproj", "tests/Core.Tests/Core.Tests.csproj", true)]
    [InlineData("src/Agent.csproj", "src/Agent.csproj\n", false)]
    [InlineData("src\\**\\*.csproj", "src\\Agent\\Agent.csproj", true)]
    public void Patterns_keep_their_meaning(string pattern, string path, bool matches)
        => Assert.Equal(matches, PathPattern.Create(pattern).IsMatch(path));
}
