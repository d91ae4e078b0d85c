using System.Runtime.InteropServices;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Runs hostile input where a regression shows as a test failure, not a dead or stuck test host: on a thread with a
/// small stack (a parser that recursed per level of nesting would need far more than the limits allow) and with a
/// deadline (a read of a FIFO or a backtracking match would never return). The deadline catches hangs; it is not
/// a speed assertion.
/// </summary>
internal static class Guard
{
    public const int SmallStack = 256 * 1024;

    public static T Run<T>(Func<T> work, int deadlineSeconds = 60)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, SmallStack) { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(deadlineSeconds)), $"still running after {deadlineSeconds} s: a hang");
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException($"threw {failure}");
        }

        return result;
    }

    /// <summary>Creates a FIFO (named pipe); Unix only.</summary>
    public static void MakeFifo(string path)
    {
        Assert.Equal(0, mkfifo(path, Convert.ToUInt32("644", 8)));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);
}

/// <summary>A fact that needs FIFOs, devices and symbolic links (Linux, macOS).</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "FIFOs, devices and Unix sockets are Unix file types.";
        }
    }
}
