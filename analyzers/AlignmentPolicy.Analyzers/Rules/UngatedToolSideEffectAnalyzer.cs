using System;
using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using AlignmentPolicy.Analyzers.Analysis.SideEffects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0002: an agent tool whose body reaches a side effect, directly or through the compilation's own
/// methods, while no gate guards the tool.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UngatedToolSideEffectAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// The names a call this rule judges where it is seen is spelled with: the tool factories (<see cref="InvocationKind.ToolFactory"/>:
    /// <c>AIFunctionFactory.Create</c>, <c>KernelFunctionFactory.CreateFromMethod</c>) and the OpenAPI imports (<see cref="OpenApiPlugins.IsImportName"/>).
    /// </summary>
    internal static readonly string[] DispatchNames =
    {
        "Create", "CreateFromMethod", "ImportPluginFromOpenApiAsync", "ImportPluginFromOpenApi",
        "CreateFromOpenApiAsync", "CreateFromOpenApi", "CreatePluginFromOpenApiAsync", "CreatePluginFromOpenApi", "GetTools", "CreateTools",
        "CreateFunctionTool", HandDispatchedTools.DefinitionTypeName,
        "AddFromType", "AddFromObject", "ImportPluginFromType", "ImportPluginFromObject", "CreatePluginFromType", "CreatePluginFromObject", "CreateFromType", "CreateFromObject",
    };

    /// <summary>
    /// The names a call or creation that does not bind is judged by (<see cref="AnalyzeUnboundImport"/>: a toolkit's <c>GetTools</c>/<c>CreateTools</c>,
    /// <c>new FunctionToolDefinition(...)</c>, an OpenAPI import), each read from the operation's own syntax: only a block that spells one
    /// of them is handed its invalid operations (a scanned project missing a package has many, most in blocks spelling <c>Create</c>).
    /// </summary>
    internal static readonly string[] UnboundNames =
    {
        "ImportPluginFromOpenApiAsync", "ImportPluginFromOpenApi", "CreateFromOpenApiAsync", "CreateFromOpenApi", "CreatePluginFromOpenApiAsync", "CreatePluginFromOpenApi",
        "GetTools", "CreateTools", HandDispatchedTools.DefinitionTypeName,
        "ImportPluginFromObject", "AddFromObject", // RegisteredPluginTypes.UnboundWrite: an object of a missing plugin type
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UngatedToolSideEffect);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var agent = AgentContext.TryCreate(start);
            if (agent is null)
            {
                return;
            }

            // A tool factory (AIFunctionFactory.Create, CreateFromMethod, an OpenAPI import) is judged where it is seen.
            // Not from a SymbolStartAction on its type (judged at the type's end): one symbol-start action in any analyzer
            // makes the driver track, for every analyzer and every declared symbol of the compilation, whether the symbol's
            // containing types are complete (locks, generated-code checks), which cost the build several times what all
            // our callbacks cost (bench/analyzers/csc-cpu.sh, Analysis/README.md, round 7).
            // Name first: only a block that spells a tool factory's or an OpenAPI import's name is handed to this rule, operation
            // by operation.
            agent.SpelledNames.Declare(DispatchNames);
            agent.SpelledNames.Declare(UnboundNames);
            var attributedTools = agent.Symbols.KernelFunctionAttribute is not null || agent.Symbols.McpServerToolAttribute is not null || agent.Symbols.AgentToolAttribute is not null
                || agent.Symbols.FunctionsMcpToolTrigger is not null;

            // The operation actions, made once per compilation and registered for each block that spells the names (a lambda written
            // inside the block-start action would be a new delegate per block).
            Action<OperationAnalysisContext> onInvocation = c =>
            {
                WorkCounters.Count(ref WorkCounters.ToolRuleCallbacks);
                using var running = WorkCounters.Run(WorkCounters.Callback.ToolInvocation);
                var invocation = (IInvocationOperation)c.Operation;
                if (IsFactoryCandidate(invocation, agent))
                {
                    AnalyzeFactoryTool(invocation, c.ReportDiagnostic, agent);
                }
            };
            Action<OperationAnalysisContext> onCreation = c =>
            {
                WorkCounters.Count(ref WorkCounters.ToolRuleCallbacks);
                if (c.Operation is IObjectCreationOperation { Type.Name: HandDispatchedTools.DefinitionTypeName })
                {
                    using var running = WorkCounters.Run(WorkCounters.Callback.ToolCreation);
                    AnalyzeHandDispatchedTool(c.Operation, c.ReportDiagnostic, agent);
                }
            };
            Action<OperationAnalysisContext> onInvalid = c =>
            {
                WorkCounters.Count(ref WorkCounters.ToolRuleCallbacks);
                using var running = WorkCounters.Run(WorkCounters.Callback.ToolInvalid);
                AnalyzeUnboundImport(c, agent);
            };
            start.RegisterOperationBlockStartAction(block =>
            {
                WorkCounters.Count(ref WorkCounters.ToolRuleCallbacks);

                // An attributed tool method is judged once the driver has bound its body, at the end of its block: asked here, from
                // the one block-start call, not from an operation block action of its own (a second call per block of the
                // compilation), and only for a method written with attributes (most are not). A partial method is one tool, judged
                // by its implementation (the part with the body), whichever part carries the attribute. A method without a body
                // (abstract, an interface's, a partial definition never implemented) has no block and no calls: no side effect to
                // find, so no symbol action looks at every method of the compilation for it.
                if (attributedTools && block.OwningSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && HasAttributeSyntax(method)
                    && IsBodyBlock(block.OperationBlocks))
                {
                    var tool = method.PartialImplementationPart ?? method;
                    block.RegisterOperationBlockEndAction(c =>
                    {
                        WorkCounters.Count(ref WorkCounters.ToolRuleCallbacks);
                        using var running = WorkCounters.Run(WorkCounters.Callback.ToolBlockEnd);
                        AnalyzeAttributedTool(tool, c.ReportDiagnostic, agent);
                    });
                }

                if (!agent.SpelledNames.AnySpells(block.OperationBlocks, DispatchNames))
                {
                    return;
                }

                block.RegisterOperationAction(onInvocation, OperationKind.Invocation);
                block.RegisterOperationAction(onCreation, OperationKind.ObjectCreation);
                if (agent.SpelledNames.AnySpells(block.OperationBlocks, UnboundNames))
                {
                    block.RegisterOperationAction(onInvalid, OperationKind.Invalid);
                }
            });
        });
    }

    /// <summary>
    /// Whether a method's blocks are its body (not only the default values of a bodiless declaration's parameters, which are
    /// blocks too): the declaration they are written in has a block or expression body.
    /// </summary>
    private static bool IsBodyBlock(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } declaration && (declaration.Body is not null || declaration.ExpressionBody is not null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Name first: an OpenAPI import or a call named like a tool factory (the rest is judged by <see cref="AnalyzeFactoryTool"/>).</summary>
    private static bool IsFactoryCandidate(IInvocationOperation invocation, AgentContext agent)
        => OpenApiPlugins.IsImportName(invocation.TargetMethod.Name) || ToolsFromType.IsFactoryName(invocation.TargetMethod.Name) || HandDispatchedTools.IsDeclarationName(invocation.TargetMethod.Name)
            || RegisteredPluginTypes.IsRegistrationName(invocation.TargetMethod.Name)
            || agent.Classifier.Classify(invocation.TargetMethod) == InvocationKind.ToolFactory;

    /// <summary>AIFunctionFactory.Create(...) and KernelFunctionFactory.CreateFromMethod(...) with a method group, lambda or local function.</summary>
    private static void AnalyzeFactoryTool(IInvocationOperation invocation, Action<Diagnostic> report, AgentContext agent)
    {
        if (OpenApiPlugins.IsImportName(invocation.TargetMethod.Name))
        {
            // kernel.ImportPluginFromOpenApiAsync(...): every operation of the spec becomes a tool (OpenApiPlugins.cs).
            Report(report, agent, Locations.NameOf(invocation), PluginName(invocation), OpenApiPlugins.UngatedWrite(invocation, agent));
            return;
        }

        if (ToolsFromType.IsFactoryName(invocation.TargetMethod.Name))
        {
            AnalyzeToolsFromType(invocation, report, agent);
            return;
        }

        if (HandDispatchedTools.IsDeclarationName(invocation.TargetMethod.Name))
        {
            AnalyzeHandDispatchedTool(invocation, report, agent);
            return;
        }

        if (RegisteredPluginTypes.IsRegistrationName(invocation.TargetMethod.Name))
        {
            // kernel.Plugins.AddFromType<FileIOPlugin>(): a plugin type with no body here, judged where it is registered.
            if (RegisteredPluginTypes.UngatedWrite(invocation, agent) is { } found)
            {
                Report(report, agent, Locations.NameOf(invocation), found.Plugin.Name, found.Path);
            }

            return;
        }

        if (agent.Classifier.Classify(invocation.TargetMethod) != InvocationKind.ToolFactory)
        {
            return;
        }

        var target = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.TypeKind == TypeKind.Delegate || a.Parameter?.Type.SpecialType == SpecialType.System_Delegate)?.Value;
        var reflected = target is null ? ReflectedMethod(invocation, agent) ?? ReflectedOnTarget(invocation, agent) : null;
        if (reflected is null && (target is null || Operations.Unwrap(target) is not IDelegateCreationOperation))
        {
            return;
        }

        if (IsWrappedInGate(invocation, agent))
        {
            return;
        }

        SideEffectPath? path;
        string name;
        bool? pipelineGated = null;
        var toolTarget = reflected is not null ? null : ((IDelegateCreationOperation)Operations.Unwrap(target!)).Target;
        switch (toolTarget)
        {
            case null when reflected is not null:
            case IMethodReferenceOperation:
                // Side effects first: most tools reach none, and then no gate check needs looking for. Except when the search would
                // bind the tool's body (and its callees') while the pipeline the tool is handed to is seen in this method (written
                // around it, or built or called here; not the compilation-wide fallback): a tool on a gated pipeline is no finding
                // whatever it reaches, so that question goes first. Both must hold for a finding, so the order changes no result.
                var method = reflected ?? ((IMethodReferenceOperation)toolTarget!).Method;
                name = method.Name;
                if (agent.SideEffects.WouldBind(method))
                {
                    pipelineGated = PipelineGatedWithin(invocation, agent);
                    if (pipelineGated == true)
                    {
                        return;
                    }
                }

                path = agent.SideEffects.FromTool(method); // another assembly's method (a referenced project's tool type): what its metadata declares
                if (path is not null && (agent.Gates.Checks.From(method) is not null || AsksAPerson(method, agent)))
                {
                    return;
                }

                break;
            case IAnonymousFunctionOperation lambda:
                name = "lambda";
                path = agent.SideEffects.FromBody(name, lambda.Body);
                if (path is not null && (agent.Gates.Checks.FromBody(name, lambda.Body) is not null || HumanApproval.Asks(lambda.Body, agent)))
                {
                    return;
                }

                break;
            default:
                return;
        }

        if (path is null || IsRegisteredOnGatedPipeline(invocation, agent, pipelineGated))
        {
            return;
        }

        Report(report, agent, Locations.NameOf(invocation), name, path);
    }

    /// <summary><c>aiToolsFactory.GetTools(typeof(FileSystemTools))</c>: a tool per method of the type (<see cref="ToolsFromType"/>).</summary>
    private static void AnalyzeToolsFromType(IOperation call, Action<Diagnostic> report, AgentContext agent)
    {
        if (ToolsFromType.FirstSideEffect(call, agent) is not { } found || IsWrappedInGate(call, agent) || IsRegisteredOnGatedPipeline(call, agent))
        {
            return;
        }

        Report(report, agent, Locations.NameOf(call), found.Method.Name, found.Path);
    }

    /// <summary><c>ChatTool.CreateFunctionTool("create_file", ...)</c>: the code that runs when the model calls that name (<see cref="HandDispatchedTools"/>).</summary>
    private static void AnalyzeHandDispatchedTool(IOperation declaration, Action<Diagnostic> report, AgentContext agent)
    {
        if (HandDispatchedTools.UngatedSideEffect(declaration, agent) is not { } found || IsRegisteredOnGatedPipeline(declaration, agent))
        {
            return;
        }

        Report(report, agent, Locations.NameOf(declaration), found.Name, found.Path);
    }

    private static string PluginName(IInvocationOperation import)
        => import.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pluginName")?.Value.ConstantValue is { HasValue: true, Value: string name } ? name : import.TargetMethod.Name;

    /// <summary>An OpenAPI import that does not bind here (an argument's type is missing): judged as when it binds.</summary>
    private static void AnalyzeUnboundImport(OperationAnalysisContext context, AgentContext agent)
    {
        var invalid = (IInvalidOperation)context.Operation;
        if (invalid.Syntax is InvocationExpressionSyntax call
            && Analysis.Sources.SourceIndex.SimpleName(call) is { } called && ToolsFromType.IsFactoryName(called))
        {
            AnalyzeToolsFromType(invalid, context.ReportDiagnostic, agent); // a toolkit's GetTools(typeof(T)) of a package the scan does not have
            return;
        }

        if (invalid.Syntax is ObjectCreationExpressionSyntax { Type: var created }
            && Analysis.Sources.SourceIndex.RightmostName(created) == HandDispatchedTools.DefinitionTypeName)
        {
            AnalyzeHandDispatchedTool(invalid, context.ReportDiagnostic, agent); // new FunctionToolDefinition(...) of a package the scan does not have
            return;
        }

        if (RegisteredPluginTypes.UngatedUnboundWrite(invalid, agent) is { } registered)
        {
            // kernel.ImportPluginFromObject(memoryPlugin): the object's type is missing, so the call does not bind.
            Report(context.ReportDiagnostic, agent, Locations.NameOf(invalid), registered.Plugin.Name, registered.Path);
            return;
        }

        if (invalid.Syntax is InvocationExpressionSyntax { ArgumentList.Arguments: var arguments } && OpenApiPlugins.UngatedWrite(invalid, agent) is { } path)
        {
            var name = arguments.Count > 0 && arguments[0].Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : "OpenAPI plugin";
            Report(context.ReportDiagnostic, agent, Locations.NameOf(invalid), name, path);
        }
    }

    /// <summary>
    /// <c>AIFunctionFactory.Create(typeof(Ops).GetMethod(nameof(Ops.Purge))!, target: null)</c>: the method
    /// a MethodInfo names, when the name is a nameof() or a constant and the type a typeof().
    /// </summary>
    private static IMethodSymbol? ReflectedMethod(IInvocationOperation factory, AgentContext agent)
    {
        foreach (var argument in factory.Arguments)
        {
            if (Operations.Unwrap(argument.Value) is not IInvocationOperation { TargetMethod.Name: "GetMethod" } getMethod
                || !SymbolEqualityComparer.Default.Equals(getMethod.TargetMethod.ContainingType, agent.Symbols.SystemType)
                || getMethod.Arguments.Length == 0)
            {
                continue;
            }

            var nameArgument = Operations.Unwrap(getMethod.Arguments[0].Value);
            if (nameArgument is INameOfOperation { Argument: { } named } && named.SemanticModel is { } model)
            {
                var info = model.GetSymbolInfo(named.Syntax);
                if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol method)
                {
                    return method;
                }
            }

            if (nameArgument.ConstantValue is { HasValue: true, Value: string methodName }
                && getMethod.Instance is ITypeOfOperation { TypeOperand: INamedTypeSymbol owner })
            {
                return owner.GetMembers(methodName).OfType<IMethodSymbol>().FirstOrDefault();
            }
        }

        return null;
    }

    /// <summary>
    /// <c>methods.Select(m =&gt; AIFunctionFactory.Create(m, target))</c> over <c>typeof(FileSystemTools).GetMethods(...)</c>: a MethodInfo
    /// this analysis cannot name, bound to a target of a type declared here, makes a tool of any of that type's public methods.
    /// The first of them that reaches a side effect stands for the tool (none: the tools reach none).
    /// </summary>
    private static IMethodSymbol? ReflectedOnTarget(IInvocationOperation factory, AgentContext agent)
    {
        var methodInfo = factory.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0 && a.Parameter.Type.Name == "MethodInfo");
        var target = factory.Arguments.FirstOrDefault(a => a.Parameter?.Name == "target" && a.ArgumentKind == ArgumentKind.Explicit);
        if (methodInfo is null || target is null || Operations.Unwrap(target.Value).Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } type
            || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        IMethodSymbol? first = null;
        foreach (var member in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (member is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false })
            {
                first ??= member;
                if (agent.SideEffects.From(member) is not null)
                {
                    return member;
                }
            }
        }

        return first;
    }

    /// <summary>[KernelFunction] plugin methods (not process steps), [McpServerTool] and [AgentTool] methods, Azure Functions MCP tools ([McpToolTrigger]).</summary>
    private static void AnalyzeAttributedTool(IMethodSymbol method, Action<Diagnostic> report, AgentContext agent)
    {
        if (method.MethodKind != MethodKind.Ordinary || !HasAttributeSyntax(method))
        {
            return;
        }

        var symbols = agent.Symbols;
        Func<bool> guarded;
        var functionsTool = false;
        if (KnownSymbols.HasAttribute(method, symbols.KernelFunctionAttribute))
        {
            if (KnownSymbols.IsOrDerivesFrom(method.ContainingType, symbols.KernelProcessStep) || DerivesFromUnresolvedProcessStep(method.ContainingType))
            {
                return; // a process step is invoked by the process, not chosen by the model
            }

            guarded = () => agent.Pipelines.IsPluginGuarded(method.ContainingType);
        }
        else if (KnownSymbols.HasAttribute(method, symbols.McpServerToolAttribute))
        {
            guarded = static () => false; // the calling model is outside this process: only a check in the tool guards it
        }
        else if (KnownSymbols.HasAttribute(method, symbols.AgentToolAttribute))
        {
            guarded = () => agent.Pipelines.AllPipelinesGated;
        }
        else if (FunctionsMcpTools.IsTool(method))
        {
            // An Azure Functions MCP tool ([McpToolTrigger] on a parameter): as an [McpServerTool], the calling model is outside this process.
            guarded = static () => false;
            functionsTool = true;
        }
        else
        {
            return;
        }

        // Side effects first: most tools reach none, and then neither gate checks nor the kernels the plugin is
        // registered on (compilation-wide facts) need looking for.
        var path = agent.SideEffects.From(method) ?? (functionsTool ? agent.SideEffects.FromOutputBindings(method) : null);
        if (path is null || agent.Gates.Checks.From(method) is not null || AsksAPerson(method, agent) || guarded())
        {
            return;
        }

        if (method.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
        {
            Report(report, agent, location, method.Name, path);
        }
    }

    /// <summary>
    /// A tool that asks a person at the console before it acts (<c>Console.ReadLine()</c> read and branched on: <c>if (response is "yes")</c>,
    /// in its body or a method it calls) is guarded, as DESIGN.md says and as a hand-dispatched tool is (<see cref="HumanApproval"/>).
    /// Asked only of a tool that reaches a side effect.
    /// </summary>
    internal static bool AsksAPerson(IMethodSymbol method, AgentContext agent) => HumanApproval.Asks(method, agent);

    /// <summary>
    /// Scanned without the Process package, <c>KernelProcessStep</c> is an unresolved base type: only its name
    /// is left to say the class is a process step (invoked by the process, not chosen by the model).
    /// </summary>
    private static bool DerivesFromUnresolvedProcessStep(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is IErrorTypeSymbol { Name: "KernelProcessStep" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Before any symbol work: a method written without attributes is no attributed tool (most methods). A partial method's
    /// attributes may be written on either part (both count, as the compiler merges them).
    /// </summary>
    private static bool HasAttributeSyntax(IMethodSymbol method)
        => HasAttributeSyntaxOnPart(method)
            || method.PartialImplementationPart is { } implementation && HasAttributeSyntaxOnPart(implementation)
            || method.PartialDefinitionPart is { } definition && HasAttributeSyntaxOnPart(definition);

    private static bool HasAttributeSyntaxOnPart(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is MethodDeclarationSyntax { AttributeLists.Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(System.Action<Diagnostic> report, AgentContext agent, Location location, string tool, SideEffectPath? path)
    {
        if (path is null)
        {
            return;
        }

        var level = agent.Policy.SeverityFor(path.Category);
        if (level == "none")
        {
            return;
        }

        var severity = level is null ? Descriptors.UngatedToolSideEffect.DefaultSeverity : Severity.From(level);
        var properties = ImmutableDictionary<string, string?>.Empty.Add("Category", path.Category);
        report(Diagnostic.Create(Descriptors.UngatedToolSideEffect, location, severity, null, properties, tool, Verb(path.Category), path.ChainText));
    }

    private static string Verb(string category) => Vocabulary.SideEffectVocabulary.Describe(category);

    /// <summary><c>AIFunctionFactory.Create(...).WithPolicyGate()</c>, <c>new ApprovalRequiredAIFunction(AIFunctionFactory.Create(...))</c>.</summary>
    private static bool IsWrappedInGate(IOperation created, AgentContext agent)
    {
        var current = created;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IArgumentOperation:
                    current = parent;
                    continue;
                case IInvocationOperation or IObjectCreationOperation:
                    return agent.Gates.IsSelfGatedTool(parent);
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The pipeline a tool is handed to: the agent whose <c>tools:</c> it is in, or the model call whose
    /// options it is in, when it is written there; else the pipelines and agents the same method builds or
    /// calls (guarded when there are some and all are gated); where none is visible (tools built in a
    /// helper), guarded when every pipeline of the compilation is gated.
    /// </summary>
    private static bool IsRegisteredOnGatedPipeline(IOperation created, AgentContext agent, bool? within = null)
        => (within ?? PipelineGatedWithin(created, agent)) ?? agent.Pipelines.AllPipelinesGatedFrom(Operations.Root(created).Syntax.SyntaxTree);

    /// <summary>
    /// <see cref="IsRegisteredOnGatedPipeline"/> as far as the tool's own method says: the pipeline written around the tool, else the
    /// pipelines and agents the method builds or calls; null when it has none (then the compilation's pipelines decide).
    /// </summary>
    private static bool? PipelineGatedWithin(IOperation created, AgentContext agent)
    {
        for (var current = created.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IInvocationOperation invocation when agent.Classifier.Classify(invocation.TargetMethod) == InvocationKind.AgentCreation:
                    return agent.Pipelines.IsAgentGated(invocation);
                case IObjectCreationOperation creation when creation.Type is { } type && KnownSymbols.IsOrDerivesFrom(type, agent.Symbols.ChatClientAgent):
                    return agent.Pipelines.IsAgentGated(creation);
                case IInvocationOperation invocation when ModelCall.TryCreate(invocation, agent) is { } call:
                    return agent.Origins.Trace(call.Client).State == GateState.Gated;
                case IBlockOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                    current = null;
                    break;
            }

            if (current is null)
            {
                break;
            }
        }

        var root = Operations.Root(created);
        return agent.Pipelines.MethodPipelinesGated(root, () => MethodPipelinesGated(root, agent));
    }

    /// <summary>The pipelines a method builds or calls: true when there are some and all are gated, false when one is not, null when there are none.</summary>
    private static bool? MethodPipelinesGated(IOperation root, AgentContext agent)
    {
        var seen = false;
        foreach (var descendant in root.Descendants())
        {
            if (descendant is IInvocationOperation invocation)
            {
                var kind = agent.Classifier.Classify(invocation.TargetMethod);
                if (kind is InvocationKind.ModelCall or InvocationKind.KernelInvoke && ModelCall.TryCreate(invocation, agent) is { } call)
                {
                    seen = true;
                    if (agent.Origins.Trace(call.Client).State != GateState.Gated)
                    {
                        return false;
                    }
                }
                else if (kind is InvocationKind.FunctionInvocation or InvocationKind.AgentCreation)
                {
                    seen = true;
                    if (!agent.Pipelines.IsPipelineGated(invocation))
                    {
                        return false;
                    }
                }
            }
            else if (descendant is IObjectCreationOperation creation && creation.Type is { } type && KnownSymbols.IsOrDerivesFrom(type, agent.Symbols.ChatClientAgent))
            {
                seen = true;
                if (!agent.Pipelines.IsAgentGated(creation))
                {
                    return false;
                }
            }
        }

        return seen ? true : null;
    }
}
