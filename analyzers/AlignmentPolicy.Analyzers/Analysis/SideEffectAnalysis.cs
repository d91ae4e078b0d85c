using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>A side effect found behind a tool, with the chain of calls that reaches it.</summary>
internal sealed class SideEffectPath
{
    public SideEffectPath(string category, ImmutableArray<string> chain)
    {
        Category = category;
        Chain = chain;
    }

    public string Category { get; }

    /// <summary>Tool -> helper -> ... -> API, e.g. SendReport -> Mailer.Deliver -> SmtpClient.Send.</summary>
    public ImmutableArray<string> Chain { get; }

    public string ChainText => string.Join(" -> ", Chain);
}

/// <summary>
/// The side-effect catalogue of this compilation (built-in, filtered by the policy's catalogues, plus the
/// policy's custom entries and [SideEffect] methods) and an interprocedural search through the
/// compilation's own methods, depth-limited by the policy, cycles handled, results cached per method.
/// </summary>
internal sealed class SideEffectAnalysis
{
    private const string ResourceName = "AlignmentPolicy.Analyzers.SideEffects.txt";
    private static readonly Lazy<ImmutableArray<(string Id, string Category)>> s_builtin = new(LoadBuiltin);

    private readonly AgentContext _context;
    private readonly Lazy<Catalogue> _catalogue;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IOperation>> _calls = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _sourceTypes;

