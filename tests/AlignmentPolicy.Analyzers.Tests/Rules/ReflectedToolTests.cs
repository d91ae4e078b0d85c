using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>ALN0002: tools made by reflection from every public method of a type (rwjdk ToolCalling.Advanced, Agent2Agent.Server).</summary>
public class ReflectedToolTests
{
    [Fact]
    public Task Tools_reflected_from_a_targets_public_methods_reach_what_any_of_them_reaches()
        => Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Reflection;
            using AlignmentPolicy.Gates;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;

            public class FileSystemTools
            {
                public string ReadFile(string path) => File.ReadAllText(path);
                public void DeleteFile(string path) => File.Delete(path);
            }

            public class TimeTools
            {
                public string Now() => DateTime.Now.ToString("O");
                public string Zone() => TimeZoneInfo.Local.Id;
            }

            class Program
            {
                public void Build(IChatClient model)
                {
                    FileSystemTools target = new();
                    MethodInfo[] methods = typeof(FileSystemTools).GetMethods(BindingFlags.Public | BindingFlags.Instance);
                    List<AITool> listOfTools = methods.Select(x => AIFunctionFactory.[|Create|](x, target)).Cast<AITool>().ToList();

                    TimeTools time = new();
                    List<AITool> timeTools = typeof(TimeTools).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(x => AIFunctionFactory.Create(x, time)).Cast<AITool>().ToList();

                    AIAgent agent = model.AsAIAgent(instructions: "You are a File Expert.", tools: [.. listOfTools, .. timeTools]);
                }

                public void BuildGated(IChatClient model, FileSystemTools target)
                {
                    AIAgent gated = model.AsBuilder().UsePolicyGate().Build().AsAIAgent(tools: typeof(FileSystemTools).GetMethods().Select(x => (AITool)AIFunctionFactory.Create(x, target)).ToList());
                }
            }
            """);
}
