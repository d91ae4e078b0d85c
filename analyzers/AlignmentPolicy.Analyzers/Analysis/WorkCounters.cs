using System.Threading;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>
/// Counts of the analyses' expensive steps, for bench/analyzers/RealRepoCost: on a shared machine the
/// time of a run is noisy, the amount of work is not. Process-wide, reset by the bench between runs; an
/// increment is all it costs the analyzers.
/// </summary>
internal static class WorkCounters
{
    /// <summary>Semantic models the analyses asked for (one per tree at most).</summary>
    public static long SemanticModels;

    /// <summary>Members bound outside the operation being analysed (a body, an initializer, a caller), per call to GetOperation.</summary>
    public static long BoundNodes;

    /// <summary>Names looked up in one tree by the source index (a text search and the syntax above each hit).</summary>
    public static long IndexedTrees;

    /// <summary>Names searched for in every tree's text.</summary>
    public static long TextSearches;

    /// <summary>Source methods whose calls the call graph listed.</summary>
    public static long WalkedMethods;

    /// <summary>Source methods a walk reached but did not bind: no name their syntax spells can be a finding or lead on.</summary>
    public static long SkippedMethods;

    /// <summary>Control-flow graphs built to judge a filter, middleware or delegating client.</summary>
    public static long FlowGraphs;

    /// <summary>Methods of referenced assemblies whose attributes were read to find [SideEffect] methods.</summary>
    public static long AttributeReads;

    /// <summary>Searches of source text for a rule's dispatch names (<see cref="Sources.SpelledNames"/>): one per span and name searched.</summary>
    public static long DispatchNameSearches;

    /// <summary>Calls of ALN0002's actions by the driver (block start and end, operation and symbol actions): the rule's dispatch.</summary>
    public static long ToolRuleCallbacks;

    /// <summary>Calls of ALN0001's actions by the driver (block start, operation actions).</summary>
    public static long ModelCallRuleCallbacks;

    /// <summary>Calls of ALN0005's actions by the driver (block start, operation actions).</summary>
    public static long AutoInvocationRuleCallbacks;

    public static void Count(ref long counter) => Interlocked.Increment(ref counter);

    public static void Reset()
    {
        Interlocked.Exchange(ref SemanticModels, 0);
        Interlocked.Exchange(ref BoundNodes, 0);
        Interlocked.Exchange(ref IndexedTrees, 0);
        Interlocked.Exchange(ref TextSearches, 0);
        Interlocked.Exchange(ref WalkedMethods, 0);
        Interlocked.Exchange(ref SkippedMethods, 0);
        Interlocked.Exchange(ref FlowGraphs, 0);
        Interlocked.Exchange(ref AttributeReads, 0);
        Interlocked.Exchange(ref DispatchNameSearches, 0);
        Interlocked.Exchange(ref ToolRuleCallbacks, 0);
        Interlocked.Exchange(ref ModelCallRuleCallbacks, 0);
        Interlocked.Exchange(ref AutoInvocationRuleCallbacks, 0);
    }

    public static string Summary()
        => $"semantic models {Interlocked.Read(ref SemanticModels)}, bound nodes {Interlocked.Read(ref BoundNodes)}, names found in trees {Interlocked.Read(ref IndexedTrees)}, text searches {Interlocked.Read(ref TextSearches)}, walked methods {Interlocked.Read(ref WalkedMethods)}, skipped methods {Interlocked.Read(ref SkippedMethods)}, flow graphs {Interlocked.Read(ref FlowGraphs)}, attribute reads {Interlocked.Read(ref AttributeReads)}, dispatch name searches {Interlocked.Read(ref DispatchNameSearches)}, ALN0002 callbacks {Interlocked.Read(ref ToolRuleCallbacks)}, ALN0001 callbacks {Interlocked.Read(ref ModelCallRuleCallbacks)}, ALN0005 callbacks {Interlocked.Read(ref AutoInvocationRuleCallbacks)}";
}