    public SideEffectAnalysis(AgentContext context)
    {
        _context = context;
        _catalogue = new Lazy<Catalogue>(() => Catalogue.Build(context));
        _sourceTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => SourceTypes(context.Compilation));
    }

    /// <summary>The first side effect reachable from a tool's body, or null.</summary>
    public SideEffectPath? Find(string toolName, IOperation body)
    {
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        return Search(CallsIn(body), ImmutableArray.Create(toolName), 0, visited);
    }

    /// <summary>The first side effect reachable from a tool method, or null.</summary>
    public SideEffectPath? Find(IMethodSymbol tool)
    {
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { tool.OriginalDefinition };
        return Search(CallsOf(tool), ImmutableArray.Create(tool.Name), 0, visited);
    }

    /// <summary>The category of a direct call, or null when it is no side effect.</summary>
    public string? CategoryOf(IOperation call) => call switch
    {
        IInvocationOperation invocation => _catalogue.Value.Match(invocation, _context),
        IObjectCreationOperation creation => _catalogue.Value.Match(creation),
        _ => null,
    };

    private SideEffectPath? Search(ImmutableArray<IOperation> calls, ImmutableArray<string> chain, int depth, HashSet<IMethodSymbol> visited)
    {
        // Breadth first within a method: a direct side effect is reported before one behind a helper.
        foreach (var call in calls)
        {
            if (CategoryOf(call) is { } category)
            {
                return new SideEffectPath(category, chain.Add(Display(call)));
            }
        }

        if (depth >= _context.Policy.MaxCallDepth)
        {
            return null;
        }

        foreach (var call in calls)
        {
            if (call is not IInvocationOperation invocation)
            {
                continue;
            }

            foreach (var target in Implementations(invocation.TargetMethod))
            {
                if (!visited.Add(target.OriginalDefinition))
                {
                    continue;
                }

                var found = Search(CallsOf(target), chain.Add(Display(target)), depth + 1, visited);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>The source methods a call can land in: the method itself, or implementations of an interface or abstract member.</summary>
    private IEnumerable<IMethodSymbol> Implementations(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        if (method.DeclaringSyntaxReferences.Length > 0 && !method.IsAbstract)
        {
            yield return method;
            yield break;
        }

        var definition = method.OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.Length == 0 || !(definition.IsAbstract || definition.IsVirtual || definition.ContainingType.TypeKind == TypeKind.Interface))
        {
            yield break;
        }

        foreach (var type in _sourceTypes.Value)
        {
            if (type.TypeKind == TypeKind.Interface || type.IsAbstract)
            {
                continue;
            }

            if (definition.ContainingType.TypeKind == TypeKind.Interface)
            {
                if (type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, definition.ContainingType))
                    && type.FindImplementationForInterfaceMember(definition) is IMethodSymbol implementation)
                {
                    yield return implementation;
                }
            }
            else
            {
                foreach (var member in type.GetMembers(definition.Name).OfType<IMethodSymbol>())
                {
                    for (var overridden = member.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, definition))
                        {
                            yield return member;
                            break;
                        }
                    }
                }
            }
        }
    }

    private ImmutableArray<IOperation> CallsOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        return _calls.GetOrAdd(method, m =>
        {
            var builder = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var reference in m.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                if (_context.ModelFor(syntax.SyntaxTree).GetOperation(syntax) is { } body)
                {
                    builder.AddRange(CallsIn(body));
                }
            }

            return builder.ToImmutable();
        });
    }

    private static ImmutableArray<IOperation> CallsIn(IOperation body)
        => body.Descendants().Where(o => o is IInvocationOperation or IObjectCreationOperation).ToImmutableArray();

    private static string Display(IOperation call) => call switch
    {
        IInvocationOperation invocation => Display(invocation.TargetMethod),
        IObjectCreationOperation creation => $"new {creation.Type?.Name}",
        _ => call.Syntax.ToString(),
    };

    private static string Display(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        return method.ContainingType is { } type ? $"{type.Name}.{method.Name}" : method.Name;
    }

    private static ImmutableArray<INamedTypeSymbol> SourceTypes(Compilation compilation)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(compilation.Assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    stack.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    builder.Add(type);
                    stack.Push(type);
                }
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<(string Id, string Category)> LoadBuiltin()
    {
        using var stream = typeof(SideEffectAnalysis).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return ImmutableArray<(string, string)>.Empty;
        }

        using var reader = new StreamReader(stream);
        var builder = ImmutableArray.CreateBuilder<(string, string)>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var separator = line.IndexOf(';');
            if (separator > 0)
            {
                builder.Add((line.Substring(0, separator).Trim(), line.Substring(separator + 1).Trim()));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The catalogue resolved against this compilation's symbols.</summary>
    private sealed class Catalogue
    {
        private readonly Dictionary<IMethodSymbol, string> _methods = new(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _interfaceTypes = new(SymbolEqualityComparer.Default);
        private readonly HashSet<string> _silenced = new(StringComparer.Ordinal);
        private INamedTypeSymbol? _httpClient;
        private INamedTypeSymbol? _kiotaBuilder;
        private INamedTypeSymbol? _grpcClient;
        private bool _fileConstructors;
        private System.Collections.Immutable.ImmutableArray<Glob> _oversightPaths = System.Collections.Immutable.ImmutableArray<Glob>.Empty;

        public static Catalogue Build(AgentContext context)
        {
            var catalogue = new Catalogue();
            var policy = context.Policy;
            var compilation = context.Compilation;
            var wholeBuiltin = policy.Catalogues.Contains("builtin");
            foreach (var (id, category) in s_builtin.Value)
            {
                if ((wholeBuiltin || policy.Catalogues.Contains("builtin:" + category)) && policy.SeverityFor(category) != "none")
                {
                    catalogue.Add(compilation, id, category);
                }
            }

            foreach (var pair in policy.CustomSideEffects)
            {
                if (policy.SeverityFor(pair.Key) == "none")
                {
                    continue;
                }

                foreach (var id in pair.Value)
                {
                    catalogue.Add(compilation, id, pair.Key);
                }
            }

            bool Enabled(string category) => (wholeBuiltin || policy.Catalogues.Contains("builtin:" + category)) && policy.SeverityFor(category) != "none";
            if (Enabled("http"))
            {
                catalogue._httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageInvoker");
                catalogue._kiotaBuilder = compilation.GetTypeByMetadataName("Microsoft.Kiota.Abstractions.BaseRequestBuilder");
            }

            catalogue._fileConstructors = Enabled("filesystem");
            if (policy.SeverityFor("oversight") != "none")
            {
                catalogue._oversightPaths = policy.OversightPaths.Select(Globs.Compile).ToImmutableArray();
            }

            if (Enabled("grpc"))
            {
                catalogue._grpcClient = compilation.GetTypeByMetadataName("Grpc.Core.ClientBase");
            }

            catalogue._silenced.UnionWith(policy.Severities.Where(p => p.Value == "none").Select(p => p.Key));
            return catalogue;
        }

        private void Add(Compilation compilation, string id, string category)
        {
            if (id.Length < 3 || id[1] != ':' || !Configuration.PolicyOptions.IsReadableDocumentationId(id))
            {
                return;
            }

            if (id[0] == 'M' && id.IndexOf('(') > 0)
            {
                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
                {
                    if (symbol is IMethodSymbol method)
                    {
                        Register(method, category);
                    }
                }

                return;
            }

            var name = id.Substring(2);
            if (id[0] == 'T')
            {
                if (compilation.GetTypeByMetadataName(name) is { } wholeType)
                {
                    foreach (var method in wholeType.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
                    {
                        Register(method, category);
                    }
                }

                return;
            }

            var dot = name.LastIndexOf('.');
            if (id[0] != 'M' || dot <= 0)
            {
                return;
            }

            if (compilation.GetTypeByMetadataName(name.Substring(0, dot)) is { } type)
            {
                foreach (var method in type.GetMembers(name.Substring(dot + 1)).OfType<IMethodSymbol>())
                {
                    Register(method, category);
                }
            }
        }

        private void Register(IMethodSymbol method, string category)
        {
            _methods[method.OriginalDefinition] = category;
            if (method.ContainingType.TypeKind == TypeKind.Interface)
            {
                _interfaceTypes.Add(method.ContainingType.OriginalDefinition);
            }
        }

        public string? Match(IInvocationOperation invocation, AgentContext context)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            var definition = method.OriginalDefinition;
            if (_oversightPaths.Length > 0 && IsOversightWrite(invocation, definition))
            {
                return "oversight";
            }

            if (_methods.TryGetValue(definition, out var category))
            {
                return category;
            }

            for (var overridden = definition.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (_methods.TryGetValue(overridden.OriginalDefinition, out category))
                {
                    return category;
                }
            }

            if (_interfaceTypes.Count > 0 && method.ContainingType is { } containing)
            {
                foreach (var @interface in containing.AllInterfaces)
                {
                    if (!_interfaceTypes.Contains(@interface.OriginalDefinition))
                    {
                        continue;
                    }

                    foreach (var member in @interface.GetMembers(method.Name).OfType<IMethodSymbol>())
                    {
                        if (SymbolEqualityComparer.Default.Equals(containing.FindImplementationForInterfaceMember(member), method)
                            && _methods.TryGetValue(member.OriginalDefinition, out category))
                        {
                            return category;
                        }
                    }
                }
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { } cls && KnownSymbols.IsOrDerivesFrom(cls, context.Symbols.SideEffectAttribute)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string declared
                    && !_silenced.Contains(declared))
                {
                    return declared;
                }
            }

            if (_httpClient is not null && method.Name is "SendAsync" or "Send" && KnownSymbols.IsOrDerivesFrom(method.ContainingType!, _httpClient) && !IsReadRequest(invocation))
            {
                return "http";
            }

            if (_kiotaBuilder is not null && method.Name is "PostAsync" or "PutAsync" or "PatchAsync" or "DeleteAsync" && KnownSymbols.IsOrDerivesFrom(method.ContainingType!, _kiotaBuilder))
            {
                return "http";
            }

            // Generated gRPC clients derive from ClientBase<T>; every call on them is a remote call.
            if (_grpcClient is not null && !method.IsStatic && method.ContainingType is { } client
                && client.ContainingNamespace?.ToDisplayString() != "Grpc.Core" && KnownSymbols.IsOrDerivesFrom(client, _grpcClient))
            {
                return "grpc";
            }

            return null;
        }

        /// <summary>A file write (File.*, Directory.*) whose constant path is one the policy names as the agent's oversight.</summary>
        private bool IsOversightWrite(IInvocationOperation invocation, IMethodSymbol definition)
        {
            if (!_methods.TryGetValue(definition, out var category) || category != "filesystem")
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && ConstantPaths.Relative(argument.Value, null) is { } path)
                {
                    var normalized = Globs.Normalize(path);
                    if (_oversightPaths.Any(p => p.IsMatch(normalized)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Constructors that open a file for writing: <c>new StreamWriter(path)</c>, <c>new FileStream(path, FileMode.Create)</c>.</summary>
        public string? Match(IObjectCreationOperation creation)
        {
            if (_fileConstructors && creation.Type is { ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } type
                && creation.Constructor is { Parameters.Length: > 0 } constructor && constructor.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                if (type.Name == "StreamWriter")
                {
                    return "filesystem";
                }

                if (type.Name == "FileStream" && creation.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == "FileMode")?.Value is { } mode
                    && !(ModelCall.Unwrap(mode) is IFieldReferenceOperation { Field.Name: "Open" }))
                {
                    return "filesystem";
                }
            }

            return null;
        }

        /// <summary>SendAsync(new HttpRequestMessage(HttpMethod.Get, ...)) reads; any other request, or one we cannot see, writes.</summary>
        private static bool IsReadRequest(IInvocationOperation invocation)
        {
            var request = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == "HttpRequestMessage")?.Value;
            if (request is not null && ModelCall.Unwrap(request) is ILocalReferenceOperation local)
            {
                // using var request = new HttpRequestMessage(HttpMethod.Get, url); await http.SendAsync(request);
                request = AgentContext.Root(local).Descendants().OfType<IVariableDeclaratorOperation>()
                    .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local))?.Initializer?.Value;
            }

            if (request is null || ModelCall.Unwrap(request) is not IObjectCreationOperation creation)
            {
                return false;
            }

            var verb = creation.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == "HttpMethod")?.Value;
            return verb is not null && ModelCall.Unwrap(verb) is IPropertyReferenceOperation { Property.Name: "Get" or "Head" or "Options" };
        }
    }
}
