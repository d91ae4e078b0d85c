using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0005 on Semantic Kernel's function-invoking chat client (<c>UseKernelFunctionInvocation()</c>): automatic
/// invocation of the functions of the kernel its requests carry, gated only by that pipeline's kernel.
/// </summary>
public class KernelFunctionInvocationTests
{
    private const string Usings = """
        #pragma warning disable SKEXP0001
        using System;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;

        """;

    // A filter that can skip next: a gate by behaviour (docs/rules/ALN0005.md).
    private const string ApprovalFilter = """
        public interface IApprovals { bool IsApproved(string name); }

        public sealed class ApprovalFilter(IApprovals approvals) : IAutoFunctionInvocationFilter
        {
            public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
            {
                if (approvals.IsApproved(context.Function.Name)) { await next(context); }
                else { context.Terminate = true; }
            }
        }

        """;

    [Fact]
    public Task A_bare_pipeline_is_reported_and_one_with_a_gate_in_its_chain_is_not()
        => Verify.VerifyAsync(Usings + """
            class Pipelines
            {
                public IChatClient Ungated(IChatClient model) => model.AsBuilder().[|UseKernelFunctionInvocation|]().Build();
                public IChatClient Gated(IChatClient model) => model.AsBuilder().UsePolicyGate().UseKernelFunctionInvocation().Build();
            }
            """);

    [Fact]
    public Task The_samples_kernel_built_with_AddPolicyGate_in_the_same_builder_gates_the_client_registered_there()
        => Verify.VerifyAsync(Usings + """
            public static class MailAgentKernel
            {
                // samples/SemanticKernelAgent/MailAgentKernel.cs
                public static Kernel Build(IChatClient model, KernelPlugin plugin, Action<PolicyGateOptions>? configureGates = null)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsBuilder().UseKernelFunctionInvocation().Build().AsChatCompletionService());
                    builder.Plugins.Add(plugin);
                    builder.AddPolicyGate(configureGates);
                    return builder.Build();
                }

                // The same without the gate.
                public static Kernel BuildUngated(IChatClient model, KernelPlugin plugin)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsBuilder().[|UseKernelFunctionInvocation|]().Build().AsChatCompletionService());
                    builder.Plugins.Add(plugin);
                    return builder.Build();
                }
            }
            """);

    [Fact]
    public Task The_templates_kernel_gated_with_options_and_an_aliased_Kernel_type_is_silent()
        => Verify.VerifyAsync(Usings + """
            namespace SupportAgent
            {
                using Kernel = Microsoft.SemanticKernel.Kernel;

                // templates/.../semantic-kernel/src/SupportAgent/AgentKernel.cs
                public static class AgentKernel
                {
                    internal static Kernel Build(IChatClient model, KernelPlugin plugin, Action<PolicyGateOptions> configureGates)
                    {
                        var builder = Kernel.CreateBuilder();
                        builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsBuilder().UseKernelFunctionInvocation().Build().AsChatCompletionService());
                        builder.Plugins.Add(plugin);
                        builder.AddPolicyGate(options =>
                        {
                            foreach (var gate in BuiltInPolicyGates.CreateDefault())
                            {
                                options.AddGate(gate);
                            }

                            configureGates(options);
                        });

                        return builder.Build();
                    }
                }
            }
            """);

    [Fact]
    public Task A_gated_kernel_elsewhere_in_the_compilation_does_not_gate_this_pipelines_kernel()
        => Verify.VerifyAsync(Usings + """
            static class Kernels
            {
                public static Kernel Gated()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.AddPolicyGate();
                    return builder.Build();
                }

                public static void Container(IServiceCollection services) => services.AddKernel().AddPolicyGate();

                public static Kernel Other(IChatClient model)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IChatClient>(model.AsBuilder().[|UseKernelFunctionInvocation|]().Build());
                    var kernel = builder.Build();
                    Gated().UsePolicyGate();
                    return kernel;
                }
            }
            """);

