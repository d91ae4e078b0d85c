using System;
using System.Linq;
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

    /// <summary>Bodies walked for what they do with their locals (<see cref="LocalValues"/>: values, calls on them, references), once per body.</summary>
    public static long BodyWalks;

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

    // Per callback kind (Callback): the binds and call-graph walks done while one of the rules' callbacks of that kind ran on
    // this thread. A cached answer is charged to the callback that asked first (RealRepoCost analyses one compilation at a
    // time, without concurrent execution, so the same callback asks first in every run).
    private static readonly long[] s_bindsBy = new long[Enum.GetValues(typeof(Callback)).Length];
    private static readonly long[] s_walksBy = new long[Enum.GetValues(typeof(Callback)).Length];

    [ThreadStatic]
    private static Callback t_running;

    /// <summary>The kinds of the rules' callbacks, to say which of them binds members and walks the call graph.</summary>
    public enum Callback
    {
        None,
        ToolBlockEnd,
        ToolInvocation,
        ToolCreation,
        ToolInvalid,
        ModelInvocation,
        ModelInvalid,
        AutoInvocation,
        AutoCreation,
        AutoInvalid,
        AutoPropertyOrTest,
    }

    public static void Count(ref long counter) => Interlocked.Increment(ref counter);

    /// <summary>Marks the work done on this thread until the scope is disposed as done by a callback of this kind.</summary>
    public static Running Run(Callback callback)
    {
        var outer = t_running;
        t_running = callback;
        return new Running(outer);
    }

    /// <summary>A member bound outside the operation being analysed (<see cref="BoundNodes"/>), charged to the running callback.</summary>
    public static void CountBind()
    {
        Interlocked.Increment(ref BoundNodes);
        Interlocked.Increment(ref s_bindsBy[(int)t_running]);
    }

    /// <summary>A source method whose calls the call graph listed (<see cref="WalkedMethods"/>), charged to the running callback.</summary>
    public static void CountWalk()
    {
        Interlocked.Increment(ref WalkedMethods);
        Interlocked.Increment(ref s_walksBy[(int)t_running]);
    }

    public static void Reset()
    {
        Interlocked.Exchange(ref SemanticModels, 0);
        Interlocked.Exchange(ref BoundNodes, 0);
        Interlocked.Exchange(ref IndexedTrees, 0);
        Interlocked.Exchange(ref TextSearches, 0);
        Interlocked.Exchange(ref BodyWalks, 0);
        Interlocked.Exchange(ref WalkedMethods, 0);
        Interlocked.Exchange(ref SkippedMethods, 0);
        Interlocked.Exchange(ref FlowGraphs, 0);
        Interlocked.Exchange(ref AttributeReads, 0);
        Interlocked.Exchange(ref DispatchNameSearches, 0);
        Interlocked.Exchange(ref ToolRuleCallbacks, 0);
        Interlocked.Exchange(ref ModelCallRuleCallbacks, 0);
        Interlocked.Exchange(ref AutoInvocationRuleCallbacks, 0);
        for (var i = 0; i < s_bindsBy.Length; i++)
        {
            Interlocked.Exchange(ref s_bindsBy[i], 0);
            Interlocked.Exchange(ref s_walksBy[i], 0);
        }
    }

    public static string Summary()
        => $"semantic models {Interlocked.Read(ref SemanticModels)}, bound nodes {Interlocked.Read(ref BoundNodes)}, names found in trees {Interlocked.Read(ref IndexedTrees)}, text searches {Interlocked.Read(ref TextSearches)}, body walks {Interlocked.Read(ref BodyWalks)}, walked methods {Interlocked.Read(ref WalkedMethods)}, skipped methods {Interlocked.Read(ref SkippedMethods)}, flow graphs {Interlocked.Read(ref FlowGraphs)}, attribute reads {Interlocked.Read(ref AttributeReads)}, dispatch name searches {Interlocked.Read(ref DispatchNameSearches)}, ALN0002 callbacks {Interlocked.Read(ref ToolRuleCallbacks)}, ALN0001 callbacks {Interlocked.Read(ref ModelCallRuleCallbacks)}, ALN0005 callbacks {Interlocked.Read(ref AutoInvocationRuleCallbacks)}"
            + $"; bound nodes by callback: {ByCallback(s_bindsBy)}; walked methods by callback: {ByCallback(s_walksBy)}";

    private static string ByCallback(long[] counts)
    {
        var parts = Enumerable.Range(0, counts.Length).Where(i => Interlocked.Read(ref counts[i]) > 0).Select(i => $"{(Callback)i} {Interlocked.Read(ref counts[i])}").ToArray();
        return parts.Length == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>The scope of <see cref="Run"/>: restores the callback kind that ran before.</summary>
    public readonly struct Running : IDisposable
    {
        private readonly Callback _outer;

        public Running(Callback outer) => _outer = outer;

        public void Dispose() => t_running = _outer;
    }
}
