using System.Reflection;
using System.Text.Json;
using AlignmentPolicy.Cli.Scanning;
using NJsonSchema;

namespace AlignmentPolicy.Cli.Tests;

/// <summary>
/// <c>alignment-policy scan</c> on code that does not build: a project with a missing package and an
/// unknown type, a file-based app, SARIF 2.1.0 checked against the OASIS schema.
/// </summary>
public sealed class ScanCommandTests : IDisposable
{
    private const string UngatedAgent = """
        using System.Net.Mail;
        using Contoso.Internal.Telemetry;
        using Microsoft.Extensions.AI;
        using OpenAI.Chat;

        namespace Contoso.Agent;

        public sealed class SupportAgent
        {
            private readonly TelemetrySink _telemetry = new TelemetrySink("support");
            private readonly IChatClient _client = new ChatClient("gpt-4o", "key").AsIChatClient()
                .AsBuilder()
                .UseFunctionInvocation()
                .Build();

            public async Task<string> AnswerAsync(string question)
            {
                var options = new ChatOptions { Tools = [AIFunctionFactory.Create(SendReport)] };
                var response = await _client.GetResponseAsync(question, options);
                _telemetry.Track(response.Text);
                return response.Text;
            }

            private static string SendReport(string to, string body)
            {
                using var smtp = new SmtpClient("smtp.contoso.example");
                smtp.Send("agent@contoso.example", to, "Report", body);
                return "sent";
            }
        }
        """;

