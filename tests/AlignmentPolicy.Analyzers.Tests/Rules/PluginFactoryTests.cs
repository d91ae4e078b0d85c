using Microsoft.CodeAnalysis.Testing;
using ModelCall = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// A plugin made as a value (<c>KernelPluginFactory.CreateFromType&lt;T&gt;()</c>, <c>CreateFromObject(obj)</c>, an OpenAPI plugin from
/// <c>CreateFromOpenApiAsync</c>) becomes a kernel's tools where it is added (<c>kernel.Plugins.Add(plugin)</c>, a service registration
/// the container's kernel picks up): the same registration as <c>AddFromType&lt;T&gt;()</c>, judged by that kernel's gates. Shapes of
/// Semantic Kernel's GettingStartedWithAgents samples (<c>agent.Kernel.Plugins.Add(KernelPluginFactory.CreateFromType&lt;MenuPlugin&gt;())</c>),
/// <c>Concepts/DependencyInjection/Kernel_Building.cs</c>, alexander-kastil/pro-code-agents' weather bot (<c>WeatherForecastAgent.cs</c>)
/// and agent-openai-banking-assistant-csharp's <c>AgenticUtils.AddOpenAPIPlugin</c>.
/// </summary>
public class PluginFactoryTests
{
    private const string Usings = """
        #pragma warning disable SKEXP0001, SKEXP0110
        using System;
        using System.ComponentModel;
        using System.IO;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;

        """;

    private const string Plugins = """
        public sealed class FilesPlugin
        {
            [KernelFunction, Description("Saves a note")]
            public string {|#0:SaveNote|}(string name, string text) { File.WriteAllText(name, text); return "saved"; }
        }

        public sealed class GatedFilesPlugin
        {
            [KernelFunction, Description("Deletes a note")]
            public string DeleteNote(string name) { File.Delete(name); return "deleted"; }
        }

        """;

    [Fact]
    public Task A_plugin_added_from_the_factory_is_judged_by_the_kernel_it_is_added_to()
        => Verify.VerifyAsync(Usings + Plugins + """
            public sealed class Samples
            {
                // Gated elsewhere in the same compilation: before, the factory form was no registration, and this one gated kernel
                // guarded FilesPlugin wherever else it was added.
                public Kernel Gated()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Plugins.AddFromType<FilesPlugin>();
                    builder.AddPolicyGate();
                    return builder.Build();
                }

                public void Ungated()
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.Plugins.Add(KernelPluginFactory.CreateFromType<FilesPlugin>());
                }

                // Added to a gated kernel through a local, while another kernel of the compilation is ungated: guarded.
                public void GatedThroughALocal()
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.UsePolicyGate();
                    KernelPlugin plugin = KernelPluginFactory.CreateFromObject(new GatedFilesPlugin());
                    kernel.Plugins.Add(plugin);
                }
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("SaveNote", "write or delete files", "SaveNote -> File.WriteAllText"));

    [Fact]
    public Task A_plugin_registered_as_a_service_is_the_container_kernels()
        => Verify.VerifyAsync(Usings + Plugins + """
            public sealed class ApprovalFilter(Func<string, bool> approve) : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                {
                    if (approve(context.Function.Name)) { await next(context); }
                    else { context.Result = new FunctionResult(context.Result, "Rejected."); }
                }
            }

            static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddKernel();
                    services.AddSingleton<IFunctionInvocationFilter>(sp => new ApprovalFilter(_ => false));
                    services.AddSingleton<KernelPlugin>(sp => KernelPluginFactory.CreateFromType<GatedFilesPlugin>(serviceProvider: sp));
                }

                public static void Elsewhere()
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.Plugins.Add(KernelPluginFactory.CreateFromType<FilesPlugin>());
                }
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("SaveNote", "write or delete files", "SaveNote -> File.WriteAllText"));

    [Fact]
    public Task A_plugin_functions_kernel_is_the_kernel_the_factory_made_plugin_is_added_to()
        => ModelCall.VerifyAsync(Usings + """
            // pro-code-agents weather-agent-vs-sk: the agent's kernel (the container's, no gate) gets the plugin through
            // _agent.Kernel.Plugins.Add(KernelPluginFactory.CreateFromType<AdaptiveCardPlugin>(serviceProvider: service)).
            public class AdaptiveCardPlugin
            {
                [KernelFunction]
                public async Task<string> GetAdaptiveCardForData(Kernel kernel, string data)
                {
                    var chat = kernel.GetRequiredService<IChatCompletionService>();
                    var reply = await chat.{|#0:GetChatMessageContentAsync|}("Make an adaptive card for: " + data);
                    return reply.Content ?? "";
                }
            }

            public class WeatherForecastAgent
            {
                private readonly Kernel _kernel;

                public WeatherForecastAgent(Kernel kernel, IServiceProvider service)
                {
                    _kernel = kernel;
                    _kernel.Plugins.Add(KernelPluginFactory.CreateFromType<AdaptiveCardPlugin>(serviceProvider: service));
                }
            }

            static class Program
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddKernel();
                    services.AddOpenAIChatCompletion("gpt-4o", "key");
                    services.AddTransient<WeatherForecastAgent>();
                }
            }
            """,
            ModelCall.Diagnostic("ALN0001").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
}
