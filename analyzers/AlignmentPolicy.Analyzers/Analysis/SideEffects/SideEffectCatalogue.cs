using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Sources;
using AlignmentPolicy.Globbing;
using AlignmentPolicy.Vocabulary;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.SideEffects;

/// <summary>
/// The side-effect catalogue of this compilation: the built-in list (SideEffects.txt) filtered by the
/// policy's catalogues and severities, the policy's custom entries, [SideEffect] methods, and the
/// families recognised by type (HttpClient requests that are not GETs, Kiota request builders' writes,
/// declarative HTTP clients' write verbs, generated gRPC clients).
/// Lookup is name first, as BannedApiAnalyzers does it: entries are keyed by method name (and, for whole
/// types, by type name), and an entry's documentation-comment ID is resolved to symbols only the first
/// time a call with that name is seen. A call whose name matches no entry costs one dictionary lookup.
/// </summary>
internal sealed class SideEffectCatalogue
{
    private const string ResourceName = "AlignmentPolicy.Analyzers.SideEffects.txt";
    private static readonly Lazy<ImmutableArray<(string Id, string Category)>> s_builtin = new(LoadBuiltin);

    private readonly Compilation _compilation;
    private readonly KnownSymbols _symbols;
    private readonly Dictionary<string, List<Entry>> _byMethodName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byTypeName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _silenced = new(StringComparer.Ordinal);
    private readonly bool _http;
    private readonly bool _grpc;
    private readonly bool _database;
    private readonly bool _fileConstructors;
    private readonly ImmutableArray<PathGlob> _oversightPaths = ImmutableArray<PathGlob>.Empty;
    private readonly Lazy<HashSet<string>?> _attributedElsewhere;
    private readonly Func<string, bool> _builtinEnabled;

