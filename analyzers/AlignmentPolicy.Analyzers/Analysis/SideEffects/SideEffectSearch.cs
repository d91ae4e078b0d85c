using System.Collections.Immutable;
using AlignmentPolicy.Analyzers.Analysis.Calls;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis.SideEffects;

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
/// "Which side effect does this tool reach?": the call-graph walk with the catalogue as its visitor,
/// as deep as the policy's <c>analyzers.max_call_depth</c>, answers cached per method.
/// </summary>
internal sealed class SideEffectSearch : CallGraphQuery<SideEffectPath>
{
    private readonly SideEffectCatalogue _catalogue;
    private readonly int _maxDepth;

    public SideEffectSearch(Calls.CallGraph graph, SideEffectCatalogue catalogue, int maxDepth)
        : base(graph)
    {
        _catalogue = catalogue;
        _maxDepth = maxDepth;
    }

    protected override int MaxDepth => _maxDepth;

    /// <summary>
    /// A tool that hands a value of a missing type (another project's, in a scan) to a method of this compilation still runs that
    /// method: <c>AddToCart -> basketState.AddAsync(item!)</c> with <c>item</c> of an unresolved <c>CatalogItem</c>.
    /// </summary>
    public override bool FollowsUnboundCalls => true;

    /// <summary>
    /// The side effect a tool made from <paramref name="method"/> reaches. A method of this compilation: its body, walked. A method of
    /// another assembly (a referenced project's tool type, in a real build; metadata here): what its metadata says about it, since no
    /// body can be read (<see cref="SideEffectCatalogue.CategoryOfMethod"/>): a catalogued API, or <c>[SideEffect("category")]</c>.
    /// </summary>
    public SideEffectPath? FromTool(IMethodSymbol method)
    {
        if (!method.DeclaringSyntaxReferences.IsEmpty)
        {
            return From(method);
        }

        return _catalogue.CategoryOfMethod(method) is { } category
            ? new SideEffectPath(category, ImmutableArray.Create(CallChain.Display(method)))
            : null;
    }

    /// <summary>
    /// The side effect a plugin type whose code is not in this compilation reaches when a kernel registers it
    /// (<c>kernel.Plugins.AddFromType&lt;FileIOPlugin&gt;()</c>): a packaged plugin's write (<see cref="SideEffectCatalogue.PackagedPluginWrite"/>), or,
    /// for another assembly's type, the first <c>[KernelFunction]</c> whose metadata says it has one (<see cref="FromTool"/>). A type declared here
    /// is judged at its functions instead.
    /// </summary>
    public SideEffectPath? FromPluginType(ITypeSymbol type, INamedTypeSymbol? kernelFunctionAttribute, SyntaxTree? registrationTree = null)
    {
        if (_catalogue.PackagedPluginWrite(type, registrationTree) is { } packaged)
        {
            return packaged;
        }

        if (type.TypeKind == TypeKind.Error || kernelFunctionAttribute is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && KnownSymbols.HasAttribute(method, kernelFunctionAttribute)
                && FromTool(method) is { } path)
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>What an Azure Functions MCP tool writes through its output bindings (<see cref="FunctionsMcpTools.OutputBinding"/>), or null.</summary>
    public SideEffectPath? FromOutputBindings(IMethodSymbol function) => FunctionsMcpTools.OutputBinding(function, _catalogue.BuiltinEnabled);

    public override SideEffectPath? Visit(IOperation call, CallChain chain)
        => _catalogue.CategoryOf(call) is { } category ? new SideEffectPath(category, chain.With(CallChain.Display(call))) : null;

    public override bool MayFindCall(string simpleName) => _catalogue.MayMatchCall(simpleName);

    public override bool MayFindCreation(string? typeName) => _catalogue.MayMatchCreation(typeName);
}
