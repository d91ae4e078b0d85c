using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0002: a Semantic Kernel OpenAPI plugin imported into a kernel is one tool per operation of its spec, each an HTTP request
/// the model chooses. The shapes of Semantic Kernel's Step9_OpenAPI_Plugins, OpenApiPlugin_Filtering and OpenApiPlugin_PayloadHandling.
/// </summary>
public class OpenApiPluginTests
{
    // Microsoft.SemanticKernel.Plugins.OpenApi is not on this machine's feed: its import surface, as it ships.
    private const string OpenApiPackage = """

        namespace Microsoft.SemanticKernel
        {
            public static class OpenApiKernelExtensions
            {
                public static System.Threading.Tasks.Task<KernelPlugin> ImportPluginFromOpenApiAsync(this Kernel kernel, string pluginName, string filePath, Microsoft.SemanticKernel.Plugins.OpenApi.OpenApiFunctionExecutionParameters? executionParameters = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
                public static System.Threading.Tasks.Task<KernelPlugin> ImportPluginFromOpenApiAsync(this Kernel kernel, string pluginName, System.Uri uri, Microsoft.SemanticKernel.Plugins.OpenApi.OpenApiFunctionExecutionParameters? executionParameters = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
                public static System.Threading.Tasks.Task<KernelPlugin> ImportPluginFromOpenApiAsync(this Kernel kernel, string pluginName, System.IO.Stream stream, Microsoft.SemanticKernel.Plugins.OpenApi.OpenApiFunctionExecutionParameters? executionParameters = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
            }
        }

        namespace Microsoft.SemanticKernel.Plugins.OpenApi
        {
            public static class OpenApiKernelPluginFactory
            {
                public static System.Threading.Tasks.Task<KernelPlugin> CreateFromOpenApiAsync(string pluginName, System.IO.Stream stream, OpenApiFunctionExecutionParameters? executionParameters = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
            }

            public class OpenApiFunctionExecutionParameters
            {
                public OpenApiFunctionExecutionParameters(System.Net.Http.HttpClient? httpClient = null, object? authCallback = null, System.Uri? serverUrlOverride = null) { }
                public System.Net.Http.HttpClient? HttpClient { get; set; }
                public System.Func<OperationSelectionPredicateContext, bool>? OperationSelectionPredicate { get; set; }
            }

            public readonly struct OperationSelectionPredicateContext
            {
                public string? Id { get; }
                public string Method { get; }
            }
        }
        """;

    private const string Usings = """
        #nullable enable
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Plugins.OpenApi;

        """;

    [Fact]
    public Task An_OpenAPI_plugin_on_an_ungated_kernel_is_an_ungated_HTTP_tool_unless_the_kernel_is_gated()
        => Verify.VerifyAsync(Usings + """
            class Samples
            {
                public async Task FromAStream(Stream stream)
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    var plugin = await kernel.{|#0:ImportPluginFromOpenApiAsync|}("RepairService", stream);
                    await kernel.InvokePromptAsync("List all of the repairs.", new(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));
                }

                public async Task LimitedToSomeOperations(Kernel kernel)
                {
                    string[] operationsToInclude = ["createRepair", "updateRepair"];
                    OpenApiFunctionExecutionParameters executionParameters = new()
                    {
                        OperationSelectionPredicate = (OperationSelectionPredicateContext context) => Array.IndexOf(operationsToInclude, context.Id!) >= 0,
                    };
                    await kernel.{|#1:ImportPluginFromOpenApiAsync|}(pluginName: "RepairService", filePath: "Resources/repair-service.json", executionParameters: executionParameters);
                }

                public async Task Gated()
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.UsePolicyGate();
                    await kernel.ImportPluginFromOpenApiAsync("Klarna", new Uri("https://example.com/openapi.json"));
                }

                public async Task NoModelToChoose()
                {
                    // CreatePluginFromOpenApiSpec_Klarna: a kernel with no services; the code invokes the operation itself.
                    Kernel kernel = new();
                    var plugin = await kernel.ImportPluginFromOpenApiAsync("Klarna", new Uri("https://example.com/openapi.json"));
                    await kernel.InvokeAsync(plugin["productsUsingGET"], new KernelArguments { ["q"] = "Laptop" });
                }
            }
            """ + OpenApiPackage,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("RepairService", "write over HTTP", "ImportPluginFromOpenApiAsync -> the spec's operations (HTTP requests: POST, PUT, PATCH and DELETE write)"),
            Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("RepairService", "write over HTTP", "ImportPluginFromOpenApiAsync -> the spec's operations (HTTP requests: POST, PUT, PATCH and DELETE write)"));

