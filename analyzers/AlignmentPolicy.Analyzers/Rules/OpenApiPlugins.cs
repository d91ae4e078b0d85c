using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using AlignmentPolicy.Analyzers.Analysis.SideEffects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0002 for Semantic Kernel OpenAPI plugins: <c>kernel.ImportPluginFromOpenApiAsync(name, spec, executionParameters)</c>
/// adds one kernel function per operation of the spec, and each sends an HTTP request the model chose. The spec is
/// not source this analysis can read (a file, a URL or a stream), so its operations may write (POST, PUT, PATCH,
/// DELETE) unless the code shows otherwise: an <c>OperationSelectionPredicate</c> that admits only GET (or HEAD)
/// operations, or a transport that sends nothing (an <c>HttpClient</c> over a handler of this compilation whose
/// <c>SendAsync</c> answers without forwarding the request). Guarded when the kernel is gated, as a plugin of
/// <c>[KernelFunction]</c> methods is.
/// </summary>
internal static class OpenApiPlugins
{
    /// <summary>
    /// Before any symbol work: the spelling of the imports and of the creations (<c>OpenApiKernelPluginFactory.CreateFromOpenApiAsync</c>,
    /// <c>kernel.CreatePluginFromOpenApiAsync</c>: a plugin made as a value, judged where it is added to a kernel).
    /// </summary>
    public static bool IsImportName(string name) => name is "ImportPluginFromOpenApiAsync" or "ImportPluginFromOpenApi" || IsCreationName(name);

    private static bool IsCreationName(string name) => name is "CreateFromOpenApiAsync" or "CreateFromOpenApi" or "CreatePluginFromOpenApiAsync" or "CreatePluginFromOpenApi";

