using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Pipelines;

/// <summary>
/// Whether the compilation makes a plugin of a given name from prompts: a prompt directory
/// (<c>ImportPluginFromPromptDirectory(Path.Combine(folder, "FunPlugin"))</c>, named by its pluginName or the
/// directory's last segment) or prompt functions (<c>CreateFromFunctions("MyPlugin", [promptFunction])</c>).
/// Asked name by name (<c>kernel.InvokeAsync("FunPlugin", "Joke")</c>): a registration is bound only when its
/// arguments, read as syntax, can spell that name (a literal that is or ends with it, or an expression that may be a
/// constant), so a question about one plugin does not bind every registration of the compilation.
/// </summary>
internal sealed class PromptPlugins
{
    private static readonly string[] s_registrations =
    {
        "AddFromFunctions", "ImportPluginFromFunctions", "CreatePluginFromFunctions", "CreateFromFunctions",
        "CreatePluginFromPromptDirectory", "ImportPluginFromPromptDirectory", "AddFromPromptDirectory", "CreateFromPromptDirectory",
        "CreatePluginFromPromptDirectoryYaml", "ImportPluginFromPromptDirectoryYaml", "AddFromPromptDirectoryYaml",
    };

    private readonly AgentContext _context;
    private readonly ConcurrentDictionary<string, Lazy<bool>> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<InvocationExpressionSyntax, Lazy<string?>> _registered = new();

    public PromptPlugins(AgentContext context) => _context = context;

    /// <summary>Whether a registration in this compilation makes a prompt plugin of this name (computed once per name).</summary>
    public bool IsPromptPlugin(string name)
        => _byName.GetOrAdd(name, n => new Lazy<bool>(() => Registers(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private bool Registers(string name)
    {
        foreach (var syntax in _context.Sources.Invocations(s_registrations))
        {
            if (MayName(syntax, name) && RegisteredName(syntax) == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name of the prompt plugin a registration makes, or null (bound once per registration, whichever name asks).</summary>
    private string? RegisteredName(InvocationExpressionSyntax syntax)
        => _registered.GetOrAdd(syntax, s => new Lazy<string?>(() => _context.OperationOf(s) is IInvocationOperation invocation ? RegisteredName(invocation) : null, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private string? RegisteredName(IInvocationOperation invocation)
    {
        switch (_context.Classifier.Classify(invocation.TargetMethod))
        {
            case InvocationKind.PromptFunctionSource:
                return PromptPluginName(invocation);
            case InvocationKind.FunctionsImport:
                // KernelPluginFactory.CreateFromFunctions("MyPlugin", functions: [promptFunction])
                var constantName = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pluginName")?.Value.ConstantValue;
                return constantName is { HasValue: true, Value: string functionsPlugin }
                    && invocation.Arguments.Any(a => a.Parameter?.Name == "functions" && _context.PromptFunctions.HoldsPromptFunction(a.Value))
                    ? functionsPlugin
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The plugin name a prompt directory import gets: its pluginName argument, or the directory's last segment.</summary>
    private static string? PromptPluginName(IInvocationOperation invocation)
    {
        string? directoryName = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "pluginName" && argument.Value.ConstantValue is { HasValue: true, Value: string explicitName })
            {
                return explicitName;
            }

            if (argument.Parameter?.Name is "pluginDirectory" or "directory" or "pluginPath" && LastSegment(argument.Value) is { } segment)
            {
                directoryName = segment;
            }
        }

        return directoryName;
    }

    private static string? LastSegment(IOperation path)
    {
        path = Operations.Unwrap(path);
        if (path.ConstantValue is { HasValue: true, Value: string constant })
        {
            return Segment(constant);
        }

        // Path.Combine(root, "Plugins", "FunPlugin")
        if (path is IInvocationOperation { TargetMethod.Name: "Combine" } combine && combine.Arguments.Length > 0)
        {
            var last = combine.Arguments[combine.Arguments.Length - 1].Value;
            if (last is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
            {
                last = elements[elements.Length - 1];
            }

            return LastSegment(last);
        }

        return null;
    }

    private static string Segment(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        var slash = trimmed.LastIndexOfAny(new[] { '/', '\\' });
        return slash >= 0 ? trimmed.Substring(slash + 1) : trimmed;
    }

    /// <summary>
    /// Whether a registration's arguments, read as syntax, can give the plugin this name: a superset of what binding
    /// finds. An explicit <c>pluginName: "..."</c> literal decides alone (it wins over the directory).
    /// </summary>
    private static bool MayName(InvocationExpressionSyntax syntax, string name)
    {
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == "pluginName" && Strip(argument.Expression) is LiteralExpressionSyntax { Token.Value: string explicitName })
            {
                return explicitName == name;
            }
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (MayBe(argument.Expression, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the expression's constant value, or its last path segment, can be the name. A string literal is known; a
    /// call other than <c>Combine</c> (whose last part is read) or <c>nameof</c>, a creation, a collection or a lambda is
    /// never a constant; anything else (a name that may be a constant, a concatenation, an interpolation) may be.
    /// </summary>
    private static bool MayBe(ExpressionSyntax expression, string name)
    {
        expression = Strip(expression);
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.Token.Value is string value && (value == name || Segment(value) == name);
            case InvocationExpressionSyntax invocation:
                switch (Sources.SourceIndex.SimpleName(invocation))
                {
                    case "nameof":
                        return true;
                    case "Combine" when invocation.ArgumentList.Arguments.Count > 0:
                        var last = invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1].Expression;
                        return Strip(last) switch
                        {
                            ArrayCreationExpressionSyntax { Initializer.Expressions: { Count: > 0 } elements } => MayBe(elements[elements.Count - 1], name),
                            ImplicitArrayCreationExpressionSyntax { Initializer.Expressions: { Count: > 0 } elements } => MayBe(elements[elements.Count - 1], name),
                            var part => MayBe(part, name),
                        };
                    default:
                        return false;
                }

            case BaseObjectCreationExpressionSyntax or AnonymousObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
                or CollectionExpressionSyntax or AnonymousFunctionExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax or TypeOfExpressionSyntax:
                return false;
            default:
                return true;
        }
    }

    /// <summary>The expression under parentheses, casts, <c>!</c> and <c>await</c> (what <see cref="Operations.Unwrap"/> sees through, and more).</summary>
    private static ExpressionSyntax Strip(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = postfix.Operand;
                    continue;
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    continue;
                default:
                    return expression;
            }
        }
    }
}
