using System.Globalization;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Fuzz runs: a fixed seed and a few thousand cases in CI; <c>ALIGNMENT_POLICY_FUZZ_CASES</c> and
/// <c>ALIGNMENT_POLICY_FUZZ_SEED</c> set a longer or different run (bench/fuzz/results-and-packages.md).
/// </summary>
internal static class FuzzSettings
{
    public static int Cases(int ciDefault)
        => int.TryParse(Environment.GetEnvironmentVariable("ALIGNMENT_POLICY_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var cases) && cases > 0 ? cases : ciDefault;

    public static int Seed(int ciDefault)
        => int.TryParse(Environment.GetEnvironmentVariable("ALIGNMENT_POLICY_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : ciDefault;

    /// <summary>The process's CPU time so far (run one fuzz test alone for clean figures): on a shared machine wall time says more about the neighbours than about the code.</summary>
    public static TimeSpan CpuTime() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Counts of outcomes, printed so a long run's figures can be reported.</summary>
    public static string Summary(string what, int cases, int seed, TimeSpan elapsed, TimeSpan cpu, IDictionary<string, int> outcomes)
        => $"{what}: {cases} cases, seed {seed}, {elapsed.TotalSeconds:0.0} s wall, {cpu.TotalSeconds:0.0} s CPU ({cpu.TotalMilliseconds / cases:0.000} ms CPU per case); "
           + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"));
}
