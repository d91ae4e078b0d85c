using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

public class UngatedToolSideEffectTests
{
    private const string Usings = """
        using System;
        using System.ComponentModel;
        using System.IO;
        using System.Net.Http;
        using System.Net.Mail;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel;
        using ModelContextProtocol.Server;

        """;

    private const string Mailer = """
        class Mailer
        {
            private readonly SmtpClient _smtp = new("smtp.contoso.example");

            public void Deliver(string to, string subject, string body) => _smtp.Send("agent@contoso.example", to, subject, body);
        }

        """;

    [Fact]
    public Task A_method_group_tool_that_sends_mail_through_a_helper_names_the_chain()
        => Verify.VerifyAsync(Usings + Mailer + """
            class ReportTools(Mailer mailer)
            {
                [Description("Send the weekly report")]
                public string SendReport(string to) { mailer.Deliver(to, "Weekly report", "..."); return "sent"; }

                public AIFunction[] Tools() => [AIFunctionFactory.{|#0:Create|}(SendReport)];
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("SendReport", "send mail", "SendReport -> Mailer.Deliver -> SmtpClient.Send"));

    [Fact]
    public Task Lambda_and_local_function_tools_are_followed_too()
        => Verify.VerifyAsync(Usings + """
            class FileTools
            {
                public AIFunction[] Tools()
                {
                    string Save(string path, string text) { File.WriteAllText(path, text); return "saved"; }
                    return
                    [
                        AIFunctionFactory.[|Create|]((string path) => { File.Delete(path); return "deleted"; }, "delete_file"),
                        AIFunctionFactory.[|Create|](Save, "save_file"),
                    ];
                }
            }
            """);

    // The walk reads a helper's spelled calls before binding it: names that hide what is called must still be followed.
    [Fact]
    public Task Side_effects_behind_an_alias_an_explicit_implementation_or_a_sibling_local_function_are_found()
        => Verify.VerifyAsync("using Writer = System.IO.StreamWriter;\n" + Usings + """
            interface IArchive { void Store(string path); }

            class DiskArchive : IArchive
            {
                void IArchive.Store(string path) => File.WriteAllText(path, "archived");
            }

            static class Helpers
            {
                public static void Export(string path) { using var writer = new Writer(path); writer.Write("export"); }

                public static string Label(string name) => $"[{name.Trim()}]";

                public static void Purge(string path)
                {
                    Check(path);
                    void Check(string p) => Remove(p);
                    void Remove(string p) => File.Delete(p);
                }
            }

            class Tools(IArchive archive)
            {
                public string ExportTool(string path) { Helpers.Export(path); return "exported"; }
                public string ArchiveTool(string path) { archive.Store(path); return "archived"; }
                public string PurgeTool(string path) { Helpers.Purge(path); return "purged"; }
                public string LabelTool(string name) => Helpers.Label(name);

                public AIFunction[] All() =>
                [
                    AIFunctionFactory.[|Create|](ExportTool), AIFunctionFactory.[|Create|](ArchiveTool), AIFunctionFactory.[|Create|](PurgeTool), AIFunctionFactory.Create(LabelTool),
                ];
            }
            """);

    [Fact]
    public Task Stubs_named_like_side_effects_and_read_only_tools_are_not_reported()
        => Verify.VerifyAsync(Usings + """
            class StubTools
            {
                public static string PlaceOrder(string sku) => "Order placed (demo)";
                public static string SendEmail(string to, string body) => $"Email to {to} queued";
                public static string Deploy() => "ok";
                public static string ReadPolicy(string path) => File.ReadAllText(path);

                public AIFunction[] Tools() =>
                [
                    AIFunctionFactory.Create(PlaceOrder), AIFunctionFactory.Create(SendEmail), AIFunctionFactory.Create(Deploy), AIFunctionFactory.Create(ReadPolicy),
                ];
            }
            """);

    [Fact]
    public Task WithPolicyGate_and_ApprovalRequiredAIFunction_guard_the_tool()
        => Verify.VerifyAsync(Usings + Mailer + """
            class ReportTools(Mailer mailer)
            {
                public string SendReport(string to) { mailer.Deliver(to, "Weekly report", "..."); return "sent"; }

                public AIFunction[] Tools() =>
                [
                    AIFunctionFactory.Create(SendReport).WithPolicyGate(),
                    new ApprovalRequiredAIFunction(AIFunctionFactory.Create(SendReport, "send_report_with_approval")),
                ];
            }
            """);

    [Fact]
    public Task Tools_registered_on_a_gated_pipeline_are_guarded_and_on_an_ungated_one_are_not()
        => Verify.VerifyAsync(Usings + """
            class Http
            {
                public static async Task<string> Refund(string orderId)
                {
                    using var http = new HttpClient();
                    await http.PostAsync($"https://payments.contoso.example/refunds/{orderId}", null);
                    return "refunded";
                }
            }

            class Gated
            {
                public async Task RunAsync(IChatClient model)
                {
                    var client = model.AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();
                    var options = new ChatOptions { Tools = [AIFunctionFactory.Create(Http.Refund)] };
                    await client.GetResponseAsync("Refund order 42", options);
                }
            }

            class Ungated
            {
                public async Task RunAsync(IChatClient model)
                {
                    var client = model.AsBuilder().UseFunctionInvocation().Build();
                    var options = new ChatOptions { Tools = [AIFunctionFactory.[|Create|](Http.Refund)] };
                    await client.GetResponseAsync("Refund order 42", options);
                }
            }
            """);

    [Fact]
    public Task A_tool_on_a_gated_pipeline_of_its_method_is_guarded_before_or_after_its_body_was_searched()
        => Verify.VerifyAsync(Usings + Mailer + """
            class ReportTools(Mailer mailer)
            {
                public string SendReport(string to) { mailer.Deliver(to, "Weekly report", "..."); return "sent"; }

                public async Task GatedAsync(IChatClient model)
                {
                    var client = model.AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();
                    await client.GetResponseAsync("Send the report", new ChatOptions { Tools = [AIFunctionFactory.Create(SendReport)] });
                }

                public AIFunction[] NoPipelineHere() => [AIFunctionFactory.[|Create|](SendReport)];

                public async Task UngatedAsync(IChatClient model)
                {
                    var client = model.AsBuilder().UseFunctionInvocation().Build();
                    await client.GetResponseAsync("Send the report", new ChatOptions { Tools = [AIFunctionFactory.[|Create|](SendReport)] });
                }

                public async Task GatedAgainAsync(IChatClient model)
                {
                    var client = model.AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();
                    await client.GetResponseAsync("Send the report", new ChatOptions { Tools = [AIFunctionFactory.Create(SendReport)] });
                }
            }
            """);

    [Fact]
    public Task Kernel_functions_are_tools_unless_a_kernel_gate_exists_and_process_steps_are_not_tools()
        => Verify.VerifyAsync(Usings + """
            public class OpsPlugin
            {
                [KernelFunction, Description("Restart the service")]
                public void {|#0:Restart|}(string service) => System.Diagnostics.Process.Start("systemctl", $"restart {service}");

                [KernelFunction]
                public string Status(string service) => "running";
            }

            // Microsoft.SemanticKernel.Process.Abstractions is not on this machine's feed: its base type, as it ships.
            namespace Microsoft.SemanticKernel { public class KernelProcessStep { } }

            public class ArchiveStep : KernelProcessStep
            {
                [KernelFunction]
                public void Archive(string path) => File.Delete(path);
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("Restart", "start processes", "Restart -> Process.Start"));

    [Fact]
    public Task Kernel_functions_are_judged_in_every_body_form_and_the_same_methods_without_the_attribute_are_not()
        => Verify.VerifyAsync(Usings + """
            public partial class FilePlugin
            {
                [KernelFunction]
                public void {|#0:Remove|}(string path) { File.Delete(path); }

                [KernelFunction]
                public void {|#1:Drop|}(string path) => File.Delete(path);

                public void Purge(string path) { File.Delete(path); }

                public void Erase(string path) => File.Delete(path);

                public partial void Clear(string path);

                public partial void Clear(string path) => File.Delete(path);
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("Remove", "write or delete files", "Remove -> File.Delete"),
            Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("Drop", "write or delete files", "Drop -> File.Delete"));

    [Fact]
    public Task A_partial_kernel_function_is_one_tool_reported_on_its_implementation_whichever_part_has_the_attribute()
        => Verify.VerifyAsync(Usings + """
            public partial class FilePlugin
            {
                // The attribute on the declaration (source-generated plugins write it there), or on the implementation.
                [KernelFunction, Description("Delete a file")]
                public partial void Clear(string path);

                public partial void {|#0:Clear|}(string path) => File.Delete(path);

                public partial void Shred(string path);

                [KernelFunction]
                public partial void {|#1:Shred|}(string path) { File.WriteAllText(path, ""); File.Delete(path); }

                // The same shapes reading a file: no side effect.
                [KernelFunction]
                public partial string Peek(string path);

                public partial string Peek(string path) => File.ReadAllText(path);
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("Clear", "write or delete files", "Clear -> File.Delete"),
            Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("Shred", "write or delete files", "Shred -> File.WriteAllText"));

    [Fact]
    public Task A_tool_declared_without_a_body_is_judged_where_its_body_is_written()
        => Verify.VerifyAsync(Usings + """
            public abstract class FilePluginBase
            {
                // No body: nothing here reaches a side effect (with or without a default value, which is a block of its own).
                [KernelFunction]
                public abstract void Remove(string path, bool force = false);

                [KernelFunction]
                public abstract string Peek(string path);
            }

            public sealed class FilePlugin : FilePluginBase
            {
                [KernelFunction]
                public override void {|#0:Remove|}(string path, bool force = false) => File.Delete(path);

                // The same shape reading a file: no side effect.
                [KernelFunction]
                public override string Peek(string path) => File.ReadAllText(path);
            }

            public interface IFileTools
            {
                [McpServerTool]
                void Wipe(string path, bool force = false);
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("Remove", "write or delete files", "Remove -> File.Delete"));

    [Fact]
    public Task A_kernel_gate_anywhere_guards_the_kernel_functions()
        => Verify.VerifyAsync(Usings + """
            public class OpsPlugin
            {
                [KernelFunction]
                public void Restart(string service) => System.Diagnostics.Process.Start("systemctl", $"restart {service}");
            }

            static class Setup
            {
                public static Kernel Build()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Plugins.AddFromType<OpsPlugin>();
                    builder.AddPolicyGate();
                    return builder.Build();
                }
            }
            """);

    [Fact]
    public Task Side_effects_behind_an_interface_are_found_in_its_implementations()
        => Verify.VerifyAsync(Usings + """
            public interface ITicketStore { void Close(string id); }

            public sealed class SqlTicketStore : ITicketStore
            {
                public void Close(string id)
                {
                    using var connection = new System.Data.SqlClient.Fake();
                }
            }
            """.Replace("using var connection = new System.Data.SqlClient.Fake();", "File.AppendAllText(\"closed.log\", id);") + """

            public sealed class TicketTools(ITicketStore store)
            {
                [McpServerTool, Description("Close a ticket")]
                public string {|#0:CloseTicket|}(string id) { store.Close(id); return "closed"; }
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("CloseTicket", "write or delete files", "CloseTicket -> SqlTicketStore.Close -> File.AppendAllText"));

    [Fact]
    public Task A_tool_that_checks_a_gate_itself_is_guarded()
        => Verify.VerifyAsync(Usings + """
            public sealed class GuardedTools(IPolicyGate gate)
            {
                [McpServerTool]
                public async Task<string> Wipe(string path)
                {
                    var verdict = await gate.EvaluateAsync(null!, default);
                    if (verdict.Decision != PolicyDecision.Allow) return "denied";
                    File.Delete(path);
                    return "deleted";
                }
            }
            """);

    [Fact]
    public Task The_policy_maps_severity_per_category_and_none_silences_it()
        => Verify.VerifyAsync(
            [Usings + """
            class Tools
            {
                public AIFunction[] All() =>
                [
                    AIFunctionFactory.{|#0:Create|}((string to) => { new SmtpClient().Send("a@contoso.example", to, "s", "b"); return "ok"; }, "mail"),
                    AIFunctionFactory.Create((string path) => { File.Delete(path); return "ok"; }, "delete"),
                ];
            }
            """],
            "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.side_effects.severity.mail = error\nalignment_policy.side_effects.severity.filesystem = none\n",
            Verify.Diagnostic("ALN0002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("lambda", "send mail", "lambda -> SmtpClient.Send"));

    [Fact]
    public Task Custom_categories_and_SideEffect_methods_from_the_policy_are_side_effects()
        => Verify.VerifyAsync(
            [Usings + """
            namespace Contoso.Payments
            {
                public class PaymentClient { public void Charge(decimal amount) { } }
            }

            class Billing
            {
                [SideEffect("tickets")]
                public static void OpenTicket(string text) { }
            }

            class Tools(Contoso.Payments.PaymentClient payments)
            {
                public AIFunction[] All() =>
                [
                    AIFunctionFactory.{|#0:Create|}((decimal amount) => { payments.Charge(amount); return "charged"; }, "charge"),
                    AIFunctionFactory.{|#1:Create|}((string text) => { Billing.OpenTicket(text); return "opened"; }, "ticket"),
                ];
            }
            """],
            "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.side_effects.custom.payments = M:Contoso.Payments.PaymentClient.Charge(System.Decimal)\n",
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("lambda", "move money", "lambda -> PaymentClient.Charge"),
            Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("lambda", "perform 'tickets' side effects", "lambda -> Billing.OpenTicket"));

    // The runtime's constants are the policy's categories: a severity set for "filesystem" reaches a method declared with
    // SideEffectCategories.FileSystem, a former literal name ("http-write") is the category it became, and read-private
    // (what a tool reads) is no side effect.
    [Fact]
    public Task SideEffect_attributes_use_the_policys_categories_under_their_current_and_former_names()
        => Verify.VerifyAsync(
            [Usings + """
            static class Store
            {
                [SideEffect(SideEffectCategories.FileSystem)]
                public static void Save(string text) { }

                [SideEffect("http-write")]
                public static void Publish(string text) { }

                [SideEffect(SideEffectCategories.ReadPrivate)]
                public static string ReadInbox() => "";
            }

            class Tools
            {
                public AIFunction[] All() =>
                [
                    AIFunctionFactory.{|#0:Create|}((string text) => { Store.Save(text); return "saved"; }, "save"),
                    AIFunctionFactory.{|#1:Create|}((string text) => { Store.Publish(text); return "published"; }, "publish"),
                    AIFunctionFactory.Create(() => Store.ReadInbox(), "inbox"),
                ];
            }
            """],
            "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.side_effects.severity.filesystem = error\n",
            Verify.Diagnostic("ALN0002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("lambda", "write or delete files", "lambda -> Store.Save"),
            Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("lambda", "write over HTTP", "lambda -> Store.Publish"));

    [Fact]
    public Task Recursion_terminates_and_depth_is_limited_by_the_policy()
        => Verify.VerifyAsync(
            [Usings + """
            static class Chain
            {
                public static void A(int n) { if (n > 0) B(n - 1); }
                public static void B(int n) { if (n > 0) A(n - 1); else C(); }
                public static void C() => D();
                public static void D() => File.WriteAllText("x", "y");
            }

            class Tools
            {
                public AIFunction[] All() => [AIFunctionFactory.Create((int n) => { Chain.A(n); return "done"; }, "deep")];
            }
            """],
            "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.analyzers.max_call_depth = 2\n");

    [Fact]
    public Task HttpClient_SendAsync_is_a_write_unless_the_request_is_a_GET()
        => Verify.VerifyAsync(Usings + """
            class Tools(HttpClient http)
            {
                public AIFunction[] All() =>
                [
                    AIFunctionFactory.Create(async (string url) => (await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url))).StatusCode.ToString(), "fetch"),
                    AIFunctionFactory.[|Create|](async (string url) => (await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url))).StatusCode.ToString(), "remove"),
                ];
            }
            """);

    [Fact]
    public Task Writes_to_the_paths_the_policy_names_as_oversight_are_oversight_side_effects()
        => Verify.VerifyAsync(
            [Usings + """
            class SelfTools
            {
                public AIFunction[] All() =>
                [
                    AIFunctionFactory.{|#0:Create|}((string text) => { File.WriteAllText("config/agent.prompt.md", text); return "updated"; }, "update_prompt"),
                    AIFunctionFactory.{|#1:Create|}((string text) => { File.WriteAllText("notes/today.md", text); return "noted"; }, "take_note"),
                ];
            }
            """],
            "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.side_effects.oversight_paths = config/agent.*|monitoring/**\nalignment_policy.side_effects.severity.oversight = error\n",
            Verify.Diagnostic("ALN0002").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("lambda", "change its own oversight", "lambda -> File.WriteAllText"),
            Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("lambda", "write or delete files", "lambda -> File.WriteAllText"));

    // rwjdk BuildYouOwnVectorStore: SearchRag reads a store whose helper makes sure the store's folder exists and returns it;
    // the sample's FileSystemTools.CreateFolder creates the folder the model names.
    [Fact]
    public Task A_helper_that_makes_sure_a_folder_exists_and_returns_it_is_no_side_effect_but_creating_a_folder_is()
        => Verify.VerifyAsync(Usings + """
            static class FolderHelper
            {
                public static string GetStoreFolder(string name)
                {
                    string storeFolder = Path.Combine(GetStoresFolder(), name);
                    Directory.CreateDirectory(storeFolder);
                    return storeFolder;
                }

                public static string GetStoresFolder()
                {
                    string storesFolder = Path.Combine(Path.GetTempPath(), "VectorStoreCollections");
                    Directory.CreateDirectory(storesFolder);
                    return storesFolder;
                }
            }

            class StoreTools
            {
                [Description("Search the store")]
                public string SearchRag(string collection, string query) => string.Join("\n", Directory.GetFiles(FolderHelper.GetStoreFolder(collection), query));

                [Description("Create a folder")]
                public void CreateFolder(string folderPath) => Directory.CreateDirectory(folderPath);

                [Description("Save a note in the store")]
                public string SaveNote(string collection, string text)
                {
                    var folder = FolderHelper.GetStoreFolder(collection);
                    File.WriteAllText(Path.Combine(folder, "note.txt"), text);
                    return folder;
                }

                public AIFunction[] Tools() =>
                [
                    AIFunctionFactory.Create(SearchRag),
                    AIFunctionFactory.{|#0:Create|}(CreateFolder),
                    AIFunctionFactory.{|#1:Create|}(SaveNote),
                ];
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("CreateFolder", "write or delete files", "CreateFolder -> Directory.CreateDirectory"),
            Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("SaveNote", "write or delete files", "SaveNote -> File.WriteAllText"));

    // dotnet/eShop's chatbot: AddToCart hands a CatalogItem (a type of another project, missing when a scan compiles the project alone)
    // to IBasketState.AddAsync, whose implementation sends the basket on; the call does not bind, the method it names still runs.
    [Fact]
    public Task A_call_that_does_not_bind_for_an_argument_of_a_missing_type_is_followed_into_the_method_it_names()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using eShop.WebAppComponents.Catalog;

                interface IBasketState { Task AddAsync(CatalogItem item); Task<int> CountAsync(CatalogItem item); }

                class BasketState(HttpClient http) : IBasketState
                {
                    public async Task AddAsync(CatalogItem item) => await http.PostAsync("/api/basket", new StringContent("{}"));
                    public Task<int> CountAsync(CatalogItem item) => Task.FromResult(1);
                }

                class ChatState(IBasketState basketState, eShop.WebAppComponents.Services.ICatalogService catalog)
                {
                    [Description("Adds a product to the user's shopping cart.")]
                    private async Task<string> AddToCart(int itemId)
                    {
                        var item = await catalog.GetCatalogItem(itemId);
                        await basketState.AddAsync(item!);
                        return "Item added to shopping cart.";
                    }

                    [Description("Counts a product in the user's shopping cart.")]
                    private async Task<string> CountInCart(int itemId) => (await basketState.CountAsync(await catalog.GetCatalogItem(itemId))).ToString();

                    public AIFunction[] Tools() => [AIFunctionFactory.{|#0:Create|}(AddToCart), AIFunctionFactory.Create(CountInCart)];
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("AddToCart", "write over HTTP", "AddToCart -> BasketState.AddAsync -> HttpClient.PostAsync"));
        return test.RunAsync();
    }

    // rwjdk's Trello tools: TrelloDotNet is not among the packages a scan has, so trelloClient's type is missing and its calls do
    // not bind. The client's writes (AddCardAsync, MoveCardToListAsync) are HTTP writes to Trello; its reads are not.
    [Fact]
    public Task A_missing_third_party_clients_write_verbs_are_side_effects_and_its_reads_are_not()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using System.Collections.Generic;
                using TrelloDotNet;
                using TrelloDotNet.Model;

                public class TrelloTools(TrelloClient trelloClient)
                {
                    public async Task<List<Board>> GetBoards() => await trelloClient.GetBoardsCurrentTokenCanAccessAsync();

                    public async Task<string> SearchCards(string text) => (await trelloClient.SendQueryAsync(text)).ToString();

                    public async Task<Card> AddNewCard(AddCardOptions addCardOptions) => await trelloClient.AddCardAsync(addCardOptions);

                    public async Task<Card> MoveCard(string cardId, string newListId)
                    {
                        return await trelloClient.MoveCardToListAsync(cardId, newListId);
                    }
                }

                class Agent
                {
                    public AIFunction[] Tools(TrelloTools trelloTools) =>
                    [
                        AIFunctionFactory.{|#0:Create|}(trelloTools.AddNewCard),
                        AIFunctionFactory.Create(trelloTools.GetBoards),
                        AIFunctionFactory.Create(trelloTools.SearchCards),
                        AIFunctionFactory.{|#1:Create|}(trelloTools.MoveCard),
                    ];
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("AddNewCard", "write over HTTP", "AddNewCard -> trelloClient.AddCardAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("MoveCard", "write over HTTP", "MoveCard -> trelloClient.MoveCardToListAsync"));
        return test.RunAsync();
    }

    // A declarative HTTP client (Refit, RestEase): the interface's verb attribute is the request. The method names say nothing
    // (OpenAsync, ApproveAsync); [Post]/[Put]/[Patch]/[Delete] write, [Get] reads. Here Refit is referenced but the file misses its
    // using (a global using the compilation does not have): the attributes do not bind and are judged by the verb they are spelled with.
    private const string TicketsClient = """
        public interface ITicketsApi
        {
            [Post("/tickets")]
            Task<string> OpenAsync([Body] string title);

            [Get("/tickets/{id}")]
            Task<string> FetchAsync(string id);
        }

        class TicketTools(ITicketsApi api)
        {
            [Description("Open a support ticket")]
            public Task<string> OpenTicket(string title) => api.OpenAsync(title);

            [Description("Look up a support ticket")]
            public Task<string> LookUpTicket(string id) => api.FetchAsync(id);

            public AIFunction[] Tools() =>
            [
                AIFunctionFactory.{|#0:Create|}(OpenTicket),
                AIFunctionFactory.Create(LookUpTicket),
            ];
        }
        """;

    [Fact]
    public Task A_declarative_http_clients_write_verb_attribute_is_an_http_write_and_its_get_is_not()
    {
        var test = new Verify.Test { TestCode = Usings + TicketsClient, CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.AdditionalReferences.Add(DeclarativeClientLibrary("Refit"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("OpenTicket", "write over HTTP", "OpenTicket -> ITicketsApi.OpenAsync"));
        return test.RunAsync();
    }

    // The twin: the same unbound [Post] in a compilation that references neither Refit nor RestEase is someone else's attribute
    // (a scan adds Refit's stub only to projects that reference the package), so no request is known.
    [Fact]
    public Task An_unbound_verb_attribute_without_refit_or_restease_referenced_is_no_http_write()
    {
        var test = new Verify.Test { TestCode = Usings + TicketsClient.Replace("{|#0:Create|}", "Create"), CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.AdditionalReferences.Add(DeclarativeClientLibrary("Contoso.Http"));
        return test.RunAsync();
    }

    /// <summary>A library of that name declaring nothing the test source binds to: only its name is referenced.</summary>
    private static MetadataReference DeclarativeClientLibrary(string name)
    {
        var library = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            name,
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace " + name + " { public static class RestService { } }")],
            Verifiers.TestReferences.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    // The same with the library's attributes bound (a real build): Refit's DeleteAttribute is a write, its GetAttribute is not, and a
    // class method carrying an attribute of that name (no declarative client implements a class) is not a request.
    [Fact]
    public Task A_bound_refit_delete_is_an_http_write_and_a_class_method_with_the_same_attribute_is_not()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                namespace Refit
                {
                    [AttributeUsage(AttributeTargets.Method)] public sealed class DeleteAttribute(string path) : Attribute { public string Path { get; } = path; }
                    [AttributeUsage(AttributeTargets.Method)] public sealed class GetAttribute(string path) : Attribute { public string Path { get; } = path; }
                }

                public interface IBookingsApi
                {
                    [Refit.Delete("/bookings/{id}")]
                    Task ReleaseAsync(string id);

                    [Refit.Get("/bookings/{id}")]
                    Task<string> ShowAsync(string id);
                }

                public class LocalBookings
                {
                    [Refit.Delete("/bookings/{id}")]
                    public virtual Task ReleaseAsync(string id) => Task.CompletedTask;
                }

                class BookingTools(IBookingsApi api, LocalBookings local)
                {
                    [Description("Release a booking")]
                    public async Task<string> ReleaseBooking(string id) { await api.ReleaseAsync(id); return "released"; }

                    [Description("Show a booking")]
                    public Task<string> ShowBooking(string id) => api.ShowAsync(id);

                    [Description("Release a draft booking")]
                    public async Task<string> ReleaseDraft(string id) { await local.ReleaseAsync(id); return "released"; }

                    public AIFunction[] Tools() =>
                    [
                        AIFunctionFactory.{|#0:Create|}(ReleaseBooking),
                        AIFunctionFactory.Create(ShowBooking),
                        AIFunctionFactory.Create(ReleaseDraft),
                    ];
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("ReleaseBooking", "write over HTTP", "ReleaseBooking -> IBookingsApi.ReleaseAsync"));
        return test.RunAsync();
    }

    // A missing Kiota-generated API client (another project's, or a package the scan does not have): the request builder chain
    // starts from the client; its HTTP writes are the Kiota verbs.
    // A missing model or agent client (Foundry's PersistentAgentsClient) creating a message asks a model, and a container made
    // sure of before use is a client's setup: neither is a side effect of the tool.
    [Fact]
    public Task A_missing_clients_request_chain_is_judged_from_the_client_it_starts_at()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using Contoso.Calendar.Client;
                using Azure.AI.Agents.Persistent;
                using Azure.Storage.Queues;

                class CalendarTools(CalendarApiClient graph, PersistentAgentsClient agents, QueueClient queue)
                {
                    [Description("Cancel an appointment")]
                    public async Task<string> CancelAppointment(string id)
                    {
                        await graph.Me.Events[id].DeleteAsync();
                        return "cancelled";
                    }

                    [Description("List appointments")]
                    public async Task<string> ListAppointments() => (await graph.Me.Events.GetAsync())!.ToString()!;

                    [Description("Ask the research agent")]
                    public async Task<string> AskResearcher(string threadId, string question)
                    {
                        await agents.Messages.CreateMessageAsync(threadId, MessageRole.User, question);
                        return "asked";
                    }

                    [Description("Queue a reminder")]
                    public async Task<string> QueueReminder(string text)
                    {
                        await queue.CreateIfNotExistsAsync();
                        return "ok";
                    }

                    public AIFunction[] Tools() =>
                    [
                        AIFunctionFactory.{|#0:Create|}(CancelAppointment),
                        AIFunctionFactory.Create(ListAppointments),
                        AIFunctionFactory.Create(AskResearcher),
                        AIFunctionFactory.Create(QueueReminder),
                    ];
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("CancelAppointment", "write over HTTP", "CancelAppointment -> graph.Me.Events[id].DeleteAsync"));
        return test.RunAsync();
    }

    // Data access through a provider package the compilation does not have (Microsoft.Data.SqlClient, Npgsql) or through a
    // DbContext of another project (a clean-architecture solution's Infrastructure): the writes are known by name, the reads are not writes.
    [Fact]
    public Task Data_access_of_missing_types_writes_by_ExecuteNonQuery_and_SaveChanges_and_not_by_reads()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using Microsoft.Data.SqlClient;
                using Contoso.Infrastructure;

                class OrderTools(SqlConnection connection, ContosoDbContext db)
                {
                    [Description("Cancel an order")]
                    public async Task<string> CancelOrder(int id)
                    {
                        using var command = new SqlCommand("UPDATE Orders SET Status = 'Cancelled' WHERE Id = @id", connection);
                        command.Parameters.AddWithValue("@id", id);
                        await command.ExecuteNonQueryAsync();
                        return "cancelled";
                    }

                    [Description("Count orders")]
                    public async Task<string> CountOrders()
                    {
                        using var command = new SqlCommand("SELECT COUNT(*) FROM Orders", connection);
                        return (await command.ExecuteScalarAsync())!.ToString()!;
                    }

                    [Description("Rename a customer")]
                    public async Task<string> RenameCustomer(int id, string name)
                    {
                        var customer = await db.Customers.FindAsync(id);
                        customer!.Name = name;
                        await db.SaveChangesAsync();
                        return "renamed";
                    }

                    public AIFunction[] Tools() =>
                    [
                        AIFunctionFactory.{|#0:Create|}(CancelOrder),
                        AIFunctionFactory.Create(CountOrders),
                        AIFunctionFactory.{|#1:Create|}(RenameCustomer),
                    ];
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("CancelOrder", "write to a database", "CancelOrder -> command.ExecuteNonQueryAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("RenameCustomer", "write to a database", "RenameCustomer -> db.SaveChangesAsync"));
        return test.RunAsync();
    }

    // The same client resolved (a build that restored its package): its awaitable write verbs are side effects, its reads and a
    // synchronous builder are not, and a client of the project itself is judged by its body, not its names.
    [Fact]
    public Task A_referenced_third_party_clients_awaitable_write_verbs_are_side_effects()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using Contoso.Tickets;

                class LocalClient { public Task<string> CreateNoteAsync(string text) => Task.FromResult(text); }

                class TicketTools(TicketsClient tickets, LocalClient notes)
                {
                    [Description("Open a ticket")]
                    public async Task<string> OpenTicket(string title) => (await tickets.CreateTicketAsync(title)).Id;

                    [Description("Read a ticket")]
                    public async Task<string> ReadTicket(string id) => (await tickets.GetTicketAsync(id)).Id;

                    [Description("Prepare a sender")]
                    public string PrepareSender() => tickets.CreateSender().ToString()!;

                    [Description("Take a note")]
                    public Task<string> TakeNote(string text) => notes.CreateNoteAsync(text);

                    public AIFunction[] Tools() =>
                    [
                        AIFunctionFactory.{|#0:Create|}(OpenTicket),
                        AIFunctionFactory.Create(ReadTicket),
                        AIFunctionFactory.Create(PrepareSender),
                        AIFunctionFactory.Create(TakeNote),
                    ];
                }
                """,
        };
        var library = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Contoso.Tickets",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                namespace Contoso.Tickets;
                public sealed class Ticket { public string Id { get; set; } = ""; }
                public sealed class TicketSender { }
                public class TicketsClient
                {
                    public System.Threading.Tasks.Task<Ticket> CreateTicketAsync(string title) => System.Threading.Tasks.Task.FromResult(new Ticket());
                    public System.Threading.Tasks.Task<Ticket> GetTicketAsync(string id) => System.Threading.Tasks.Task.FromResult(new Ticket());
                    public TicketSender CreateSender() => new();
                }
                """)],
            Verifiers.TestReferences.All,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("OpenTicket", "write over HTTP", "OpenTicket -> TicketsClient.CreateTicketAsync"));
        return test.RunAsync();
    }

    // semantic-kernel Demos/BookingRestaurant BookingsPlugin.BookTableAsync: the tool prints what it is about to do, reads the console
    // and books only when the person types 'yes'. A person asked before the tool acts guards it (DESIGN.md); its twin that
    // only prints what it does is not guarded.
    [Fact]
    public Task A_tool_that_asks_a_person_at_the_console_before_it_acts_is_guarded()
        => Verify.VerifyAsync(Usings + """
            class BookingTools
            {
                [Description("Cancels a reservation")]
                public string CancelReservation(string id)
                {
                    Console.WriteLine($"System > Do you want to cancel reservation {id}? Please confirm by typing 'yes' or 'no'.");
                    var response = Console.ReadLine()?.Trim();
                    if (string.Equals(response, "yes", StringComparison.OrdinalIgnoreCase))
                    {
                        File.Delete($"reservations/{id}.json");
                        return "cancelled";
                    }

                    return "kept";
                }

                [Description("Cancels a reservation without asking")]
                public string CancelReservationNow(string id)
                {
                    Console.WriteLine($"System > Cancelling reservation {id}");
                    File.Delete($"reservations/{id}.json");
                    return "cancelled";
                }

                public AIFunction[] Tools() => [AIFunctionFactory.Create(CancelReservation), AIFunctionFactory.{|#0:Create|}(CancelReservationNow)];
            }
            """,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("CancelReservationNow", "write or delete files", "CancelReservationNow -> File.Delete"));
}
