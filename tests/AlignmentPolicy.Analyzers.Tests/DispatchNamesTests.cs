using System.Reflection;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Sources;
using AlignmentPolicy.Analyzers.Rules;

namespace AlignmentPolicy.Analyzers.Tests;

/// <summary>
/// ALN0001, ALN0002 and ALN0005 are handed a block's operations only when the block spells one of their names
/// (name-first dispatch). A name the classifier learns must be given to the rule that acts on it, or the rule never
/// sees the call: the hand-kept lists are tested against the classifier's.
/// </summary>
public class DispatchNamesTests
{
    // Names the classifier knows that no rule's operation callback starts from: the analysis finds these calls through
    // the source index (gates, middleware, registrations, plugin and prompt sources, service lookups, MCP tool lists).
    private static readonly string[] s_notDispatched =
    {
        "UsePolicyGate", "AddPolicyGate", "WithPolicyGate", "EvaluateAsync", "RequestApprovalAsync", "Use",
        "CreateFunctionFromPrompt", "CreateFromPrompt", "CreateFunctionFromPromptYaml", "CreateFromPromptYaml", "FromPromptYaml",
        "CreatePluginFromPromptDirectory", "ImportPluginFromPromptDirectory", "AddFromPromptDirectory", "CreateFromPromptDirectory",
        "CreatePluginFromPromptDirectoryYaml", "ImportPluginFromPromptDirectoryYaml", "AddFromPromptDirectoryYaml",
        "AddFromFunctions", "ImportPluginFromFunctions", "CreatePluginFromFunctions", "CreateFromFunctions",
        "AddChatClient", "AddKeyedChatClient", "AddKernel",
        "AddSingleton", "AddScoped", "AddTransient", "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient",
        "TryAddSingleton", "TryAddScoped", "TryAddTransient", "TryAddEnumerable", "Add",
        "GetService", "GetRequiredService", "GetKeyedService", "GetRequiredKeyedService", "ListToolsAsync",
    };

