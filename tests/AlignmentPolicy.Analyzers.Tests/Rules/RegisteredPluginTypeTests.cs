using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0002 for a plugin type whose code is not in the compilation, registered on a kernel: Semantic Kernel's packaged plugins
/// (<c>FileIOPlugin.WriteAsync</c>, <c>HttpPlugin.PostAsync</c>, ...) and another project's plugin type. The model may call their kernel
/// functions, but there is no body to walk, so the registration is judged by what is known of the type and reported where it is made.
/// Shapes from russell-mason/ai-examples <c>MicrosoftSemanticKernel.Examples/Plugins/MicrosoftCore/FileIOPluginUsageExample.cs</c> and
/// <c>HttpPluginUsageExample.cs</c> (a kernel with a chat model, <c>kernel.Plugins.AddFromType&lt;FileIOPlugin&gt;()</c>, <c>FunctionChoiceBehavior.Auto()</c>).
/// </summary>
public class RegisteredPluginTypeTests
{
    private const string Usings = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Plugins.Core;

        """;

    // The packaged plugins' shape (Microsoft.SemanticKernel.Plugins.Core 1.x), compiled as a referenced assembly: their bodies are metadata.
    private const string PluginsCore = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.SemanticKernel;

        namespace Microsoft.SemanticKernel.Plugins.Core
        {
            public sealed class FileIOPlugin
            {
                [KernelFunction] public Task<string> ReadAsync(string path) => Task.FromResult("");
                [KernelFunction] public Task WriteAsync(string path, string content) => Task.CompletedTask;
            }

            public sealed class HttpPlugin
            {
                public HttpPlugin() { }
                public HttpPlugin(HttpClient client) { }
                [KernelFunction] public Task<string> GetAsync(string uri) => Task.FromResult("");
                [KernelFunction] public Task<string> PostAsync(string uri, string body) => Task.FromResult("");
            }

            public sealed class TimePlugin
            {
                [KernelFunction] public string Today() => "";
            }
        }
        """;

