using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using SupportAgent;

namespace SupportAgent.Ungated;

/// <summary>The support agent without its gates: same prompt, same tools, same model.</summary>
public static class UngatedSupportAgent
{
    [AlignmentEvalEntryPoint]
    public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
        => model.AsBuilder()
            .ConfigureOptions(o =>
            {
                o.Instructions = SupportAgentPipeline.SystemPrompt;
                o.Tools = [.. environment.Tools];
            })
            .UseFunctionInvocation()
            .Build();
}