    [Fact]
    public Task A_kernel_built_from_the_builder_and_gated_afterwards_gates_the_pipeline()
        => Verify.VerifyAsync(Usings + ApprovalFilter + """
            static class Kernels
            {
                public static Kernel UsePolicyGateOnTheBuiltKernel(IChatClient model)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IChatClient>(model.AsBuilder().UseKernelFunctionInvocation().Build());
                    var kernel = builder.Build();
                    kernel.UsePolicyGate();
                    return kernel;
                }

                public static Kernel ApprovalFilterInTheBuildersServices(IChatClient model)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IChatClient>(model.AsBuilder().UseKernelFunctionInvocation().Build());
                    builder.Services.AddSingleton<IAutoFunctionInvocationFilter, ApprovalFilter>();
                    return builder.Build();
                }
            }
            """);

    [Fact]
    public Task A_client_stored_in_a_local_and_registered_in_a_service_collection_is_judged_by_that_collections_kernel()
        => Verify.VerifyAsync(Usings + ApprovalFilter + """
            class Step06_DependencyInjection
            {
                // semantic-kernel GettingStartedWithAgents/Step06_DependencyInjection.cs: the kernel is registered beside the client, ungated.
                public void Ungated(IChatClient chatClient)
                {
                    ServiceCollection serviceContainer = new();
                    var functionCallingChatClient = chatClient!.AsBuilder().[|UseKernelFunctionInvocation|]().Build();
                    serviceContainer.AddTransient<IChatClient>((sp) => functionCallingChatClient);
                    serviceContainer.AddTransient<Kernel>();
                }

                public void Gated(IChatClient chatClient)
                {
                    ServiceCollection serviceContainer = new();
                    var functionCallingChatClient = chatClient.AsBuilder().UseKernelFunctionInvocation().Build();
                    serviceContainer.AddTransient<IChatClient>((sp) => functionCallingChatClient);
                    serviceContainer.AddSingleton<IAutoFunctionInvocationFilter, ApprovalFilter>();
                    serviceContainer.AddTransient<Kernel>();
                }
            }
            """);

    [Fact]
    public Task A_logging_filter_registered_beside_the_client_is_no_gate()
        => Verify.VerifyAsync(Usings + """
            public sealed class LoggingFilter : IAutoFunctionInvocationFilter
            {
                public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
                {
                    Console.WriteLine(context.Function.Name);
                    await next(context);
                }
            }

            static class Kernels
            {
                public static Kernel Build(IChatClient model)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IChatClient>(model.AsBuilder().[|UseKernelFunctionInvocation|]().Build());
                    builder.Services.AddSingleton<IAutoFunctionInvocationFilter, LoggingFilter>();
                    return builder.Build();
                }
            }
            """);

    [Fact]
    public Task Registered_with_AddChatClient_in_the_applications_container_it_is_gated_as_the_containers_kernel()
        => Verify.VerifyAsync(Usings + """
            static class Gated
            {
                public static void AddAgent(IServiceCollection services, IChatClient model)
                {
                    services.AddChatClient(model).UseKernelFunctionInvocation();
                    services.AddKernel().AddPolicyGate();
                }
            }
            """);

    [Fact]
    public Task Registered_with_AddChatClient_beside_an_ungated_kernel_it_is_reported()
        => Verify.VerifyAsync(Usings + """
            static class Ungated
            {
                public static void AddAgent(IServiceCollection services, IChatClient model)
                {
                    services.AddChatClient(model).[|UseKernelFunctionInvocation|]();
                    services.AddKernel();
                }
            }
            """);

    [Fact]
    public Task Without_a_registration_the_kernels_handed_to_its_calls_decide()
        => Verify.VerifyAsync(Usings + """
            class Chat
            {
                public async Task GatedAsync(IChatClient model, ChatHistory history, PromptExecutionSettings settings)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.UsePolicyGate();
                    var service = model.AsBuilder().UseKernelFunctionInvocation().Build().AsChatCompletionService();
                    await service.GetChatMessageContentAsync(history, settings, kernel);
                }

                public async Task UngatedAsync(IChatClient model, ChatHistory history, PromptExecutionSettings settings)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    var service = model.AsBuilder().[|UseKernelFunctionInvocation|]().Build().AsChatCompletionService();
                    await service.GetChatMessageContentAsync(history, settings, kernel);
                }
            }
            """);
}
