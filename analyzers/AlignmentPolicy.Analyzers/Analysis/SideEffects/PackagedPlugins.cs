using System;
using System.Collections.Generic;
using AlignmentPolicy.Vocabulary;

namespace AlignmentPolicy.Analyzers.Analysis.SideEffects;

/// <summary>
/// The kernel functions of Semantic Kernel's packaged plugins that write (<c>Microsoft.SemanticKernel.Plugins.Core</c>, <c>.Web</c>,
/// <c>.Memory</c>): a project registers the type (<c>kernel.Plugins.AddFromType&lt;FileIOPlugin&gt;()</c>) and the model may call these
/// functions, but their bodies are the package's, so no walk can find the write; this table says what each does. Reads
/// (<c>FileIOPlugin.ReadAsync</c>, <c>HttpPlugin.GetAsync</c>, <c>TextMemoryPlugin.RecallAsync</c>) are not listed.
/// Kept apart from SideEffects.txt on purpose: the catalogue matches calls by method name first, and names such as
/// <c>WriteAsync</c> or <c>SaveAsync</c> would make every body calling <c>Stream.WriteAsync</c> a candidate of every walk; these
/// are asked only of a plugin type a kernel registers.
/// </summary>
internal static class PackagedPlugins
{
    private static readonly Dictionary<string, Plugin> s_byName = Index(
        new Plugin("Microsoft.SemanticKernel.Plugins.Core", "FileIOPlugin", ("WriteAsync", SideEffectVocabulary.FileSystem)),
        new Plugin("Microsoft.SemanticKernel.Plugins.Core", "HttpPlugin", ("PostAsync", SideEffectVocabulary.Http), ("PutAsync", SideEffectVocabulary.Http), ("DeleteAsync", SideEffectVocabulary.Http)),
        new Plugin("Microsoft.SemanticKernel.Plugins.Web", "WebFileDownloadPlugin", ("DownloadToFileAsync", SideEffectVocabulary.FileSystem)),
        new Plugin("Microsoft.SemanticKernel.Plugins.Memory", "TextMemoryPlugin", ("SaveAsync", SideEffectVocabulary.Memory), ("RemoveAsync", SideEffectVocabulary.Memory)),
        // Kernel Memory's plugin (Microsoft.KernelMemory.SemanticKernelPlugin): stores text, files and web pages, and deletes documents.
        // Many projects name a plugin of their own MemoryPlugin: known by name only where the file imports the package's namespace.
        new Plugin("Microsoft.KernelMemory", "MemoryPlugin", ("SaveAsync", SideEffectVocabulary.Memory), ("SaveFileAsync", SideEffectVocabulary.Memory),
            ("SaveWebPageAsync", SideEffectVocabulary.Memory), ("DeleteAsync", SideEffectVocabulary.Memory)).ByNameOnlyWhereImported());

    /// <summary>
    /// The writing functions of the packaged plugin a type is, or null. A bound type must be the package's (its namespace too); a type
    /// that does not resolve here (a scan without the plugins package) is known only by the name it is spelled with.
    /// </summary>
    /// <remarks>For a type that does not resolve, <paramref name="imports"/> says whether the registering file imports a namespace
    /// (<c>using Microsoft.KernelMemory;</c>); it is asked only of a plugin whose name alone is common.</remarks>
    public static Plugin? Find(string typeName, string? containingNamespace, Func<string, bool>? imports = null)
        => s_byName.TryGetValue(typeName, out var plugin)
            && (containingNamespace is null ? !plugin.NameNeedsImport || imports?.Invoke(plugin.Namespace) == true : plugin.Namespace == containingNamespace)
            ? plugin
            : null;

    private static Dictionary<string, Plugin> Index(params Plugin[] plugins)
    {
        var index = new Dictionary<string, Plugin>(StringComparer.Ordinal);
        foreach (var plugin in plugins)
        {
            index.Add(plugin.TypeName, plugin);
        }

        return index;
    }

    internal sealed class Plugin
    {
        public Plugin(string ns, string typeName, params (string Function, string Category)[] writes)
        {
            Namespace = ns;
            TypeName = typeName;
            Writes = writes;
        }

        public string Namespace { get; }

        public string TypeName { get; }

        /// <summary>The name is one projects give their own plugins too: a type that does not resolve is this one only where its namespace is imported.</summary>
        public bool NameNeedsImport { get; private set; }

        public Plugin ByNameOnlyWhereImported()
        {
            NameNeedsImport = true;
            return this;
        }

        /// <summary>The functions that write, in the order the package declares them, with their side-effect categories.</summary>
        public IReadOnlyList<(string Function, string Category)> Writes { get; }
    }
}