    private const string AgentProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Extensions.AI.OpenAI" Version="10.11.0" />
            <PackageReference Include="Contoso.Internal.Telemetry" Version="3.1.0" />
          </ItemGroup>
        </Project>
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("ap-scan-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_project_that_does_not_build_still_yields_findings_at_the_right_lines()
    {
        var file = Write("src/Support/SupportAgent.cs", UngatedAgent);
        Write("src/Support/Support.csproj", AgentProject);

        var (exitCode, output, _) = CliRunner.Run("scan", _root);

        Assert.Equal(1, exitCode);
        Assert.Contains($"src/Support/SupportAgent.cs({LineOf(file, ".GetResponseAsync(")},", Lines(output, "ALN0001"));
        Assert.Contains($"src/Support/SupportAgent.cs({LineOf(file, ".UseFunctionInvocation()")},", Lines(output, "ALN0005"));
        Assert.Contains($"src/Support/SupportAgent.cs({LineOf(file, "AIFunctionFactory.Create(SendReport)")},", Lines(output, "ALN0002"));
        Assert.Contains("warning ALN0001:", output);
    }

    [Fact]
    public void A_project_whose_only_model_SDK_is_Azure_AI_Inference_is_an_agent_project_and_its_completions_are_model_calls()
    {
        // GitHub Models through Azure.AI.Inference, a package the scan does not have: the project references no other model SDK.
        var file = Write("src/Models/Program.cs", """
            using Azure;
            using Azure.AI.Inference;

            var client = new ChatCompletionsClient(new Uri("https://models.inference.ai.azure.com"), new AzureKeyCredential("key"));
            var options = new ChatCompletionsOptions { Model = "gpt-4o-mini" };
            options.Messages.Add(new ChatRequestUserMessage("Summarise the release notes"));
            Response<ChatCompletions> response = await client.CompleteAsync(options);
            Console.WriteLine(response.Value.Content);
            """);
        Write("src/Models/Models.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Azure.AI.Inference" Version="1.0.0-beta.5" />
              </ItemGroup>
            </Project>
            """);

        var (exitCode, output, _) = CliRunner.Run("scan", _root);

        Assert.Equal(1, exitCode);
        Assert.Contains($"src/Models/Program.cs({LineOf(file, ".CompleteAsync(")},", Lines(output, "ALN0001"));
    }

    [Fact]
    public void An_agent_built_from_an_Azure_OpenAI_client_with_the_Agent_Framework_OpenAI_extension_is_seen()
    {
        // The shape of the Agent Framework samples: AzureOpenAIClient (Azure.AI.OpenAI) -> GetChatClient ->
        // AsAIAgent (Microsoft.Agents.AI.OpenAI, which the tool cannot ship: a reference stub stands in).
        var file = Write("src/TimeAgent/Program.cs", """
            using System.ClientModel;
            using Azure.AI.OpenAI;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;

            AzureOpenAIClient client = new(new Uri("https://contoso.openai.azure.com"), new ApiKeyCredential("key"));
            var agent = client
                .GetChatClient("gpt-4.1")
                .AsAIAgent(instructions: "You keep the calendar", tools: [AIFunctionFactory.Create(Tools.SaveNote)]);
            var response = await agent.RunAsync("Note that the meeting moved to 3pm");
            Console.WriteLine(response);

            static class Tools
            {
                public static string SaveNote(string text)
                {
                    File.AppendAllText("notes.txt", text);
                    return "saved";
                }
            }
            """);
        Write("src/TimeAgent/TimeAgent.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Azure.AI.OpenAI" Version="2.1.0" />
                <PackageReference Include="Microsoft.Agents.AI.OpenAI" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);

        var (exitCode, output, _) = CliRunner.Run("scan", _root);

        Assert.Equal(1, exitCode);
        Assert.Contains($"src/TimeAgent/Program.cs({LineOf(file, ".RunAsync(")},", Lines(output, "ALN0001"));
        Assert.Contains($"src/TimeAgent/Program.cs({LineOf(file, ".AsAIAgent(")},", Lines(output, "ALN0005"));
        Assert.Contains($"src/TimeAgent/Program.cs({LineOf(file, ".AsAIAgent(")},", Lines(output, "ALN0002"));
    }

    [Fact]
    public void A_Semantic_Kernel_agent_is_a_model_call_gated_as_its_kernels_chat_service_is_not_by_the_kernels_filters()
    {
        // The shape of Semantic Kernel's GettingStartedWithAgents samples (Microsoft.SemanticKernel.Agents.Core is
        // not shipped with the tool: a reference stub stands in).
        var file = Write("src/Parrot/Program.cs", """
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Agents;
            using Microsoft.SemanticKernel.ChatCompletion;

            ChatCompletionAgent parrot = new() { Name = "Parrot", Instructions = "Repeat the message.", Kernel = CreateKernel() };
            ChatHistoryAgentThread thread = new();
            await foreach (AgentResponseItem<ChatMessageContent> response in parrot.InvokeAsync("Fortune favors the bold.", thread))
            {
                Console.WriteLine(response.Message.Content);
            }

            // A kernel's filters do not see an agent's turn (ChatCompletionAgent calls the chat service itself): gating the
            // kernel alone leaves its requests ungated; a chat service made from a gated client gates them.
            Kernel filtersOnly = CreateKernel();
            filtersOnly.UsePolicyGate();
            ChatCompletionAgent filtered = new() { Name = "Filtered", Kernel = filtersOnly };
            await foreach (var response in filtered.InvokeStreamingAsync("Hello"))
            {
                Console.Write(response.Message.Content);
            }

            IKernelBuilder builder = Kernel.CreateBuilder();
            builder.Services.AddSingleton<IChatCompletionService>(_ => Model().AsBuilder().UsePolicyGate().Build().AsChatCompletionService());
            builder.AddPolicyGate();
            Kernel gatedKernel = builder.Build();
            ChatCompletionAgent gated = new() { Name = "Gated", Kernel = gatedKernel };
            await foreach (var response in gated.InvokeStreamingAsync("Hello"))
            {
                Console.Write(response.Message.Content);
            }

            static Kernel CreateKernel() => Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
            static IChatClient Model() => new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient();
            """);
        Write("src/Parrot/Parrot.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.SemanticKernel.Agents.Core" Version="1.82.0" />
                <PackageReference Include="AlignmentPolicy.Gates" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);

        var (_, output, _) = CliRunner.Run("scan", _root);

        var findings = Lines(output, "ALN0001");
        Assert.Contains($"src/Parrot/Program.cs({LineOf(file, "parrot.InvokeAsync(")},", findings);
        Assert.Contains($"src/Parrot/Program.cs({LineOf(file, "filtered.InvokeStreamingAsync(")},", findings);
        Assert.DoesNotContain($"src/Parrot/Program.cs({LineOf(file, "gated.InvokeStreamingAsync(")},", findings);
    }

    [Fact]
    public void Semantic_Kernel_agents_with_their_own_client_and_group_chats_are_model_calls()
    {
        // The shape of Semantic Kernel's GettingStartedWithAgents OpenAIAssistant, AzureAIAgent and AgentGroupChat samples
        // (their packages are not shipped with the tool: reference stubs stand in, whatever the OpenAI SDK version).
        var file = Write("src/Assistants/Program.cs", """
            using AlignmentPolicy.Gates;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Agents;
            using Microsoft.SemanticKernel.Agents.AzureAI;
            using Microsoft.SemanticKernel.Agents.OpenAI;
            using Microsoft.SemanticKernel.Agents.Orchestration;
            using Microsoft.SemanticKernel.Agents.Orchestration.Concurrent;
            using Microsoft.SemanticKernel.Agents.Runtime.InProcess;

            object definition = Load("definition");
            object client = Load("client");
            OpenAIAssistantAgent assistant = new(definition, client);
            assistant.Kernel.Plugins.AddFromType<MenuPlugin>();
            await foreach (var response in assistant.InvokeAsync("What is the capital of France?"))
            {
                Console.WriteLine(response.Message.Content);
            }

            Kernel gatedKernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
            gatedKernel.UsePolicyGate();
            AzureAIAgent gated = new(definition, client) { Kernel = gatedKernel };
            gated.Kernel.Plugins.AddFromType<MenuPlugin>();
            await foreach (var response in gated.InvokeAsync("Hello"))
            {
                Console.WriteLine(response.Message.Content);
            }

            ChatCompletionAgent writer = new() { Name = "Writer", Kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build() };
            AgentGroupChat chat = new(writer, assistant);
            await foreach (var message in chat.InvokeAsync())
            {
                Console.WriteLine(message.Content);
            }

            AgentGroupChat gatedChat = new(gated, new ChatCompletionAgent { Name = "Reviewer", Kernel = gatedKernel });
            await foreach (var message in gatedChat.InvokeAsync())
            {
                Console.WriteLine(message.Content);
            }

            ConcurrentOrchestration orchestration = new(writer, assistant);
            InProcessRuntime runtime = new(); // Microsoft.SemanticKernel.Agents.Runtime.InProcess: not referenced by the scan
            OrchestrationResult<string[]> result = await orchestration.InvokeAsync("What is temperature?", runtime);

            OpenAIAssistantAgent fromMissingClient = new(definition, Missing.AssistantClient);
            fromMissingClient.Kernel.Plugins.AddFromType<MenuPlugin>();
            Console.WriteLine(string.Join("\n", await result.GetValueAsync(TimeSpan.FromSeconds(60))));

            static object Load(string name) => name;

            sealed class MenuPlugin
            {
                [KernelFunction]
                public string GetSpecials() => "Clam chowder";
            }
            """);
        Write("src/Assistants/Assistants.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.SemanticKernel.Agents.OpenAI" Version="1.82.0-preview" />
                <PackageReference Include="Microsoft.SemanticKernel.Agents.AzureAI" Version="1.82.0-preview" />
                <PackageReference Include="AlignmentPolicy.Gates" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);

        var (_, output, _) = CliRunner.Run("scan", _root);

        var findings = Lines(output, "ALN0001");
        Assert.Contains($"src/Assistants/Program.cs({LineOf(file, "assistant.InvokeAsync(")},", findings);
        Assert.Contains($"src/Assistants/Program.cs({LineOf(file, "in chat.InvokeAsync(")},", findings);
        // An agent with its own client (AzureAIAgent) calls that client: a kernel gated with filters, which see only prompt
        // functions, gates its tools, not its requests; so the group chat it is in is not gated either.
        Assert.Contains($"src/Assistants/Program.cs({LineOf(file, "gated.InvokeAsync(")},", findings);
        Assert.Contains($"src/Assistants/Program.cs({LineOf(file, "gatedChat.InvokeAsync(")},", findings);
        Assert.Contains($"src/Assistants/Program.cs({LineOf(file, "orchestration.InvokeAsync(")},", findings);

        // They invoke their kernel's plugins by themselves: automatic invocation unless the kernel is gated.
        var autoInvocations = Lines(output, "ALN0005");
        Assert.Contains($"src/Assistants/Program.cs({LineOf(file, "OpenAIAssistantAgent assistant = new(")},", autoInvocations);
        Assert.DoesNotContain($"src/Assistants/Program.cs({LineOf(file, "AzureAIAgent gated = new(")},", autoInvocations);
        Assert.Contains($"src/Assistants/Program.cs({LineOf(file, "OpenAIAssistantAgent fromMissingClient = new(")},", autoInvocations);
    }

    [Fact]
    public void Semantic_Kernel_connectors_and_OpenAPI_plugins_the_tool_does_not_ship_are_seen()
    {
        // The shapes of Semantic Kernel's Concepts samples MistralAI_ChatPrompt, Onnx_ChatCompletion, Ollama_ChatCompletionWithVision and
        // Step9_OpenAPI_Plugins (their packages are not shipped with the tool: reference stubs stand in).
        var file = Write("src/Connectors/Program.cs", """
            using Microsoft.Extensions.AI;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;
            using Microsoft.SemanticKernel.Connectors.MistralAI;
            using Microsoft.SemanticKernel.Connectors.Onnx;
            using Microsoft.SemanticKernel.Plugins.OpenApi;

            var mistral = new MistralAIChatCompletionService("mistral-small-latest", "key");
            var chatHistory = new ChatHistory("Respond in French.");
            var streamingChat = mistral.GetStreamingChatMessageContentsAsync(chatHistory, new MistralAIPromptExecutionSettings { MaxTokens = 500 });

            using var onnx = new OnnxRuntimeGenAIChatCompletionService(modelId: "phi-3", modelPath: "/models/phi-3");
            var reply = await onnx.GetChatMessageContentAsync(chatHistory);

            var kernel = Kernel.CreateBuilder().AddOllamaChatClient(modelId: "llama3.2-vision", endpoint: new Uri("http://localhost:11434")).Build();
            var chatClient = kernel.GetRequiredService<IChatClient>();
            var response = await chatClient.GetResponseAsync("What's in this image?");

            var plugin = await kernel.ImportPluginFromOpenApiAsync("RepairService", "Resources/repair-service.json");
            var readOnly = await kernel.ImportPluginFromOpenApiAsync("Repairs", "Resources/repair-service.json", new OpenApiFunctionExecutionParameters { OperationSelectionPredicate = context => context.Method == "Get" });
            """);
        Write("src/Connectors/Connectors.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.SemanticKernel.Connectors.MistralAI" Version="1.82.0-alpha" />
                <PackageReference Include="Microsoft.SemanticKernel.Connectors.Onnx" Version="1.82.0-alpha" />
                <PackageReference Include="Microsoft.SemanticKernel.Connectors.Ollama" Version="1.82.0-alpha" />
                <PackageReference Include="Microsoft.SemanticKernel.Plugins.OpenApi" Version="1.82.0" />
              </ItemGroup>
            </Project>
            """);

        var (_, output, _) = CliRunner.Run("scan", _root);

        var modelCalls = Lines(output, "ALN0001");
        Assert.Contains($"src/Connectors/Program.cs({LineOf(file, "mistral.GetStreamingChatMessageContentsAsync(")},", modelCalls);
        Assert.Contains($"src/Connectors/Program.cs({LineOf(file, "onnx.GetChatMessageContentAsync(")},", modelCalls);
        Assert.Contains($"src/Connectors/Program.cs({LineOf(file, "chatClient.GetResponseAsync(")},", modelCalls);

        // The kernel has a model and no gate: the plugin's operations are HTTP requests the model chooses, unless only GETs are imported.
        var tools = Lines(output, "ALN0002");
        Assert.Contains($"src/Connectors/Program.cs({LineOf(file, "var plugin = await kernel.ImportPluginFromOpenApiAsync(")},", tools);
        Assert.DoesNotContain($"src/Connectors/Program.cs({LineOf(file, "var readOnly = await kernel.ImportPluginFromOpenApiAsync(")},", tools);
    }

    [Fact]
    public void An_OpenAPI_plugin_whose_spec_in_the_project_holds_only_GETs_writes_nothing()
    {
        // AgentFrameworkMigration Step04_ToolCall_WithOpenAPI: the spec is a file of the project; the scan hands it to the analyzers.
        var file = Write("src/Labels/Program.cs", """
            using Microsoft.SemanticKernel;

            var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
            var labels = await kernel.ImportPluginFromOpenApiAsync("github", "OpenAPISpec.json");
            var repairs = await kernel.ImportPluginFromOpenApiAsync("RepairService", "Resources/repair-service.json");
            """);
        Write("src/Labels/Labels.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.SemanticKernel.Plugins.OpenApi" Version="1.82.0" /></ItemGroup>
            </Project>
            """);
        Write("src/Labels/OpenAPISpec.json", """
            { "openapi": "3.0.1", "info": { "title": "github", "version": "v1" },
              "paths": { "/repos/{owner}/{repo}/labels": { "get": { "operationId": "listLabels" } }, "/repos/{owner}/{repo}/labels/{name}": { "get": { "operationId": "getLabel" } } } }
            """);
        Write("src/Labels/Resources/repair-service.json", """
            { "openapi": "3.0.0", "info": { "title": "Repair Service", "version": "1.0.0" },
              "paths": { "/repairs": { "get": { "operationId": "listRepairs" }, "post": { "operationId": "createRepair" } } } }
            """);

        var (_, output, _) = CliRunner.Run("scan", _root);

        var tools = Lines(output, "ALN0002");
        Assert.DoesNotContain($"src/Labels/Program.cs({LineOf(file, "var labels = ")},", tools);
        Assert.Contains($"src/Labels/Program.cs({LineOf(file, "var repairs = ")},", tools);
    }

    [Fact]
    public void Tools_that_write_through_storage_database_messaging_search_and_mail_SDKs_the_tool_does_not_ship_are_seen()
    {
        // Reference stubs stand in for Azure.Storage.Blobs, Microsoft.Azure.Cosmos, Azure.Messaging.ServiceBus, Azure.Search.Documents,
        // Entity Framework Core, Dapper and SendGrid; the tools write through each, and one only reads.
        var file = Write("src/Ops/Tools.cs", """
            using System.ComponentModel;
            using System.Data;
            using Azure.Messaging.ServiceBus;
            using Azure.Search.Documents;
            using Azure.Storage.Blobs;
            using Dapper;
            using Microsoft.Azure.Cosmos;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.AI;
            using SendGrid;
            using SendGrid.Helpers.Mail;

            namespace Ops;

            public sealed class Order { public string Id { get; set; } = ""; public string Status { get; set; } = ""; }

            public sealed class OrdersContext(DbContextOptions<OrdersContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }

            public sealed class OpsTools(BlobContainerClient blobs, Microsoft.Azure.Cosmos.Container cosmos, ServiceBusSender sender, SearchClient search, OrdersContext db, IDbConnection sql, ISendGridClient mail)
            {
                [Description("Archive a report")] public async Task Archive(string name, string text) => await blobs.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true);
                [Description("Save an order")] public async Task Save(Order order) => await cosmos.UpsertItemAsync(order, new PartitionKey(order.Id));
                [Description("Notify billing")] public async Task Notify(string text) => await sender.SendMessageAsync(new ServiceBusMessage(text));
                [Description("Index a document")] public async Task Index(Order order) => await search.MergeOrUploadDocumentsAsync(new[] { order });
                [Description("Close an order")] public async Task Close(string id) { var order = await db.Orders.FirstAsync(o => o.Id == id); order.Status = "closed"; await db.SaveChangesAsync(); }
                [Description("Purge old orders")] public async Task<int> Purge() => await sql.ExecuteAsync("DELETE FROM Orders WHERE Created < @cutoff", new { cutoff = DateTime.UtcNow.AddYears(-1) });
                [Description("Mail the customer")] public async Task Mail(string to, string text) => await mail.SendEmailAsync(MailHelper.CreateSingleEmail(new EmailAddress("ops@contoso.example"), new EmailAddress(to), "Your order", text, text));
                [Description("Find orders")] public async Task<List<Order>> Find(string status) => await db.Orders.Where(o => o.Status == status).ToListAsync();

                public IList<AITool> All() =>
                [
                    AIFunctionFactory.Create(Archive), AIFunctionFactory.Create(Save), AIFunctionFactory.Create(Notify), AIFunctionFactory.Create(Index),
                    AIFunctionFactory.Create(Close), AIFunctionFactory.Create(Purge), AIFunctionFactory.Create(Mail), AIFunctionFactory.Create(Find),
                ];
            }
            """);
        Write("src/Ops/Ops.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.Extensions.AI" Version="10.0.0" /></ItemGroup>
            </Project>
            """);

        var (_, output, _) = CliRunner.Run("scan", _root);

        var tools = Lines(output, "ALN0002").Split(Environment.NewLine);
        var line = LineOf(file, "AIFunctionFactory.Create(Archive)");
        Assert.Equal(4, tools.Count(t => t.Contains($"src/Ops/Tools.cs({line},", StringComparison.Ordinal)));
        Assert.Equal(3, tools.Count(t => t.Contains($"src/Ops/Tools.cs({line + 1},", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_refit_clients_write_is_seen_where_the_project_references_refit_and_the_same_attribute_elsewhere_is_not()
    {
        // The same tool over a client interface whose [Post] is Refit's in one project (a reference stub stands in for the package)
        // and, in the other, an attribute of that name from a library the scan does not have.
        const string Tools = """
            using System.ComponentModel;
            using Microsoft.Extensions.AI;

            namespace Support;

            public interface ITicketsApi
            {
                [Post("/tickets")]
                Task<string> OpenAsync(string title);
            }

            public sealed class TicketTools(ITicketsApi api)
            {
                [Description("Open a ticket")] public Task<string> OpenTicket(string title) => api.OpenAsync(title);

                public IList<AITool> All() => [AIFunctionFactory.Create(OpenTicket)];
            }
            """;
        var refit = Write("src/Refit/Tools.cs", "using Refit;\n" + Tools);
        Write("src/Refit/Support.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.Extensions.AI" Version="10.0.0" /><PackageReference Include="Refit.HttpClientFactory" Version="8.0.0" /></ItemGroup>
            </Project>
            """);
        Write("src/Other/Tools.cs", "using Contoso.Http;\n" + Tools);
        Write("src/Other/Support.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.Extensions.AI" Version="10.0.0" /><PackageReference Include="Contoso.Http" Version="1.0.0" /></ItemGroup>
            </Project>
            """);

        var (_, output, _) = CliRunner.Run("scan", _root);

        var tools = Lines(output, "ALN0002");
        Assert.Contains($"src/Refit/Tools.cs({LineOf(refit, "AIFunctionFactory.Create(OpenTicket)")},", tools, StringComparison.Ordinal);
        Assert.DoesNotContain("src/Other/Tools.cs", tools, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_that_calls_a_gRPC_client_generated_from_the_projects_proto_file_is_seen()
    {
        // dotnet/eShop's WebApp: the chatbot's AddToCart reaches Basket.BasketClient.UpdateBasketAsync, a client Grpc.Tools generates
        // into obj/ from <Protobuf Include="..\Basket.API\Proto\basket.proto" GrpcServices="Client" />; GetCartContents only reads.
        var file = Write("src/WebApp/Chatbot/ChatState.cs", """
            using System.ComponentModel;
            using eShop.Basket.API.Grpc;
            using Microsoft.Extensions.AI;

            namespace WebApp.Chatbot;

            public sealed class BasketService(Basket.BasketClient basketClient)
            {
                public async Task<int> CountAsync() => (await basketClient.GetBasketAsync(new())).GetHashCode();
                public async Task UpdateAsync() => await basketClient.UpdateBasketAsync(new UpdateBasketRequest());
            }

            public sealed class ChatState(IChatClient chatClient, BasketService basket)
            {
                [Description("Adds a product to the user's shopping cart.")]
                private async Task<string> AddToCart(int itemId) { await basket.UpdateAsync(); return "added"; }

                [Description("Gets information about the contents of the user's shopping cart (basket)")]
                private async Task<string> GetCartContents() => (await basket.CountAsync()).ToString();

                public Task<ChatResponse> AskAsync(string text) => chatClient.GetResponseAsync(text, new ChatOptions
                {
                    Tools = [AIFunctionFactory.Create(AddToCart), AIFunctionFactory.Create(GetCartContents)],
                });
            }
            """);
        Write("src/WebApp/WebApp.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.AI" Version="10.0.0" />
                <PackageReference Include="Grpc.Net.ClientFactory" Version="2.67.0" />
                <Protobuf Include="..\Basket.API\Proto\basket.proto" GrpcServices="Client" />
              </ItemGroup>
            </Project>
            """);
        Write("src/Basket.API/Proto/basket.proto", """
            syntax = "proto3";

            option csharp_namespace = "eShop.Basket.API.Grpc";

            package BasketApi;

            service Basket {
                rpc GetBasket(GetBasketRequest) returns (CustomerBasketResponse) {}
                rpc UpdateBasket(UpdateBasketRequest) returns (CustomerBasketResponse) {}
            }

            message GetBasketRequest {
            }

            message CustomerBasketResponse {
                repeated BasketItem items = 1;
            }

            message BasketItem {
                int32 product_id = 2;
            }

            message UpdateBasketRequest {
                repeated BasketItem items = 2;
            }
            """);

        var (_, output, _) = CliRunner.Run("scan", _root);

        var tools = Lines(output, "ALN0002").Split(Environment.NewLine);
        var line = LineOf(file, "AIFunctionFactory.Create(AddToCart)");
        var found = Assert.Single(tools, t => t.Contains($"src/WebApp/Chatbot/ChatState.cs({line},", StringComparison.Ordinal));
        Assert.Contains("BasketClient.UpdateBasketAsync", found, StringComparison.Ordinal);
    }

    [Fact]
    public void A_web_app_registering_its_chat_client_on_the_web_builder_is_followed_into_its_services()
    {
        // The shape of eShopLite's Products service: Microsoft.NET.Sdk.Web (implicit ASP.NET Core usings), the client
        // registered on WebApplication.CreateBuilder(args).Services, injected into a class through a factory.
        Write("src/Products/Program.cs", """
            using System.ClientModel;
            using Azure.AI.OpenAI;
            using Microsoft.Extensions.AI;
            using Products.Memory;

            var builder = WebApplication.CreateBuilder(args);
            var aoaiClient = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), new ApiKeyCredential("key"));
            builder.Services.AddChatClient(aoaiClient.GetChatClient("gpt-4.1-mini").AsIChatClient());
            builder.Services.AddSingleton(sp => new MemoryContext(sp.GetService<IChatClient>()));
            var app = builder.Build();
            app.MapGet("/search", async (string q, MemoryContext memory) => await memory.SearchAsync(q));
            app.Run();
            """);
        var memory = Write("src/Products/Memory/MemoryContext.cs", """
            using Microsoft.Extensions.AI;

            namespace Products.Memory;

            public class MemoryContext(IChatClient? chatClient)
            {
                private readonly IChatClient? _chatClient = chatClient;

                public async Task<string> SearchAsync(string search)
                {
                    var response = await _chatClient!.GetResponseAsync($"Answer about our products: {search}");
                    return response.Text;
                }
            }
            """);
        Write("src/Products/Products.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Azure.AI.OpenAI" Version="2.1.0" /></ItemGroup>
            </Project>
            """);

        var (exitCode, output, _) = CliRunner.Run("scan", _root);

        Assert.Equal(1, exitCode);
        Assert.Contains($"src/Products/Memory/MemoryContext.cs({LineOf(memory, ".GetResponseAsync(")},", Lines(output, "warning ALN0001"));
    }

    [Fact]
    public void A_file_based_app_is_scanned_as_its_own_project()
    {
        var file = Write("tools/ask.cs", """
            #!/usr/bin/env dotnet
            #:package Microsoft.Extensions.AI.OpenAI@10.11.0
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;

            IChatClient client = new ChatClient("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY")).AsIChatClient();
            var answer = await client.GetResponseAsync(string.Join(' ', args));
            Console.WriteLine(answer.Text);
            """);

        var projects = ProjectDiscovery.Discover(_root);
        var app = Assert.Single(projects);
        Assert.Equal(ScanProjectKind.FileBasedApp, app.Kind);
        Assert.Contains("Microsoft.Extensions.AI.OpenAI", app.PackageReferences);

        var (exitCode, output, _) = CliRunner.Run("scan", _root);
        Assert.Equal(1, exitCode);
        Assert.Contains($"tools/ask.cs({LineOf(file, ".GetResponseAsync(")},", Lines(output, "ALN0001"));
    }

    [Fact]
    public void The_gated_twin_and_a_non_agent_project_scan_clean()
    {
        Write("gated/Gated.csproj", AgentProject.Replace("Contoso.Internal.Telemetry", "AlignmentPolicy.Gates", StringComparison.Ordinal));
        Write("gated/SupportAgent.cs", UngatedAgent
            .Replace("using System.Net.Mail;", "using System.Net.Mail;\nusing AlignmentPolicy.Gates;", StringComparison.Ordinal)
            .Replace("using Contoso.Internal.Telemetry;\n", "", StringComparison.Ordinal)
            .Replace("private readonly TelemetrySink _telemetry = new TelemetrySink(\"support\");", "", StringComparison.Ordinal)
            .Replace("_telemetry.Track(response.Text);", "", StringComparison.Ordinal)
            .Replace(".AsBuilder()", ".AsBuilder()\n            .UsePolicyGate()", StringComparison.Ordinal));
        Write("backoffice/Backoffice.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        Write("backoffice/Archive.cs", """
            namespace Contoso.Backoffice;
            public static class Archive
            {
                public static void Save(string path, string text) => System.IO.File.WriteAllText(path, text);
            }
            """);

        var (exitCode, output, _) = CliRunner.Run("scan", _root);

        Assert.DoesNotContain("warning ALN", output);
        Assert.Equal(0, exitCode);
        Assert.Contains("Scanned 2 projects", output);
    }

    [FactWhenSarifSchemaExists]
    public void Sarif_output_is_valid_SARIF_2_1_0_with_rule_metadata_and_relative_locations()
    {
        var file = Write("src/Support/SupportAgent.cs", UngatedAgent);
        Write("src/Support/Support.csproj", AgentProject);
        var sarifPath = Path.Combine(_root, "out", "scan.sarif");

        var (exitCode, _, _) = CliRunner.Run("scan", _root, "--sarif", sarifPath);

        Assert.Equal(1, exitCode);
        var text = File.ReadAllText(sarifPath);
        AssertSchemaValid(text);

        using var sarif = JsonDocument.Parse(text);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.Equal($"https://github.com/alignment-policy/alignment-policy/blob/main/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
        });

        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "ALN0001");
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/Support/SupportAgent.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(LineOf(file, ".GetResponseAsync("), location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() > 1);
        Assert.Equal(new Uri(_root + Path.DirectorySeparatorChar).AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
    }

    [FactWhenSarifSchemaExists]
    public void Sarif_of_an_empty_scan_is_valid_and_the_exit_code_is_zero()
    {
        var sarifPath = Path.Combine(_root, "empty.sarif");

        var (exitCode, output, _) = CliRunner.Run("scan", _root, "--sarif", sarifPath);

        Assert.Equal(0, exitCode);
        Assert.Contains("Scanned 0 projects", output);
        var text = File.ReadAllText(sarifPath);
        AssertSchemaValid(text);
        using var sarif = JsonDocument.Parse(text);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Empty(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void Discovery_skips_bin_and_obj_keeps_nested_projects_apart_and_groups_loose_files()
    {
        Write("App/App.csproj", AgentProject);
        Write("App/Program.cs", "class Program { }");
        Write("App/obj/Debug/net10.0/App.GlobalUsings.g.cs", "global using System;");
        Write("App/obj/Generated/Client.g.cs", "class Generated { }");
        Write("App/bin/Debug/Leftover.cs", "class Leftover { }");
        Write("App/Plugins/Plugin.csproj", AgentProject);
        Write("App/Plugins/Plugin.cs", "class Plugin { }");
        Write("snippets/a.cs", "class A { }");
        Write("snippets/b.cs", "class B { }");

        var projects = ProjectDiscovery.Discover(_root);

        var app = projects.Single(p => p.ProjectFile?.EndsWith("App.csproj", StringComparison.Ordinal) == true);
        Assert.Equal([Path.Combine(_root, "App", "Program.cs")], app.Sources);
        Assert.True(app.ImplicitUsings);
        Assert.Contains("Microsoft.Extensions.AI.OpenAI", app.PackageReferences);
        var plugin = projects.Single(p => p.ProjectFile?.EndsWith("Plugin.csproj", StringComparison.Ordinal) == true);
        Assert.Equal([Path.Combine(_root, "App", "Plugins", "Plugin.cs")], plugin.Sources);
        var loose = projects.Single(p => p.Kind == ScanProjectKind.LooseFiles);
        Assert.Equal(2, loose.Sources.Count);
        Assert.Equal(3, projects.Count);
    }

    [Fact]
    public void Using_items_of_the_project_and_its_props_are_global_usings_and_the_code_relying_on_them_is_analysed()
    {
        // Implicit usings off (Semantic Kernel's samples set it in Directory.Build.props) and the namespaces
        // imported through <Using> items instead: the file has no using directive, yet everything binds.
        Write("Directory.Build.props", """
            <Project>
              <PropertyGroup><ImplicitUsings>disable</ImplicitUsings></PropertyGroup>
              <ItemGroup><Using Include="System;System.Threading.Tasks" /></ItemGroup>
            </Project>
            """);
        Write("src/Notes/Notes.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <Using Include="Microsoft.Extensions.AI" />
                <Using Include="OpenAI.Chat" />
                <Using Include="System.IO.File" Static="true" />
                <Using Include="Microsoft.Extensions.AI.AIFunctionFactory" Alias="Tools" />
                <!-- <Using Include="Contoso.Commented.Out" /> -->
                <Using Include="Contoso.Removed" />
                <Using Remove="Contoso.Removed" />
              </ItemGroup>
            </Project>
            """);
        var file = Write("src/Notes/NoteTaker.cs", """
            namespace Contoso.Notes;

            public sealed class NoteTaker
            {
                private readonly IChatClient _client = new ChatClient("gpt-4o", "key").AsIChatClient()
                    .AsBuilder()
                    .UseFunctionInvocation()
                    .Build();

                public async Task<string> TakeAsync(string question)
                {
                    var options = new ChatOptions { Tools = [Tools.Create(SaveNote)] };
                    var response = await _client.GetResponseAsync(question, options);
                    return response.Text;
                }

                private static string SaveNote(string text)
                {
                    WriteAllText("notes.txt", text);
                    return "saved";
                }
            }
            """);

        var project = Assert.Single(ProjectDiscovery.Discover(_root));
        Assert.Equal(
            [
                new ProjectUsing("System"), new ProjectUsing("System.Threading.Tasks"), new ProjectUsing("Microsoft.Extensions.AI"), new ProjectUsing("OpenAI.Chat"),
                new ProjectUsing("System.IO.File", Static: true), new ProjectUsing("Microsoft.Extensions.AI.AIFunctionFactory", Alias: "Tools"),
            ],
            project.GlobalUsings);

        var (exitCode, output, _) = CliRunner.Run("scan", _root);

        Assert.Equal(1, exitCode);
        Assert.Contains($"src/Notes/NoteTaker.cs({LineOf(file, ".GetResponseAsync(")},", Lines(output, "ALN0001"));
        Assert.Contains($"src/Notes/NoteTaker.cs({LineOf(file, "Tools.Create(SaveNote)")},", Lines(output, "ALN0002"));
    }

    [Fact]
    public void Implicit_usings_follow_the_sdk_and_a_using_remove_takes_one_out()
    {
        Write("Web/Web.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><Using Remove="System.Net.Http" /><Using Include="System.Text.Json" /></ItemGroup>
            </Project>
            """);
        Write("Web/Program.cs", "class Program { }");
        Write("Lib/Lib.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>""");
        Write("Lib/Lib.cs", "class Lib { }");
        Write("Off/Off.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><ImplicitUsings>disable</ImplicitUsings></PropertyGroup></Project>""");
        Write("Off/Off.cs", "class Off { }");

        var projects = ProjectDiscovery.Discover(_root);

        var web = projects.Single(p => p.ProjectFile!.EndsWith("Web.csproj", StringComparison.Ordinal)).GlobalUsings.Select(u => u.Name).ToList();
        Assert.Contains("Microsoft.AspNetCore.Builder", web);
        Assert.Contains("Microsoft.Extensions.DependencyInjection", web);
        Assert.Contains("System.Net.Http.Json", web);
        Assert.DoesNotContain("System.Net.Http", web);
        Assert.Equal("System.Text.Json", web[^1]);
        Assert.Equal(
            ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"],
            projects.Single(p => p.ProjectFile!.EndsWith("Lib.csproj", StringComparison.Ordinal)).GlobalUsings.Select(u => u.Name));
        Assert.Empty(projects.Single(p => p.ProjectFile!.EndsWith("Off.csproj", StringComparison.Ordinal)).GlobalUsings);
    }

    [Fact]
    public void Linked_compile_items_belong_to_the_project_and_are_not_loose_files()
    {
        Write("samples/Shared/ScriptedClient.cs", "class ScriptedClient { }");
        Write("samples/Shared/Nested/Helper.cs", "class Helper { }");
        Write("samples/Agent/Agent.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <Compile Include="../Shared/ScriptedClient.cs" Link="Shared/ScriptedClient.cs" />
                <Compile Include="$(MSBuildThisFileDirectory)../Shared/**/*.cs" />
              </ItemGroup>
            </Project>
            """);
        Write("samples/Agent/Program.cs", "class Program { }");

        var project = Assert.Single(ProjectDiscovery.Discover(_root));

        Assert.Equal(
            new[] { "samples/Agent/Program.cs", "samples/Shared/Nested/Helper.cs", "samples/Shared/ScriptedClient.cs" },
            project.Sources.Select(s => Path.GetRelativePath(_root, s).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_folder_is_a_usage_error()
    {
        var (exitCode, _, error) = CliRunner.Run("scan", Path.Combine(_root, "does-not-exist"));

        Assert.Equal(2, exitCode);
        Assert.Contains("is not a folder", error);
    }

    [Fact]
    public void Sarif_uris_are_relative_and_escaped()
    {
        Assert.Equal("src/My%20Agent/Agent.cs", SarifWriter.RelativeUri("src/My Agent/Agent.cs"));
        Assert.Equal("a/b.cs", SarifWriter.RelativeUri("a\\b.cs"));
    }

    private static void AssertSchemaValid(string sarif)
    {
        var schema = JsonSchema.FromFileAsync(FactWhenSarifSchemaExistsAttribute.SchemaPath).GetAwaiter().GetResult();
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, "SARIF schema errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static int LineOf(string file, string text) => Array.FindIndex(File.ReadAllLines(file), line => line.Contains(text, StringComparison.Ordinal)) + 1;

    private static string Lines(string output, string id)
        => string.Join(Environment.NewLine, output.Split('\n').Where(line => line.Contains(id, StringComparison.Ordinal)));
}

/// <summary>Skips, saying why, when the OASIS SARIF schema is not next to the repository (../shared/schemas).</summary>
internal sealed class FactWhenSarifSchemaExistsAttribute : FactAttribute
{
    public static string SchemaPath { get; } = Path.GetFullPath(Path.Combine(
        typeof(FactWhenSarifSchemaExistsAttribute).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "..", "shared", "schemas", "sarif", "sarif-schema-2.1.0.json"));

    public FactWhenSarifSchemaExistsAttribute()
    {
        if (!File.Exists(SchemaPath))
        {
            Skip = $"The SARIF 2.1.0 schema is not at {SchemaPath} (../shared/schemas relative to the repository root).";
        }
    }
}
