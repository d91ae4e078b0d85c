using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using AlignmentPolicy.Analyzers.Analysis.Calls;
using AlignmentPolicy.Analyzers.Analysis.Gates;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using AlignmentPolicy.Analyzers.Analysis.Pipelines;
using AlignmentPolicy.Analyzers.Analysis.SideEffects;
using AlignmentPolicy.Analyzers.Analysis.Sources;
using AlignmentPolicy.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>
/// What the rules share for one compilation, created once in RegisterCompilationStartAction and null when
/// the compilation is no agent project (every rule then returns at once). It only wires the parts:
/// <list type="bullet">
/// <item><see cref="Symbols"/> and <see cref="Policy"/>: the compilation's known SDK types and the policy.</item>
/// <item><see cref="Classifier"/>: what a called method is (one classifier, by IMethodSymbol).</item>
/// <item><see cref="CallGraph"/>: method bodies, call targets, and the one bounded interprocedural walk.</item>
/// <item><see cref="Gates"/>: everything that decides whether something gates.</item>
/// <item><see cref="Origins"/>: where a client, agent or kernel is built, and whether that is gated.</item>
/// <item><see cref="Pipelines"/>: compilation-wide facts (DI registrations, kernels, pipelines, plugins), judged per pipeline.</item>
/// <item><see cref="SideEffects"/>: the catalogue and the search for side effects behind a tool.</item>
/// </list>
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer",
    Justification = "Gating is decided where a client is built, which is often another file (DI registration, a field set in a constructor); only the few nodes found by a name-first filter are bound.")]
internal sealed class AgentContext
{
    // One context per compilation, shared by every rule: the compilation-wide facts and caches are built once.
    private static readonly ConditionalWeakTable<Compilation, Holder> s_contexts = new();

    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Lazy<SideEffectSearch> _sideEffects;

    private AgentContext(Compilation compilation, KnownSymbols symbols, PolicyOptions policy, System.Collections.Immutable.ImmutableArray<AdditionalText> additionalFiles)
    {
        Compilation = compilation;
        AdditionalFiles = additionalFiles;
        Sources = new SourceIndex(compilation);
        SpelledNames = new SpelledNames();
        Symbols = symbols;
        Policy = policy;
        Classifier = new InvocationClassifier(symbols);
        CallGraph = new CallGraph(this);
        Gates = new GateModel(this);
        Origins = new OriginTracer(this, forModelCalls: false);
        ModelCallOrigins = new OriginTracer(this, forModelCalls: true);
        DirectModelCallOrigins = new OriginTracer(this, forModelCalls: true, throughKernel: false);
        Pipelines = new PipelineIndex(this);
        PromptFunctions = new PromptFunctions(this);
        _sideEffects = new Lazy<SideEffectSearch>(() => new SideEffectSearch(CallGraph, new SideEffectCatalogue(this), policy.MaxCallDepth), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Compilation Compilation { get; }

    /// <summary>The compilation's additional files (the policy's manifest, OpenAPI specs the build hands over), read only on demand.</summary>
    public System.Collections.Immutable.ImmutableArray<AdditionalText> AdditionalFiles { get; }

    public KnownSymbols Symbols { get; }

    public PolicyOptions Policy { get; }

    public InvocationClassifier Classifier { get; }

    public CallGraph CallGraph { get; }

    public GateModel Gates { get; }

    /// <summary>Origins judged for the tools a pipeline invokes (ALN0002, ALN0005).</summary>
    public OriginTracer Origins { get; }

    /// <summary>Origins judged for the requests sent to the model (ALN0001): tool-only middleware does not count.</summary>
    public OriginTracer ModelCallOrigins { get; }

    /// <summary>Origins judged for requests sent straight to a kernel's chat service (ALN0001): no kernel filter or kernel gate counts.</summary>
    public OriginTracer DirectModelCallOrigins { get; }

    public PipelineIndex Pipelines { get; }

    public PromptFunctions PromptFunctions { get; }

    public SideEffectSearch SideEffects => _sideEffects.Value;

    /// <summary>The context, or null when the compilation is not an agent project.</summary>
#pragma warning disable RS1012 // A factory: the calling rule registers its actions on the same start context.
    public static AgentContext? TryCreate(CompilationStartAnalysisContext context)
#pragma warning restore RS1012
    {
        var options = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var additionalFiles = context.Options.AdditionalFiles;
        var holder = s_contexts.GetValue(context.Compilation, compilation =>
        {
            var policy = PolicyOptions.Read(options);
            if (policy.IsConfigured && !policy.IsAgentProject)
            {
                return new Holder(null);
            }

            var symbols = KnownSymbols.Create(compilation);
            return new Holder(symbols.ReferencesModelSdk ? new AgentContext(compilation, symbols, policy, additionalFiles) : null);
        });
        return holder.Context;
    }

    /// <summary>Name-first lookups over the compilation's source text and syntax (no binding).</summary>
    public SourceIndex Sources { get; }

    /// <summary>Name-first dispatch: whether an operation block spells one of a rule's names (no binding).</summary>
    public SpelledNames SpelledNames { get; }

    /// <summary>One semantic model per tree, so what one rule bound is not bound again by the next.</summary>
    public SemanticModel ModelFor(SyntaxTree tree) => _models.GetOrAdd(tree, t =>
    {
        WorkCounters.Count(ref WorkCounters.SemanticModels);
        return Compilation.GetSemanticModel(t);
    });

    /// <summary>The operation of a node found by a name-first lookup (binds the member around it, once per member).</summary>
    public IOperation? OperationOf(SyntaxNode node, CancellationToken cancellationToken = default)
    {
        WorkCounters.CountBind();
        return ModelFor(node.SyntaxTree).GetOperation(node, cancellationToken);
    }

    private sealed class Holder
    {
        public Holder(AgentContext? context) => Context = context;

        public AgentContext? Context { get; }
    }
}