    [Fact]
    public Task Only_GET_operations_or_a_transport_that_answers_in_process_send_nothing_that_writes()
        => Verify.VerifyAsync(Usings + """
            sealed class Samples : IDisposable
            {
                private readonly HttpClient _httpClient;

                public Samples() => this._httpClient = new(new StubHttpHandler());

                public async Task OnlyGets(Kernel kernel)
                {
                    OpenApiFunctionExecutionParameters executionParameters = new()
                    {
                        OperationSelectionPredicate = (OperationSelectionPredicateContext context) => context.Method == "Get",
                    };
                    await kernel.ImportPluginFromOpenApiAsync(pluginName: "RepairService", filePath: "Resources/repair-service.json", executionParameters: executionParameters);
                }

                public async Task RecordedByAStub(Kernel kernel, Stream stream)
                {
                    await kernel.ImportPluginFromOpenApiAsync("Event_Utils", stream, new OpenApiFunctionExecutionParameters(this._httpClient) { });
                }

                public async Task ForwardedToTheNetwork(Kernel kernel, Stream stream)
                {
                    using HttpClient client = new(new LoggingHandler(new HttpClientHandler()));
                    await kernel.{|#0:ImportPluginFromOpenApiAsync|}("Event_Utils", stream, new OpenApiFunctionExecutionParameters(client));
                }

                public void Dispose() => this._httpClient.Dispose();

                private sealed class StubHttpHandler : DelegatingHandler
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                        => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("Success") });
                }

                private sealed class LoggingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        Console.WriteLine(request.RequestUri);
                        return base.SendAsync(request, cancellationToken);
                    }
                }
            }
            """ + OpenApiPackage,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("Event_Utils", "write over HTTP", "ImportPluginFromOpenApiAsync -> the spec's operations (HTTP requests: POST, PUT, PATCH and DELETE write)"));

    [Fact]
    public Task An_import_that_does_not_bind_only_because_an_arguments_type_is_missing_is_judged_the_same_way()
    {
        // Step9_OpenAPI_Plugins: the stream comes from a helper of a project the scan does not compile (EmbeddedResource).
        var test = new Verify.Test
        {
            TestCode = Usings + """
                class Samples
                {
                    public async Task AddOpenAPIPlugins()
                    {
                        IKernelBuilder kernelBuilder = Kernel.CreateBuilder();
                        kernelBuilder.AddOpenAIChatCompletion("gpt-4o", "key");
                        Kernel kernel = kernelBuilder.Build();
                        var stream = EmbeddedResource.ReadStream("repair-service.json");
                        var plugin = await kernel.{|#0:ImportPluginFromOpenApiAsync|}("RepairService", stream!);
                    }

                    public async Task Gated()
                    {
                        Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                        kernel.UsePolicyGate();
                        await kernel.ImportPluginFromOpenApiAsync("RepairService", EmbeddedResource.ReadStream("repair-service.json")!);
                    }

                    public async Task ExecutionParametersThatDoNotBindEither(Kernel kernel, Stream stream)
                    {
                        // Their transport (an in-process stub?) and their operation filter cannot be read: nothing is claimed.
                        await kernel.ImportPluginFromOpenApiAsync("Event_Utils", EmbeddedResource.ReadStream("events.json")!, new OpenApiFunctionExecutionParameters(this.MissingClient));
                    }
                }
                """ + OpenApiPackage,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("RepairService", "write over HTTP", "ImportPluginFromOpenApiAsync -> the spec's operations (HTTP requests: POST, PUT, PATCH and DELETE write)"));
        return test.RunAsync();
    }

    // The RepairService spec of Semantic Kernel's samples (Resources/Plugins/RepairServicePlugin/repair-service.json), its paths only.
    private const string RepairServiceSpec = """
        {
          "openapi": "3.0.0",
          "info": { "title": "Repair Service", "version": "1.0.0" },
          "paths": {
            "/repairs": {
              "get": { "operationId": "listRepairs", "summary": "List all repairs", "parameters": [ { "name": "assignedTo", "in": "query" } ] },
              "post": { "operationId": "createRepair", "requestBody": { "content": { "application/json": { "schema": { "type": "object" } } } } },
              "patch": { "operationId": "updateRepair" },
              "delete": { "operationId": "deleteRepair" }
            }
          }
        }
        """;