    [Fact]
    public void Every_name_the_classifier_knows_is_dispatched_to_a_rule_or_known_not_to_start_one()
    {
        var known = (HashSet<string>)typeof(InvocationClassifier).GetField("s_names", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var dispatched = UngatedModelCallAnalyzer.DispatchNames.Concat(UngatedToolSideEffectAnalyzer.DispatchNames).Concat(UngatedAutoInvocationAnalyzer.DispatchNames).ToHashSet();

        Assert.Equal(Array.Empty<string>(), known.Where(n => !dispatched.Contains(n) && !s_notDispatched.Contains(n)).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(Array.Empty<string>(), s_notDispatched.Where(n => !known.Contains(n) || dispatched.Contains(n)));
    }

    [Fact]
    public void ALN0002_hands_over_invalid_operations_in_the_blocks_spelling_a_name_its_unbound_judge_reads()
    {
        // AnalyzeUnboundImport judges an operation that does not bind only by a name in its own syntax: an OpenAPI import, a toolkit's
        // GetTools/CreateTools, new FunctionToolDefinition(...), a plugin registered by an object of a missing type. Those names, and no
        // other, gate its invalid-operation action.
        var read = UngatedToolSideEffectAnalyzer.DispatchNames
            .Where(n => OpenApiPlugins.IsImportName(n) || ToolsFromType.IsFactoryName(n) || n == HandDispatchedTools.DefinitionTypeName
                || RegisteredPluginTypes.IsUnboundRegistrationName(n));
        Assert.Equal(read.OrderBy(n => n, StringComparer.Ordinal), UngatedToolSideEffectAnalyzer.UnboundNames.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void ALN0001_hands_over_invalid_operations_in_the_blocks_spelling_a_name_its_unbound_judge_reads()
    {
        // ModelCall.UnboundClient judges a call that does not bind only when it is spelled with one of UnboundCallNames (it returns at
        // once for any other name). ALN0001 hands over a block's invalid operations when the block spells one of its UnboundNames, and
        // only within blocks spelling a dispatch name: each must be both.
        Assert.Equal(ModelCall.UnboundCallNames.OrderBy(n => n, StringComparer.Ordinal), UngatedModelCallAnalyzer.UnboundNames);
        Assert.Equal(Array.Empty<string>(), UngatedModelCallAnalyzer.UnboundNames.Except(UngatedModelCallAnalyzer.DispatchNames));
    }

    [Fact]
    public void ALN0005_hands_over_invalid_operations_in_the_blocks_spelling_a_name_its_unbound_judge_reads()
    {
        // AnalyzeUnbound judges an agent factory's call by its name (UnboundAgentCreation.Names), UseFunctionInvocation and
        // AutoInvokeKernelFunctions by theirs, and a creation by its type, which a target-typed new(...) does not spell: `new` stands for it;
        // an MCP client's CallToolAsync of a version the scan does not have by its name (McpToolDispatch).
        var read = UnboundAgentCreation.Names.Concat(new[] { "UseFunctionInvocation", "AutoInvokeKernelFunctions", "new", McpToolDispatch.Name });
        Assert.Equal(read.OrderBy(n => n, StringComparer.Ordinal), UngatedAutoInvocationAnalyzer.UnboundNames.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("var r = await client.GetResponseAsync(messages);", "GetResponseAsync", true)]
    [InlineData("var r = await client.@GetResponseAsync(messages);", "GetResponseAsync", true)]
    [InlineData("var r = await client.GetResponseAsyncOld(messages);", "GetResponseAsync", false)]
    [InlineData("var f = AIFunctionFactory.CreateBuilder();", "Create", false)]
    [InlineData("var f = AIFunctionFactory.Create(Lookup);", "Create", true)]
    [InlineData("var f = MyCreate(Lookup);", "Create", false)]
    public void A_name_counts_only_as_a_whole_word(string text, string name, bool spelled)
        => Assert.Equal(spelled, SpelledNames.Spells(text, 0, text.Length, name));

    [Fact]
    public void A_name_outside_the_span_does_not_count()
    {
        const string text = "Create(); x = 1; y = Create();";
        Assert.False(SpelledNames.Spells(text, 9, 16, "Create"));
        Assert.True(SpelledNames.Spells(text, 9, text.Length, "Create"));
    }

    [Theory]
    [InlineData("var f = AIFunctionFactory.Create(Lookup); var r = await client.GetResponseAsync(m); // Create")]
    [InlineData("MyCreate(x); Create_(y); _Create(z); @Create(w); CreateX; Create")]
    [InlineData("Create(); x = 1; y = Create();\nRunAsyncRunAsync RunAsync2 é RunAsync")]
    [InlineData("")]
    public void The_tree_index_finds_a_name_in_every_span_where_a_search_of_the_span_does(string text)
    {
        // The dispatch reads each tree once per rule and asks, per block, whether a found word lies in the block's span: it
        // must agree with a search of that span for each name, for every span (a word cut by the span's start or end is none).
        string[] names = { "Create", "RunAsync", "GetResponseAsync" };
        var words = SpelledNames.WholeWords(text, names);
        for (var start = 0; start <= text.Length; start++)
        {
            for (var end = start; end <= text.Length; end++)
            {
                Assert.Equal(names.Any(n => SpelledNames.Spells(text, start, end, n)), SpelledNames.AnyWithin(words, start, end));
            }
        }
    }

    [Theory]
    [InlineData("var f = AIFunctionFactory.Create(Lookup); var r = await client.GetResponseAsync(m); // Create")]
    [InlineData("kernel.InvokeAsync(f); x.Auto(); Create(); ToolCallBehavior.AutoInvokeKernelFunctions; CreateFromMethod")]
    [InlineData("MyInvokeAsync(); InvokeAsync_; Auto2 Required")]
    [InlineData("")]
    public void One_pass_over_a_tree_gives_each_declared_list_the_words_its_own_pass_finds(string text)
    {
        // The rules' lists are read from a tree's text in one pass: a name in several lists (InvokeAsync, Create) must count for
        // each, and every list must get exactly the words a pass for it alone finds.
        var lists = new List<IReadOnlyList<string>>
        {
            new[] { "Create", "InvokeAsync", "GetResponseAsync" },
            new[] { "Auto", "Required", "InvokeAsync" },
            new[] { "AutoInvokeKernelFunctions" },
            new[] { "Create", "CreateFromMethod" },
        };
        var together = SpelledNames.WholeWords(text, lists);
        Assert.Equal(lists.Count, together.Length);
        for (var i = 0; i < lists.Count; i++)
        {
            Assert.Equal(SpelledNames.WholeWords(text, lists[i]), together[i]);
        }
    }
}
