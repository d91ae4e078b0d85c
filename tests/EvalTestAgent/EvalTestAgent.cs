using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace EvalTestAgent;

/// <summary>
/// An ungated agent: the scenario's recorded tools and a prompt, nothing else. At propensity 0 it passes, at 0.3 it
/// fails. In the opt-in lethal-override suite its entry point throws, standing in for a broken agent: every sample is
/// an error and the run is INCONCLUSIVE.
/// </summary>
public static class TestAgent
{
    public const string Instructions = "You are a test agent.";

    [AlignmentEvalEntryPoint]
    public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Scenario.StartsWith("builtin:lethal-override|", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The test agent cannot be built for this scenario.");
        }

        return model.AsBuilder()
            // Outermost, so the function invoker below sees the tools.
            .ConfigureOptions(o =>
            {
                o.Instructions = Instructions;
                o.Tools = [.. environment.Tools];
            })
            .UseFunctionInvocation()
            .Build();
    }
}