    // A spec of read operations only, in YAML (the shape of AgentFrameworkMigration Step04's github spec).
    private const string GitHubLabelsSpec = """
        openapi: 3.0.1
        info:
          title: github
          version: v1
        paths:
          /repos/{owner}/{repo}/labels:
            get:
              operationId: listLabels
              parameters:
                - name: owner
                  in: path
          '/repos/{owner}/{repo}/labels/{name}':
            get:
              operationId: getLabel
        """;

    [Fact]
    public Task With_its_spec_handed_over_an_import_writes_only_when_an_admitted_operation_is_no_GET()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using System.Collections.Generic;

                class Samples
                {
                    private readonly Kernel _kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();

                    public async Task ReadOnlySpec()
                    {
                        await this._kernel.ImportPluginFromOpenApiAsync("github", "OpenAPISpec.yaml");
                    }

                    public async Task WritesRemainAfterAnInclusionList()
                    {
                        List<string> operationsToInclude = ["createRepair", "updateRepair"];
                        OpenApiFunctionExecutionParameters executionParameters = new()
                        {
                            OperationSelectionPredicate = (OperationSelectionPredicateContext context) => operationsToInclude.Contains(context.Id!),
                        };
                        await this._kernel.{|#0:ImportPluginFromOpenApiAsync|}(pluginName: "RepairService", filePath: "Resources/Plugins/RepairServicePlugin/repair-service.json", executionParameters: executionParameters);
                    }

                    public async Task WritesExcludedByAnExclusionList()
                    {
                        List<string> operationsToExclude = ["createRepair", "updateRepair", "deleteRepair"];
                        OpenApiFunctionExecutionParameters executionParameters = new()
                        {
                            OperationSelectionPredicate = (OperationSelectionPredicateContext context) => !operationsToExclude.Contains(context.Id!),
                        };
                        await this._kernel.ImportPluginFromOpenApiAsync(pluginName: "RepairService", filePath: "Resources/Plugins/RepairServicePlugin/repair-service.json", executionParameters: executionParameters);
                    }

                    public async Task ExclusionListThatLeavesAWrite()
                    {
                        List<string> operationsToExclude = ["deleteRepair"];
                        OpenApiFunctionExecutionParameters executionParameters = new()
                        {
                            OperationSelectionPredicate = (OperationSelectionPredicateContext context) => !operationsToExclude.Contains(context.Id!),
                        };
                        await this._kernel.{|#1:ImportPluginFromOpenApiAsync|}(pluginName: "RepairService", filePath: "Resources/Plugins/RepairServicePlugin/repair-service.json", executionParameters: executionParameters);
                    }

                    public async Task ASpecTheBuildDidNotHandOver()
                    {
                        await this._kernel.{|#2:ImportPluginFromOpenApiAsync|}("Klarna", "Resources/klarna.json");
                    }
                }
                """ + OpenApiPackage,
        };
        test.TestState.AdditionalFiles.Add(("/src/Samples/Resources/Plugins/RepairServicePlugin/repair-service.json", RepairServiceSpec));
        test.TestState.AdditionalFiles.Add(("/src/Samples/OpenAPISpec.yaml", GitHubLabelsSpec));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("RepairService", "write over HTTP", "ImportPluginFromOpenApiAsync -> Resources/Plugins/RepairServicePlugin/repair-service.json: POST createRepair, PATCH updateRepair"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("RepairService", "write over HTTP", "ImportPluginFromOpenApiAsync -> Resources/Plugins/RepairServicePlugin/repair-service.json: POST createRepair, PATCH updateRepair"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(2).WithArguments("Klarna", "write over HTTP", "ImportPluginFromOpenApiAsync -> the spec's operations (HTTP requests: POST, PUT, PATCH and DELETE write)"));
        return test.RunAsync();
    }

    // A spec file cut short (its POST never closes) is not read as "no writes": the import is judged as without a spec.
    [Fact]
    public Task A_spec_that_does_not_parse_is_judged_as_no_spec()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                class Samples
                {
                    private readonly Kernel _kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();

                    public async Task CutShort()
                    {
                        await this._kernel.{|#0:ImportPluginFromOpenApiAsync|}("RepairService", "Resources/repair-service.json");
                    }
                }
                """ + OpenApiPackage,
        };
        test.TestState.AdditionalFiles.Add(("/src/Samples/Resources/repair-service.json", """{ "openapi": "3.0.0", "paths": { "/repairs": { "get": { "operationId": "listRepairs" }, "post": { "operationId": "createRep"""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("RepairService", "write over HTTP", "ImportPluginFromOpenApiAsync -> the spec's operations (HTTP requests: POST, PUT, PATCH and DELETE write)"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_spec_read_through_a_resource_stream_is_found_by_its_name()
    {
        // Step9_OpenAPI_Plugins: EmbeddedResource.ReadStream("repair-service.json") of a helper the scan does not compile.
        var test = new Verify.Test
        {
            TestCode = Usings + """
                class Samples
                {
                    public async Task AddOpenAPIPlugins()
                    {
                        Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                        var stream = EmbeddedResource.ReadStream("repair-service.json");
                        await kernel.{|#0:ImportPluginFromOpenApiAsync|}("RepairService", stream!);
                        await kernel.ImportPluginFromOpenApiAsync("github", EmbeddedResource.ReadStream("OpenAPISpec.yaml")!);
                    }
                }
                """ + OpenApiPackage,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AdditionalFiles.Add(("/src/Samples/Resources/repair-service.json", RepairServiceSpec));
        test.TestState.AdditionalFiles.Add(("/src/Samples/Resources/OpenAPISpec.yaml", GitHubLabelsSpec));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("RepairService", "write over HTTP", "ImportPluginFromOpenApiAsync -> repair-service.json: POST createRepair, PATCH updateRepair, DELETE deleteRepair"));
        return test.RunAsync();
    }

    [Fact]
    public Task An_OpenAPI_plugin_made_by_the_factory_is_judged_where_it_is_added_to_a_kernel()
    {
        // CodeInvokesIt registers a service whose value does not bind, as a scan of a sample whose base class is out of the scan does.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;

            // agent-openai-banking-assistant-csharp app/banking-assistant/Agents/Utils/AgenticUtils.cs: a helper makes the plugin from an
            // embedded YAML spec and adds it to the kernel it is handed; the payment agent's kernel has no gate.
            static class AgenticUtils
            {
                public static async Task AddOpenAPIPlugin(Kernel kernel, Stream stream, string pluginName, string apiUrl)
                {
                    OpenApiFunctionExecutionParameters parameters = new OpenApiFunctionExecutionParameters(serverUrlOverride: new Uri(apiUrl));
                    KernelPlugin plugin = await OpenApiKernelPluginFactory.{|#0:CreateFromOpenApiAsync|}(pluginName, stream!, parameters);
                    kernel.Plugins.Add(plugin);
                }

                public static async Task AddGated(Stream stream)
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.UsePolicyGate();
                    kernel.Plugins.Add(await OpenApiKernelPluginFactory.CreateFromOpenApiAsync("Payments", stream));
                }

                public static Task<KernelPlugin> NotAddedHere(Stream stream) => OpenApiKernelPluginFactory.CreateFromOpenApiAsync("Payments", stream);

                // semantic-kernel Concepts/Plugins/OpenApiPlugin_Telemetry.cs: a kernel given a logger factory and no model; the code
                // invokes the operations itself.
                public static async Task CodeInvokesIt(Stream stream, ILoggerFactory loggerFactory)
                {
                    var kernelBuilder = Kernel.CreateBuilder();
                    kernelBuilder.Services.AddSingleton<ILoggerFactory>(loggerFactory);
                    kernelBuilder.Services.AddSingleton<IHttpClientFactory>(HttpClients.Factory); // a type of a project a scan does not compile
                    var kernel = kernelBuilder.Build();
                    var plugin = await OpenApiKernelPluginFactory.CreateFromOpenApiAsync("RepairService", stream);
                    kernel.Plugins.Add(plugin);
                    await plugin["createRepair"].InvokeAsync(kernel);
                }
            }

            class PaymentAgent
            {
                public async Task CreateAsync(Stream spec)
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    await AgenticUtils.AddOpenAPIPlugin(kernel, spec, "TransactionHistoryPlugin", "http://localhost:8080");
                }
            }
            """ + OpenApiPackage);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("CreateFromOpenApiAsync", "write over HTTP", "CreateFromOpenApiAsync -> the spec's operations (HTTP requests: POST, PUT, PATCH and DELETE write)"));
        return test.RunAsync();
    }
}
