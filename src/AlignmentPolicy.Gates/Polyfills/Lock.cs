#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>
/// .NET 8 has no <c>System.Threading.Lock</c>. The compiler turns <c>lock</c> on a type of this name into
/// <see cref="EnterScope"/>; here that takes a monitor, which is what the .NET 9+ type replaces. Lets the same
/// source build for net8.0 and net10.0.
/// </summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    public readonly ref struct Scope
    {
        private readonly object _monitor;

        internal Scope(object monitor) => _monitor = monitor;

        public void Dispose() => Monitor.Exit(_monitor);
    }
}
#endif