    public SideEffectCatalogue(AgentContext context)
    {
        _compilation = context.Compilation;
        _symbols = context.Symbols;
        var policy = context.Policy;
        var wholeBuiltin = policy.Catalogues.Contains("builtin");
        bool Enabled(string category) => (wholeBuiltin || policy.Catalogues.Contains("builtin:" + category)) && policy.SeverityFor(category) != "none";
        _builtinEnabled = Enabled;
        foreach (var (id, category) in s_builtin.Value)
        {
            if (Enabled(category))
            {
                AddEntry(id, category);
            }
        }

        foreach (var pair in policy.CustomSideEffects)
        {
            if (policy.SeverityFor(pair.Key) != "none")
            {
                foreach (var id in pair.Value)
                {
                    AddEntry(id, pair.Key);
                }
            }
        }

        _http = Enabled(SideEffectVocabulary.Http);
        _grpc = Enabled(SideEffectVocabulary.Grpc);
        _database = Enabled(SideEffectVocabulary.Database);
        _fileConstructors = Enabled(SideEffectVocabulary.FileSystem);
        if (policy.SeverityFor(SideEffectVocabulary.Oversight) != "none")
        {
            _oversightPaths = policy.OversightPaths.Select(PathGlob.Create).ToImmutableArray();
        }

        _silenced.UnionWith(policy.Severities.Where(p => p.Value == "none").Select(p => p.Key));
        _attributedElsewhere = new Lazy<HashSet<string>?>(AttributedElsewhere, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The category of a direct call, or null when it is no side effect.</summary>
    public string? CategoryOf(IOperation call) => call switch
    {
        IInvocationOperation invocation => Match(invocation),
        IObjectCreationOperation creation => Match(creation),
        IInvalidOperation unresolved => ServiceClients.MatchUnresolved(unresolved, _http, _database),
        _ => null,
    };

    /// <summary>
    /// The name-first test a walk asks before binding a body: whether a call to a method with this simple name can
    /// match. Families recognised by type rather than name (whole catalogued types, generated gRPC clients) answer
    /// true for every name; [SideEffect] methods of this compilation are found through its declared method names
    /// (the walk binds every body that calls one), those of referenced assemblies by their names, read once.
    /// </summary>
    public bool MayMatchCall(string simpleName)
    {
        if (_byMethodName.ContainsKey(simpleName) || _byTypeName.Count > 0)
        {
            return true;
        }

        if (_http && simpleName is "SendAsync" or "Send" or "PostAsync" or "PutAsync" or "PatchAsync" or "DeleteAsync")
        {
            return true;
        }

        if ((_http || _database) && ServiceClients.MayMatchCall(simpleName))
        {
            return true;
        }

        if (_grpc && _symbols.GrpcClientBase is not null)
        {
            return true;
        }

        return _attributedElsewhere.Value is not { } names || names.Contains(simpleName);
    }

    /// <summary>Whether creating a type spelled with this name can match (null: the type is not spelled).</summary>
    public bool MayMatchCreation(string? typeName) => _fileConstructors && typeName is null or "StreamWriter" or "FileStream";

    /// <summary>
    /// The names of the [SideEffect] methods in referenced assemblies that can carry it (they reference
    /// AlignmentPolicy.Gates), or null when there are too many types to read (then every name may match).
    /// </summary>
    private HashSet<string>? AttributedElsewhere()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (_symbols.SideEffectAttribute is not { } attribute)
        {
            return names;
        }

        var types = 0;
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!MayCarrySideEffectAttribute(assembly))
            {
                continue;
            }

            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                foreach (var member in pending.Pop().GetMembers())
                {
                    switch (member)
                    {
                        case INamespaceSymbol ns:
                            pending.Push(ns);
                            break;
                        case INamedTypeSymbol type:
                            if (!MayBeCalledFromHere(type, assembly))
                            {
                                break; // private or compiler-generated (state machines, closures): no call here can land in it
                            }

                            if (++types > 5000)
                            {
                                return null;
                            }

                            pending.Push(type);
                            break;
                        case IMethodSymbol method when MayBeCalledFromHere(method, assembly):
                            WorkCounters.Count(ref WorkCounters.AttributeReads);
                            foreach (var data in method.GetAttributes())
                            {
                                if (data.AttributeClass is { } cls && KnownSymbols.IsOrDerivesFrom(cls, attribute))
                                {
                                    names.Add(method.Name);
                                }
                            }

                            break;
                    }
                }
            }
        }

        return names;
    }

    /// <summary>
    /// Whether a call bound in this compilation can name this member of a referenced assembly: not when it is
    /// private, or internal without InternalsVisibleTo for this compilation, or has no name a call can spell.
    /// </summary>
    private bool MayBeCalledFromHere(ISymbol member, IAssemblySymbol assembly)
        => member.CanBeReferencedByName
            && member.DeclaredAccessibility is not (Accessibility.Private or Accessibility.NotApplicable)
            && (member.DeclaredAccessibility is not (Accessibility.Internal or Accessibility.ProtectedAndInternal) || assembly.GivesAccessTo(_compilation.Assembly));

    private void AddEntry(string id, string category)
    {
        if (id.Length < 3 || id[1] != ':' || (id[0] != 'M' && id[0] != 'T') || !Configuration.PolicyOptions.IsReadableDocumentationId(id))
        {
            return;
        }

        var entry = new Entry(id, category, _compilation);
        var key = entry.SimpleName;
        var target = id[0] == 'T' ? _byTypeName : _byMethodName;
        if (!target.TryGetValue(key, out var list))
        {
            target[key] = list = new List<Entry>();
        }

        list.Add(entry);
    }

    private string? Match(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        var definition = method.OriginalDefinition;
        if (CatalogueCategory(method, definition) is { } category)
        {
            if (category == SideEffectVocabulary.FileSystem && IsEnsureFolder(invocation))
            {
                return null;
            }

            return category == SideEffectVocabulary.FileSystem && _oversightPaths.Length > 0 && IsOversightWrite(invocation) ? SideEffectVocabulary.Oversight : category;
        }

        if (DeclaredCategory(method) is { } declared)
        {
            return declared;
        }

        var type = method.ContainingType;
        if (type is null || method.IsStatic)
        {
            return null;
        }

        if (_http && method.Name is "SendAsync" or "Send" && KnownSymbols.IsOrDerivesFrom(type, _symbols.HttpMessageInvoker) && !IsReadRequest(invocation))
        {
            return SideEffectVocabulary.Http;
        }

        // Declarative HTTP clients (Refit, RestEase): an interface method whose verb attribute is a write.
        if (_http && DeclarativeHttpClients.IsClientMethod(method) && MayDeclareHttpVerbs(method) && DeclarativeHttpClients.DeclaresWrite(method, Sees(_compilation.Assembly, LibrariesSeen.DeclarativeHttpClients)))
        {
            return SideEffectVocabulary.Http;
        }

        // Kiota request builders (Microsoft Graph and every Kiota client): the write verbs.
        if (_http && method.Name is "PostAsync" or "PutAsync" or "PatchAsync" or "DeleteAsync" && KnownSymbols.IsOrDerivesFrom(type, _symbols.KiotaRequestBuilder))
        {
            return SideEffectVocabulary.Http;
        }

        // Generated gRPC clients derive from ClientBase<T>. The RPC's name is all the generated method says
        // about it (proto options do not reach C#): reads (GetBasket, ListOrders, ...) are no side effects.
        if (_grpc && _symbols.GrpcClientBase is { } grpcBase && !SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, grpcBase.ContainingNamespace)
            && KnownSymbols.IsOrDerivesFrom(type, grpcBase) && !IsReadRpc(method.Name))
        {
            return SideEffectVocabulary.Grpc;
        }

        // A third-party service client's write (TrelloClient.AddCardAsync, Octokit's IIssuesClient.Create, TableClient.UpsertEntityAsync).
        if (_http && ServiceClients.IsThirdPartyWrite(method, _compilation.Assembly))
        {
            return SideEffectVocabulary.Http;
        }

        return null;
    }

    /// <summary>
    /// What a method of another assembly says about itself, for a tool made from it (<c>AIFunctionFactory.Create(tools.Purge)</c> with
    /// <c>tools</c> of a referenced project: its body is metadata here): a catalogued API, or a <c>[SideEffect]</c> category it declares.
    /// </summary>
    public string? CategoryOfMethod(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        return CatalogueCategory(method, method.OriginalDefinition) ?? DeclaredCategory(method);
    }

    /// <summary>Whether the policy keeps a built-in category (the built-in catalogue, or that part of it, with a severity other than none).</summary>
    public bool BuiltinEnabled(string category) => _builtinEnabled(category);

    /// <summary>
    /// The first write of a packaged plugin (<see cref="PackagedPlugins"/>) a kernel registers by type, with its path, or null: the
    /// package's <c>FileIOPlugin</c>, <c>HttpPlugin</c>, ... bound here (its namespace must be the package's), or spelled with that name
    /// when the plugins package is missing. Built-in knowledge, so the policy's built-in catalogue and severities apply to it.
    /// </summary>
    public SideEffectPath? PackagedPluginWrite(ITypeSymbol type, SyntaxTree? registrationTree = null)
    {
        var ns = type.TypeKind == TypeKind.Error ? null : type.ContainingNamespace?.ToDisplayString();
        if (type.TypeKind != TypeKind.Error && ns is null
            || PackagedPlugins.Find(type.Name, ns, registrationTree is null ? null : n => Usings.Imports(registrationTree, n)) is not { } plugin)
        {
            return null;
        }

        foreach (var (function, category) in plugin.Writes)
        {
            if (_builtinEnabled(category))
            {
                return new SideEffectPath(category, ImmutableArray.Create(plugin.TypeName + "." + function));
            }
        }

        return null;
    }

    /// <summary>The category a method declares with <c>[SideEffect("category")]</c> (this compilation's or a referenced assembly's), or null.</summary>
    private string? DeclaredCategory(IMethodSymbol method)
    {
        if (_symbols.SideEffectAttribute is not { } attribute || !MayCarrySideEffectAttribute(method))
        {
            return null;
        }

        foreach (var data in method.GetAttributes())
        {
            // A category under a former runtime name ("file-write") is the category the policy knows ("filesystem");
            // read-private marks what a tool reads, it changes nothing.
            if (data.AttributeClass is { } cls && KnownSymbols.IsOrDerivesFrom(cls, attribute)
                && data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is string written
                && SideEffectVocabulary.Canonical(written) is var declared
                && SideEffectVocabulary.IsSideEffect(declared) && !_silenced.Contains(declared))
            {
                return declared;
            }
        }

        return null;
    }

    /// <summary>What an assembly's references make possible on its methods, read once per assembly.</summary>
    [System.Flags]
    private enum LibrariesSeen
    {
        None = 0,

        /// <summary>AlignmentPolicy.Gates: its methods may carry [SideEffect].</summary>
        Gates = 1,

        /// <summary>Refit or RestEase: its interfaces may declare HTTP verbs.</summary>
        DeclarativeHttpClients = 2,
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IAssemblySymbol, LibrariesSeen> _librariesSeen = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// [SideEffect] can only be on a method of this compilation or of an assembly that references
    /// AlignmentPolicy.Gates: the framework's methods (most calls) are never asked for their attributes.
    /// </summary>
    private bool MayCarrySideEffectAttribute(IMethodSymbol method)
        => method.ContainingAssembly is { } assembly && MayCarrySideEffectAttribute(assembly);

    private bool MayCarrySideEffectAttribute(IAssemblySymbol assembly)
        => SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly) || Sees(assembly, LibrariesSeen.Gates);

    /// <summary>
    /// Verb attributes can only be on an interface declared in source (whose attributes may be unbound in a scan) or in an
    /// assembly that references a declarative client library: the framework's interfaces (<c>IList&lt;T&gt;.Add</c>) are
    /// never asked for their attributes.
    /// </summary>
    private bool MayDeclareHttpVerbs(IMethodSymbol method)
        => !method.DeclaringSyntaxReferences.IsEmpty
            || method.ContainingAssembly is { } assembly && Sees(assembly, LibrariesSeen.DeclarativeHttpClients);

    private bool Sees(IAssemblySymbol assembly, LibrariesSeen library)
        => (_librariesSeen.GetOrAdd(assembly, static a =>
        {
            var seen = LibrariesSeen.None;
            foreach (var module in a.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    seen |= referenced.Name switch
                    {
                        "AlignmentPolicy.Gates" => LibrariesSeen.Gates,
                        "Refit" or "RestEase" => LibrariesSeen.DeclarativeHttpClients,
                        _ => LibrariesSeen.None,
                    };
                }
            }

            return seen;
        }) & library) != 0;

    private static readonly string[] s_readRpcVerbs = { "Get", "List", "Search", "Find", "Query", "Read", "Fetch", "Lookup", "Check", "Count", "Describe", "Exists", "Watch" };

    private static bool IsReadRpc(string name)
    {
        foreach (var verb in s_readRpcVerbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal) && (name.Length == verb.Length || char.IsUpper(name[verb.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A catalogued method: itself, a method it overrides, an interface member it implements, or a method of a catalogued type.</summary>
    private string? CatalogueCategory(IMethodSymbol method, IMethodSymbol definition)
    {
        if (_byMethodName.TryGetValue(method.Name, out var entries))
        {
            foreach (var entry in entries)
            {
                if (entry.Matches(definition))
                {
                    return entry.Category;
                }
            }

            for (var overridden = definition.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                foreach (var entry in entries)
                {
                    if (entry.Matches(overridden.OriginalDefinition))
                    {
                        return entry.Category;
                    }
                }
            }

            if (method.ContainingType is { } containing && containing.TypeKind != TypeKind.Interface)
            {
                foreach (var entry in entries)
                {
                    if (entry.InterfaceMember(containing) is { } member && SymbolEqualityComparer.Default.Equals(containing.FindImplementationForInterfaceMember(member)?.OriginalDefinition, definition))
                    {
                        return entry.Category;
                    }
                }
            }
        }

        if (method.MethodKind == MethodKind.Ordinary && method.ContainingType is { } type && _byTypeName.TryGetValue(type.Name, out var typeEntries))
        {
            foreach (var entry in typeEntries)
            {
                if (entry.MatchesType(type))
                {
                    return entry.Category;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <c>Directory.CreateDirectory(folder); return folder;</c>: a helper that makes sure a folder exists and hands its path
    /// back (a store's own data folder, found before it is read) changes nothing a tool is asked to do; the creation is the
    /// helper's precondition, not an action. A folder created and not returned (a tool's <c>CreateFolder(path)</c>) is one.
    /// </summary>
    private static bool IsEnsureFolder(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod is not { Name: "CreateDirectory", ContainingType: { Name: "Directory", ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
            || invocation.Parent is not IExpressionStatementOperation || invocation.Arguments.Length == 0
            )
        {
            return false;
        }

        ISymbol? symbol = Operations.Unwrap(invocation.Arguments[0].Value) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is null)
        {
            return false;
        }

        foreach (var descendant in Operations.Root(invocation).Descendants())
        {
            if (descendant is IReturnOperation { ReturnedValue: { } returned } && returned.Syntax.SpanStart > invocation.Syntax.SpanStart
                && Operations.Unwrap(returned) is var value
                && (value is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, symbol)
                    || value is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, symbol)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A file write whose constant path is one the policy names as the agent's oversight.</summary>
    private bool IsOversightWrite(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && ConstantPaths.Relative(argument.Value, null) is { } path)
            {
                var normalized = PathGlob.Normalize(path);
                if (_oversightPaths.Any(p => p.IsMatch(normalized)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Constructors that open a file for writing: <c>new StreamWriter(path)</c>, <c>new FileStream(path, FileMode.Create)</c>.</summary>
    private string? Match(IObjectCreationOperation creation)
    {
        if (!_fileConstructors || creation.Type is not { Name: "StreamWriter" or "FileStream" } type
            || type.ContainingNamespace is not { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
            || creation.Constructor is not { Parameters.Length: > 0 } constructor || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        if (type.Name == "StreamWriter")
        {
            return SideEffectVocabulary.FileSystem;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { Type: { Name: "FileMode", TypeKind: TypeKind.Enum } })
            {
                return Operations.Unwrap(argument.Value) is IFieldReferenceOperation { Field.Name: "Open" } ? null : SideEffectVocabulary.FileSystem;
            }
        }

        return null;
    }

    /// <summary>SendAsync(new HttpRequestMessage(HttpMethod.Get, ...)) reads; any other request, or one we cannot see, writes.</summary>
    private static bool IsReadRequest(IInvocationOperation invocation)
    {
        IOperation? request = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.Name == "HttpRequestMessage")
            {
                request = argument.Value;
            }
        }

        if (request is not null && Operations.Unwrap(request) is ILocalReferenceOperation local)
        {
            // using var request = new HttpRequestMessage(HttpMethod.Get, url); await http.SendAsync(request);
            request = Operations.Root(local).Descendants().OfType<IVariableDeclaratorOperation>()
                .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local))?.Initializer?.Value;
        }

        if (request is null || Operations.Unwrap(request) is not IObjectCreationOperation creation)
        {
            return false;
        }

        var verb = creation.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == "HttpMethod")?.Value;
        return verb is not null && Operations.Unwrap(verb) is IPropertyReferenceOperation { Property.Name: "Get" or "Head" or "Options" };
    }

    private static ImmutableArray<(string Id, string Category)> LoadBuiltin()
    {
        using var stream = typeof(SideEffectCatalogue).Assembly.GetManifestResourceStream(ResourceName);
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

    /// <summary>One catalogue line; its symbols are resolved the first time a call with its name is seen.</summary>
    private sealed class Entry
    {
        private readonly Lazy<ImmutableArray<IMethodSymbol>> _methods;
        private readonly Lazy<INamedTypeSymbol?> _type;

        public Entry(string id, string category, Compilation compilation)
        {
            Category = category;
            var name = id.Substring(2);
            var parameters = name.IndexOf('(');
            var path = parameters > 0 ? name.Substring(0, parameters) : name;
            var dot = path.LastIndexOf('.');
            SimpleName = id[0] == 'T' ? StripArity(path.Substring(dot + 1)) : path.Substring(dot + 1);
            var typeName = id[0] == 'T' ? path : dot > 0 ? path.Substring(0, dot) : "";
            _type = new Lazy<INamedTypeSymbol?>(() => typeName.Length == 0 ? null : compilation.GetTypeByMetadataName(typeName), LazyThreadSafetyMode.ExecutionAndPublication);
            _methods = new Lazy<ImmutableArray<IMethodSymbol>>(() => Resolve(id, parameters > 0, SimpleName, _type.Value, compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public string Category { get; }

        /// <summary>The method's name (M: entries) or the type's name without arity (T: entries): the lookup key.</summary>
        public string SimpleName { get; }

        public bool Matches(IMethodSymbol definition)
        {
            foreach (var method in _methods.Value)
            {
                if (SymbolEqualityComparer.Default.Equals(method, definition))
                {
                    return true;
                }
            }

            return false;
        }

        public bool MatchesType(INamedTypeSymbol type) => _type.Value is { } entryType && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, entryType);

        /// <summary>For an entry on an interface the type implements: the interface member as the type constructs it.</summary>
        public IMethodSymbol? InterfaceMember(INamedTypeSymbol type)
        {
            if (_type.Value is not { TypeKind: TypeKind.Interface } @interface)
            {
                return null;
            }

            foreach (var constructed in type.AllInterfaces)
            {
                if (!SymbolEqualityComparer.Default.Equals(constructed.OriginalDefinition, @interface))
                {
                    continue;
                }

                foreach (var member in constructed.GetMembers(SimpleName))
                {
                    if (member is IMethodSymbol method && Matches(method.OriginalDefinition))
                    {
                        return method;
                    }
                }
            }

            return null;
        }

        private static ImmutableArray<IMethodSymbol> Resolve(string id, bool exact, string name, INamedTypeSymbol? type, Compilation compilation)
        {
            if (id[0] != 'M')
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            if (exact)
            {
                return DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation).OfType<IMethodSymbol>().Select(m => m.OriginalDefinition).ToImmutableArray();
            }

            return type is null
                ? ImmutableArray<IMethodSymbol>.Empty
                : type.GetMembers(name).OfType<IMethodSymbol>().Select(m => m.OriginalDefinition).ToImmutableArray();
        }

        private static string StripArity(string name)
        {
            var tick = name.IndexOf('`');
            return tick > 0 ? name.Substring(0, tick) : name;
        }
    }
}