    /// <summary>The side effect of an ungated import of an OpenAPI plugin whose operations may write, else null.</summary>
    public static SideEffectPath? UngatedWrite(IInvocationOperation invocation, AgentContext agent)
    {
        var method = invocation.TargetMethod;
        if (!IsImportName(method.Name) || method.ContainingType is not { Name: "OpenApiKernelExtensions" or "OpenApiKernelPluginFactory" })
        {
            return null;
        }

        IReadOnlyList<IOperation?> kernels;
        if (IsCreationName(method.Name))
        {
            // var plugin = await OpenApiKernelPluginFactory.CreateFromOpenApiAsync(...); kernel.Plugins.Add(plugin): the kernels it is added to
            // (the one plugin-registration model, PipelineIndex.PluginHosts); a plugin that goes nowhere followed here is not judged.
            kernels = agent.Pipelines.PluginHosts(invocation).ToList();
        }
        else if (Operations.Receiver(invocation) is { Type: { } kernelType } kernel && KnownSymbols.IsOrDerivesFrom(kernelType, agent.Symbols.Kernel))
        {
            kernels = new[] { kernel };
        }
        else
        {
            return null;
        }

        var parameters = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "executionParameters" && a.ArgumentKind == ArgumentKind.Explicit)?.Value;
        var specOrdinal = method.IsExtensionMethod ? 2 : 1;
        var spec = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == specOrdinal && a.ArgumentKind == ArgumentKind.Explicit)?.Value;
        return Judge(method.Name, kernels, spec, parameters, agent);
    }

    /// <summary>
    /// An import that does not bind only because an argument's type is missing here (<c>ImportPluginFromOpenApiAsync("RepairService",
    /// EmbeddedResource.ReadStream("repair-service.json")!)</c>, a helper of a project the scan does not compile): judged the same way.
    /// </summary>
    public static SideEffectPath? UngatedWrite(IInvalidOperation invalid, AgentContext agent)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Expression: var receiverSyntax } } syntax
            || !IsImportName(name) || Operations.CandidateMethod(invalid) is not { ContainingType.Name: "OpenApiKernelExtensions" })
        {
            return null;
        }

        var kernel = invalid.ChildOperations.FirstOrDefault(c => c.Syntax == receiverSyntax);
        if (kernel?.Type is not { } kernelType || !KnownSymbols.IsOrDerivesFrom(kernelType, agent.Symbols.Kernel) || IsCreationName(name))
        {
            return null;
        }

        var arguments = syntax.ArgumentList.Arguments;
        var given = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "executionParameters")
            ?? (arguments.Count > 2 && arguments[2].NameColon is null ? arguments[2] : null);
        var parameters = given is null ? null : invalid.ChildOperations.FirstOrDefault(c => c.Syntax == given.Expression);
        if (given is not null && ExecutionParameters(parameters) is null)
        {
            return null; // execution parameters that do not bind here either: their filter and transport cannot be read
        }

        var specSyntax = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText is "filePath" or "stream" or "uri" or "specification")
            ?? (arguments.Count > 1 && arguments[1].NameColon is null ? arguments[1] : null);
        // `stream!`: the suppression has no operation of its own, so the child is the one inside the argument's expression.
        var spec = specSyntax is null ? null : invalid.ChildOperations.FirstOrDefault(c => specSyntax.Expression.Span.Contains(c.Syntax.Span));
        return Judge(name, new[] { kernel }, spec, parameters, agent);
    }

    /// <summary>An import into <paramref name="kernels"/> (null: the container's kernel): reported when its operations may write and some kernel is not gated.</summary>
    private static SideEffectPath? Judge(string import, IReadOnlyList<IOperation?> kernels, IOperation? spec, IOperation? executionParameters, AgentContext agent)
    {
        if (ExecutionParameters(executionParameters) is { } parameters && (AdmitsOnlyReads(parameters) || SendsNothing(parameters, agent)))
        {
            return null;
        }

        // A kernel made with no services has no model to choose its functions: the code invokes them.
        var chosen = kernels.Where(k => k is null || !HasNoServices(k)).ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        // The spec, when the build hands it over: the operations the import admits, and whether any of them writes.
        string? writes = null;
        if (SpecName(spec) is { } specName && OpenApiSpecs.Find(agent.AdditionalFiles, specName) is { } operations)
        {
            var admitted = Admitted(ExecutionParameters(executionParameters));
            var written = operations.Where(o => o.Writes && admitted(o)).Select(o => o.Method.ToUpperInvariant() + (o.Id is null ? "" : " " + o.Id)).Distinct().ToList();
            if (written.Count == 0)
            {
                return null; // every operation the import admits reads
            }

            writes = specName + ": " + string.Join(", ", written);
        }

        if (chosen.All(k => (k is null ? agent.Pipelines.DiKernel : agent.Origins.Trace(k)).State == GateState.Gated))
        {
            return null;
        }

        return new SideEffectPath(Vocabulary.SideEffectVocabulary.Http, ImmutableArray.Create(import, writes ?? "the spec's operations (HTTP requests: POST, PUT, PATCH and DELETE write)"));
    }

    /// <summary>
    /// The name the spec is read by: a constant path or resource name in the spec argument, or in the value of the local
    /// it is passed through (<c>var stream = EmbeddedResource.ReadStream("repair-service.json"); ...ImportPluginFromOpenApiAsync("RepairService", stream!)</c>).
    /// </summary>
    private static string? SpecName(IOperation? spec)
    {
        if (spec is null)
        {
            return null;
        }

        var value = Operations.Unwrap(spec);
        if (value is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
        {
            value = initial;
        }

        foreach (var literal in value.Syntax.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>())
        {
            if (literal.Token.Value is string text && OpenApiSpecs.IsSpecName(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>
    /// Which operations the <c>OperationSelectionPredicate</c> admits, when it is a list of operation ids written here:
    /// <c>context =&gt; include.Contains(context.Id!)</c> or <c>context =&gt; !exclude.Contains(context.Id!)</c>. Any other
    /// predicate (or none) is taken to admit every operation.
    /// </summary>
    private static Func<OpenApiOperation, bool> Admitted(IObjectCreationOperation? parameters)
    {
        static Func<OpenApiOperation, bool> All() => static _ => true;
        if (parameters is null)
        {
            return All();
        }

        foreach (var assignment in Assignments(parameters, "OperationSelectionPredicate"))
        {
            if (Operations.Unwrap(assignment.Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                || lambda.Body.Operations.Length != 1 || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: { } returned })
            {
                return All();
            }

            var condition = Operations.Unwrap(returned);
            var negated = false;
            if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                negated = true;
                condition = Operations.Unwrap(not.Operand);
            }

            if (condition is not IInvocationOperation { TargetMethod.Name: "Contains" } contains || ListOfIds(contains) is not { } ids)
            {
                return All();
            }

            return negated ? o => o.Id is null || !ids.Contains(o.Id) : o => o.Id is not null && ids.Contains(o.Id);
        }

        return All();
    }

    /// <summary><c>list.Contains(context.Id!)</c> over a local declared with constant strings: those strings.</summary>
    private static HashSet<string>? ListOfIds(IInvocationOperation contains)
    {
        var receiver = Operations.Receiver(contains);
        var argument = contains.Arguments.LastOrDefault()?.Value;
        if (receiver is null || argument is null || Operations.Unwrap(argument) is not IPropertyReferenceOperation { Property.Name: "Id" })
        {
            return null;
        }

        var list = Operations.Unwrap(receiver);
        if (list is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
        {
            list = Operations.Unwrap(initial);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in Operations.Elements(list))
        {
            if (Operations.Unwrap(element).ConstantValue is not { HasValue: true, Value: string id })
            {
                return null;
            }

            ids.Add(id);
        }

        return ids.Count > 0 ? ids : null;
    }

    /// <summary>
    /// <c>Kernel kernel = new();</c>, or a kernel built from <c>Kernel.CreateBuilder()</c> given nothing but services that are no model
    /// (<c>kernelBuilder.Services.AddSingleton&lt;ILoggerFactory&gt;(...)</c>): a kernel with no model service has no model to choose its
    /// functions; they run only when the code invokes them (<c>kernel.InvokeAsync(plugin["productsUsingGET"], arguments)</c>).
    /// </summary>
    internal static bool HasNoServices(IOperation kernel)
    {
        var value = Operations.Unwrap(kernel);
        if (value is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
        {
            value = Operations.Unwrap(initial);
        }

        if (value is IInvocationOperation { TargetMethod.Name: "Build" } build && Operations.Receiver(build) is { } receiver
            && Operations.Unwrap(receiver) is ILocalReferenceOperation builder)
        {
            return IsBuilderWithoutModel(builder);
        }

        return value is IObjectCreationOperation { Initializer: null } creation && creation.Arguments.All(a => a.ArgumentKind == ArgumentKind.DefaultValue);
    }

    /// <summary>
    /// <c>var kernelBuilder = Kernel.CreateBuilder();</c> whose every use in the body is <c>Build()</c>, its <c>Plugins</c>, or a registration on its
    /// <c>Services</c> of a type that is no model service (a logger factory, an HTTP handler); anything else (a connector's
    /// <c>AddXxxChatCompletion</c>, a helper handed the builder) may add a model.
    /// </summary>
    internal static bool IsBuilderWithoutModel(ILocalReferenceOperation builder)
    {
        if (Operations.InitialValue(builder) is not { } initial || Operations.Unwrap(initial) is not IInvocationOperation { TargetMethod.Name: "CreateBuilder", Arguments.Length: 0 })
        {
            return false;
        }

        foreach (var reference in Operations.Root(builder).Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, builder.Local) || reference.Parent is IVariableDeclaratorOperation)
            {
                continue;
            }

            var use = reference.Parent is IArgumentOperation { Parent: IInvocationOperation extension } ? extension : reference.Parent;
            if (use is IInvocationOperation { TargetMethod.Name: "Build" })
            {
                continue;
            }

            // builder.Plugins.AddFromType<T>(): a plugin is no model.
            if (use is IPropertyReferenceOperation { Property.Name: "Plugins" })
            {
                continue;
            }

            // kernelBuilder.Services.AddSingleton<T>(...): an extension method, the Services value its first argument.
            var registration = use is IPropertyReferenceOperation { Property.Name: "Services" } services
                ? services.Parent as IInvocationOperation ?? (services.Parent as IArgumentOperation)?.Parent as IInvocationOperation
                : null;
            if (registration is null && use is IPropertyReferenceOperation { Property.Name: "Services", Parent: IInvalidOperation { Syntax: InvocationExpressionSyntax unbound } }
                && unbound.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "AddSingleton" or "AddScoped" or "AddTransient" } generic }
                && generic.TypeArgumentList.Arguments.All(t => Analysis.Sources.SourceIndex.RightmostName(t) is { } typeName && !typeName.Contains("Chat") && !typeName.Contains("TextGeneration")))
            {
                continue; // kernelBuilder.Services.AddSingleton<ILoggerFactory>(this.LoggerFactory) whose argument does not bind here (a base class out of the scan)
            }

            if (registration is not null
                && registration.TargetMethod is { Name: "AddSingleton" or "AddScoped" or "AddTransient" or "AddLogging" } method
                && method.TypeArguments.All(t => t.Name is not ("IChatCompletionService" or "IChatClient" or "ITextGenerationService") && !t.Name.Contains("Chat"))
                && registration.Arguments.All(a => a.Value.Type?.Name.Contains("Chat") != true))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>The <c>new OpenApiFunctionExecutionParameters(...) { ... }</c> given, directly or through a local.</summary>
    private static IObjectCreationOperation? ExecutionParameters(IOperation? given)
    {
        if (given is null)
        {
            return null;
        }

        var value = Operations.Unwrap(given);
        if (value is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
        {
            value = Operations.Unwrap(initial);
        }

        return value as IObjectCreationOperation;
    }

    /// <summary>
    /// <c>OperationSelectionPredicate = context =&gt; context.Method == "Get"</c> (alone or and-ed with other conditions):
    /// only read operations become functions.
    /// </summary>
    private static bool AdmitsOnlyReads(IObjectCreationOperation parameters)
    {
        foreach (var assignment in Assignments(parameters, "OperationSelectionPredicate"))
        {
            if (Operations.Unwrap(assignment.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                && lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned })
            {
                return RequiresReadMethod(Operations.Unwrap(returned));
            }
        }

        return false;
    }

    private static bool RequiresReadMethod(IOperation condition) => condition switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and => RequiresReadMethod(Operations.Unwrap(and.LeftOperand)) || RequiresReadMethod(Operations.Unwrap(and.RightOperand)),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals => IsMethodAndRead(equals.LeftOperand, equals.RightOperand) || IsMethodAndRead(equals.RightOperand, equals.LeftOperand),
        _ => false,
    };

    private static bool IsMethodAndRead(IOperation method, IOperation literal)
        => Operations.Unwrap(method) is IPropertyReferenceOperation { Property.Name: "Method" }
            && Operations.Unwrap(literal).ConstantValue is { HasValue: true, Value: string verb }
            && (verb.Equals("GET", StringComparison.OrdinalIgnoreCase) || verb.Equals("HEAD", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The <c>HttpClient</c> the operations are sent through (constructor argument or <c>HttpClient = ...</c>) is, wherever
    /// it is made, <c>new HttpClient(new StubHandler(...))</c> over a handler of this compilation that never forwards the request.
    /// </summary>
    private static bool SendsNothing(IObjectCreationOperation parameters, AgentContext agent)
    {
        var client = parameters.Arguments.FirstOrDefault(a => a.Parameter?.Name == "httpClient" && a.ArgumentKind == ArgumentKind.Explicit)?.Value
            ?? Assignments(parameters, "HttpClient").Select(a => a.Value).FirstOrDefault();
        if (client is null)
        {
            return false;
        }

        var values = ValuesOf(Operations.Unwrap(client), agent);
        return values.Count > 0 && values.All(v => IsStubTransport(v, agent));
    }

    private static IReadOnlyList<IOperation> ValuesOf(IOperation value, AgentContext agent) => value switch
    {
        ILocalReferenceOperation local => Operations.InitialValue(local) is { } initial ? new[] { Operations.Unwrap(initial) } : Array.Empty<IOperation>(),
        IFieldReferenceOperation field => agent.Origins.MemberValues(field.Field).Select(Operations.Unwrap).ToList(),
        IPropertyReferenceOperation property => agent.Origins.MemberValues(property.Property).Select(Operations.Unwrap).ToList(),
        _ => new[] { value },
    };

    private static bool IsStubTransport(IOperation client, AgentContext agent)
    {
        if (client is not IObjectCreationOperation { Type.Name: "HttpClient" } creation || creation.Arguments.Length == 0)
        {
            return false;
        }

        var handler = ValuesOf(Operations.Unwrap(creation.Arguments[0].Value), agent);
        return handler.Count > 0 && handler.All(h => h is IObjectCreationOperation { Type: INamedTypeSymbol type } && AnswersWithoutForwarding(type));
    }

    /// <summary>A handler declared here whose <c>SendAsync</c>/<c>Send</c> never calls another handler or client (no <c>base.SendAsync</c>, no send).</summary>
    private static bool AnswersWithoutForwarding(INamedTypeSymbol handler)
    {
        if (handler.DeclaringSyntaxReferences.IsEmpty || !DerivesFrom(handler, "HttpMessageHandler"))
        {
            return false;
        }

        var sends = handler.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsOverride && m.Name is "SendAsync" or "Send").ToList();
        return sends.Count > 0 && sends.All(send => send.DeclaringSyntaxReferences.All(reference =>
            !reference.GetSyntax().DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
                call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SendAsync" or "Send" or "GetAsync" or "PostAsync" or "PutAsync" or "DeleteAsync" or "PatchAsync" })));
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string name)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == name && current.ContainingNamespace?.ToString() == "System.Net.Http")
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<ISimpleAssignmentOperation> Assignments(IObjectCreationOperation creation, string property)
        => creation.Initializer is null
            ? Enumerable.Empty<ISimpleAssignmentOperation>()
            : creation.Initializer.Initializers.OfType<ISimpleAssignmentOperation>().Where(a => a.Target is IPropertyReferenceOperation p && p.Property.Name == property);
}
