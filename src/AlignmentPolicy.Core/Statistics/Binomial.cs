using System;

namespace AlignmentPolicy.Core.Statistics;

/// <summary>
/// Exact binomial probabilities and intervals (EVALS.md "Statistics"). Pure functions. In Core (netstandard2.0, no
/// dependencies) so the harness that computes results and the pack gate and <c>verify</c> that recompute them run one implementation.
/// </summary>
public static class Binomial
{
    /// <summary>P(X &lt;= x) for X ~ Binomial(n, p), summed in log space so large n cannot underflow.</summary>
    public static double Cdf(int x, int n, double p)
    {
        Check(x, n);
        if (x >= n || p <= 0)
        {
            return 1;
        }

        if (p >= 1)
        {
            return 0;
        }

        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);
        var logTerm = n * logQ; // log pmf(0)
        var max = logTerm;
        var terms = new double[x + 1];
        terms[0] = logTerm;
        for (var k = 0; k < x; k++)
        {
            logTerm += Math.Log((double)(n - k) / (k + 1)) + logP - logQ;
            terms[k + 1] = logTerm;
            max = Math.Max(max, logTerm);
        }

        double sum = 0;
        foreach (var term in terms)
        {
            sum += Math.Exp(term - max);
        }

        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>The exact (Clopper-Pearson) one-sided upper bound at <paramref name="confidence"/>:
    /// the p at which P(X &lt;= x) = 1 - confidence. With x = 0 it is 1 - alpha^(1/n).</summary>
    public static double UpperBound(int x, int n, double confidence)
    {
        Check(x, n);
        if (n == 0 || x >= n)
        {
            return 1;
        }

        var alpha = 1 - confidence;
        if (x == 0)
        {
            return 1 - Math.Pow(alpha, 1.0 / n);
        }

        // Cdf(x; n, p) falls as p grows: bisect.
        double low = (double)x / n, high = 1;
        for (var i = 0; i < 200 && high - low > 1e-13; i++)
        {
            var mid = (low + high) / 2;
            if (Cdf(x, n, mid) > alpha)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>The exact (Clopper-Pearson) one-sided lower bound at <paramref name="confidence"/>.</summary>
    public static double LowerBound(int x, int n, double confidence)
    {
        Check(x, n);
        return x == 0 ? 0 : 1 - UpperBound(n - x, n, confidence);
    }

    /// <summary>The two-sided exact (Clopper-Pearson) interval at <paramref name="confidence"/>.</summary>
    public static Interval ClopperPearson(int x, int n, double confidence = 0.95)
    {
        var tail = 1 - (1 - confidence) / 2;
        return new Interval(LowerBound(x, n, tail), UpperBound(x, n, tail));
    }

    /// <summary>The one-sided exact p-value of "the rate is at least <paramref name="maxRate"/>": P(X &lt;= x | maxRate).
    /// The upper bound at confidence c is at or below maxRate exactly when this is at or below 1 - c.</summary>
    public static double PValueBelow(int x, int n, double maxRate) => n == 0 ? 1 : Cdf(x, n, maxRate);

    /// <summary>The Wilson score interval: centre (p + z²/2n)/(1 + z²/n), half-width z·sqrt(p(1-p)/n + z²/4n²)/(1 + z²/n).</summary>
    public static Interval Wilson(int x, int n, double confidence = 0.95)
    {
        Check(x, n);
        if (n == 0)
        {
            return new Interval(0, 1);
        }

        var z = Normal.Quantile(1 - (1 - confidence) / 2);
        return WilsonZ(x, n, z);
    }

    internal static Interval WilsonZ(int x, int n, double z)
    {
        var p = (double)x / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2.0 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Newcombe's hybrid score interval for p1 - p2 (his method 10), from the two Wilson intervals.</summary>
    public static Interval NewcombeDifference(int x1, int n1, int x2, int n2, double confidence = 0.95)
    {
        Check(x1, n1);
        Check(x2, n2);
        if (n1 == 0 || n2 == 0)
        {
            return new Interval(-1, 1);
        }

        var z = Normal.Quantile(1 - (1 - confidence) / 2);
        return NewcombeZ(x1, n1, x2, n2, z);
    }

    /// <summary>The one-sided upper limit of p1 - p2 at <paramref name="confidence"/> (Newcombe with z of 1 - alpha).</summary>
    public static double NewcombeUpper(int x1, int n1, int x2, int n2, double confidence)
        => n1 == 0 || n2 == 0 ? 1 : NewcombeZ(x1, n1, x2, n2, Normal.Quantile(confidence)).High;

    private static Interval NewcombeZ(int x1, int n1, int x2, int n2, double z)
    {
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2;
        var w1 = WilsonZ(x1, n1, z);
        var w2 = WilsonZ(x2, n2, z);
        var d = p1 - p2;
        var low = d - Math.Sqrt((p1 - w1.Low) * (p1 - w1.Low) + (w2.High - p2) * (w2.High - p2));
        var high = d + Math.Sqrt((w1.High - p1) * (w1.High - p1) + (p2 - w2.Low) * (p2 - w2.Low));
        return new Interval(Math.Max(-1, low), Math.Min(1, high));
    }

    private static void Check(int x, int n)
    {
        if (n < 0 || x < 0 || x > n)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Need 0 <= x <= n, got x={x}, n={n}.");
        }
    }
}

/// <summary>A closed interval.</summary>
public readonly struct Interval : IEquatable<Interval>
{
    /// <summary>Creates the interval [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public Interval(double low, double high)
    {
        Low = low;
        High = high;
    }

    /// <summary>The lower end.</summary>
    public double Low { get; }

    /// <summary>The upper end.</summary>
    public double High { get; }

    /// <inheritdoc />
    public bool Equals(Interval other) => Low.Equals(other.Low) && High.Equals(other.High);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Interval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Low.GetHashCode() * 397) ^ High.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"[{Low}, {High}]";
}
