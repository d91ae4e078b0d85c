using System;
using System.Threading;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// The source of base packages that <see cref="PolicyLoader.Load(string)"/> uses: set for the duration of a task or a
/// CLI verb, so every reader of the policy in it (the pack gate, provenance, evaluations) sees the same effective policy
/// without each one passing the source along.
/// </summary>
public static class PolicyBaseSources
{
    private static readonly AsyncLocal<IPolicyBaseSource?> s_current = new();

    /// <summary>The source in force: the one set by <see cref="Use"/>, else the NuGet global packages folder.</summary>
    public static IPolicyBaseSource Current => s_current.Value ?? RestoredPackageBaseSource.GlobalPackagesFolder;

    /// <summary>Uses <paramref name="source"/> until the result is disposed.</summary>
    public static IDisposable Use(IPolicyBaseSource source)
    {
        var previous = s_current.Value;
        s_current.Value = source;
        return new Scope(previous);
    }

    private sealed class Scope : IDisposable
    {
        private readonly IPolicyBaseSource? _previous;

        public Scope(IPolicyBaseSource? previous) => _previous = previous;

        public void Dispose() => s_current.Value = _previous;
    }
}