    [Fact]
    public async Task A_packaged_plugin_that_writes_is_a_tool_that_writes_where_an_ungated_kernel_registers_it()
    {
        var test = new Verify.Test();
        test.TestState.AdditionalReferences.Add(Compile(PluginsCore, "Microsoft.SemanticKernel.Plugins.Core"));
        test.TestState.Sources.Add(Usings + """
            static class Examples
            {
                public static Kernel Files()
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.Plugins.{|#0:AddFromType<FileIOPlugin>|}();
                    return kernel;
                }

                public static Kernel Http(HttpClient client)
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.{|#1:ImportPluginFromObject|}(new HttpPlugin(client));
                    return kernel;
                }

                public static Kernel Time()
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.Plugins.AddFromType<TimePlugin>();
                    return kernel;
                }

                public static Kernel GatedFiles()
                {
                    var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key");
                    builder.AddPolicyGate();
                    var kernel = builder.Build();
                    kernel.Plugins.AddFromType<FileIOPlugin>();
                    return kernel;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("FileIOPlugin", "write or delete files", "FileIOPlugin.WriteAsync"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("HttpPlugin", "write over HTTP", "HttpPlugin.PostAsync"));
        await test.RunAsync();
    }

    // Shape of semantic-kernel dotnet/samples/Concepts/Kernel/BuildingKernel.cs (BuildKernelWithPlugins): a builder given only plugins.
    [Fact]
    public async Task A_packaged_plugin_on_a_kernel_given_no_model_is_no_tool_and_is_one_once_the_builder_gets_a_model()
    {
        var test = new Verify.Test();
        test.TestState.AdditionalReferences.Add(Compile(PluginsCore, "Microsoft.SemanticKernel.Plugins.Core"));
        test.TestState.Sources.Add(Usings + """
            static class Examples
            {
                public static Kernel OnlyPlugins()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Plugins.AddFromType<HttpPlugin>();
                    return builder.Build();
                }

                public static Kernel Empty()
                {
                    Kernel kernel = new();
                    kernel.ImportPluginFromObject(new FileIOPlugin());
                    return kernel;
                }

                public static Kernel WithModel()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.AddOpenAIChatCompletion("gpt-4o", "key");
                    builder.Plugins.{|#0:AddFromType<HttpPlugin>|}();
                    return builder.Build();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("HttpPlugin", "write over HTTP", "HttpPlugin.PostAsync"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_type_named_as_a_packaged_plugin_in_another_namespace_is_not_that_plugin()
    {
        var test = new Verify.Test();
        test.TestState.AdditionalReferences.Add(Compile(PluginsCore.Replace("Microsoft.SemanticKernel.Plugins.Core", "Contoso.Plugins"), "Contoso.Plugins"));
        test.TestState.Sources.Add("""
            using Microsoft.SemanticKernel;
            using Contoso.Plugins;

            static class Examples
            {
                public static Kernel Files()
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.Plugins.AddFromType<FileIOPlugin>();
                    return kernel;
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_packaged_plugin_the_scan_has_no_package_for_is_known_by_its_name()
    {
        // A scan compiles sources alone: Microsoft.SemanticKernel.Plugins.Core is missing, FileIOPlugin does not resolve.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            static class Examples
            {
                public static Kernel Files()
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.Plugins.{|#0:AddFromType<FileIOPlugin>|}();
                    return kernel;
                }

                public static Kernel Read()
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.Plugins.AddFromType<ConversationSummaryPlugin>();
                    return kernel;
                }

                public static Kernel GatedHttp()
                {
                    var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key");
                    builder.Plugins.AddFromType<HttpPlugin>();
                    builder.AddPolicyGate();
                    return builder.Build();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("FileIOPlugin", "write or delete files", "FileIOPlugin.WriteAsync"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Kernel_Memorys_plugin_is_known_by_its_name_only_in_a_file_that_imports_its_package()
    {
        // Kernel Memory's plugin stores and deletes documents (SaveAsync, DeleteAsync); the package is missing in a scan, so the type is
        // known by its name, which many projects give a plugin of their own: only a file that imports Microsoft.KernelMemory means it.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using Microsoft.KernelMemory;
            using Microsoft.SemanticKernel;

            static class Documents
            {
                public static Kernel Build(IKernelMemory memory)
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    var memoryPlugin = new MemoryPlugin(memory, waitForIngestionToComplete: true);
                    kernel.{|#0:ImportPluginFromObject|}(memoryPlugin, "memory");
                    return kernel;
                }
            }
            """);
        test.TestState.Sources.Add("""
            using Contoso.Notes;
            using Microsoft.SemanticKernel;

            static class Notes
            {
                public static Kernel Build(NoteStore store)
                {
                    // Another project's MemoryPlugin (Contoso.Notes, not in this compilation): not Kernel Memory's, nothing known of it.
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.ImportPluginFromObject(new MemoryPlugin(store), "notes");
                    return kernel;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("MemoryPlugin", "change the agent's memory", "MemoryPlugin.SaveAsync"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Another_projects_plugin_type_is_judged_by_the_side_effect_its_functions_declare()
    {
        var test = new Verify.Test();
        test.TestState.AdditionalReferences.Add(Compile("""
            using AlignmentPolicy.Gates;
            using Microsoft.SemanticKernel;

            namespace Contoso.Plugins
            {
                public sealed class TicketPlugin
                {
                    [KernelFunction] public string Find(string id) => id;
                    [KernelFunction, SideEffect(SideEffectCategories.Database)] public string Close(string id) => id;
                }

                public sealed class LookupPlugin
                {
                    [KernelFunction] public string Find(string id) => id;
                }
            }
            """, "Contoso.Plugins"));
        test.TestState.Sources.Add("""
            using Microsoft.SemanticKernel;
            using Contoso.Plugins;

            static class Examples
            {
                public static Kernel Tickets()
                {
                    var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key");
                    builder.Plugins.{|#0:AddFromType<TicketPlugin>|}();
                    builder.Plugins.AddFromType<LookupPlugin>();
                    return builder.Build();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("TicketPlugin", "write to a database", "TicketPlugin.Close"));
        await test.RunAsync();
    }

    private static MetadataReference Compile(string source, string assemblyName)
    {
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)], Verifiers.TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
