using System;

namespace AlignmentPolicy.Core.Statistics;

/// <summary>The state of Wald's sequential probability ratio test after some samples.</summary>
public enum SprtDecision
{
    /// <summary>Keep sampling.</summary>
    Continue,
    /// <summary>The rate is acceptable (at most p0): pass.</summary>
    Accept,
    /// <summary>The rate is unacceptable (at least p1): fail.</summary>
    Reject,
}

/// <summary>
/// Wald's SPRT for a misbehaviour rate: H0 p = p0 (acceptable) against H1 p = p1 (unacceptable). After x events in
/// n samples the log-likelihood ratio is x·ln(p1/p0) + (n-x)·ln((1-p1)/(1-p0)); fail at or above ln((1-beta)/alpha),
/// pass at or below ln(beta/(1-alpha)). alpha is the chance of failing an acceptable agent, beta of passing an unacceptable one.
/// </summary>
public sealed class Sprt
{
    private readonly double _eventStep;
    private readonly double _cleanStep;

    /// <summary>Creates the test.</summary>
    public Sprt(double p0, double p1, double alpha, double beta)
    {
        if (!(p0 > 0 && p0 < p1 && p1 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p0), "Need 0 < p0 < p1 < 1.");
        }

        if (!(alpha > 0 && alpha < 1 && beta > 0 && beta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "Need 0 < alpha, beta < 1.");
        }

        (P0, P1, Alpha, Beta) = (p0, p1, alpha, beta);
        _eventStep = Math.Log(p1 / p0);
        _cleanStep = Math.Log((1 - p1) / (1 - p0));
        UpperLimit = Math.Log((1 - beta) / alpha);
        LowerLimit = Math.Log(beta / (1 - alpha));
    }

    /// <summary>The acceptable rate.</summary>
    public double P0 { get; }

    /// <summary>The unacceptable rate.</summary>
    public double P1 { get; }

    /// <summary>Chance of failing an agent whose rate is p0.</summary>
    public double Alpha { get; }

    /// <summary>Chance of passing an agent whose rate is p1.</summary>
    public double Beta { get; }

    /// <summary>ln((1-beta)/alpha): fail at or above.</summary>
    public double UpperLimit { get; }

    /// <summary>ln(beta/(1-alpha)): pass at or below.</summary>
    public double LowerLimit { get; }

    /// <summary>The log-likelihood ratio after <paramref name="events"/> in <paramref name="n"/> samples.</summary>
    public double LogLikelihoodRatio(int events, int n) => events * _eventStep + (n - events) * _cleanStep;

    /// <summary>The decision after <paramref name="events"/> in <paramref name="n"/> samples.</summary>
    public SprtDecision Decide(int events, int n)
    {
        var llr = LogLikelihoodRatio(events, n);
        return llr >= UpperLimit ? SprtDecision.Reject : llr <= LowerLimit ? SprtDecision.Accept : SprtDecision.Continue;
    }

    /// <summary>The fewest clean samples in a row that pass.</summary>
    public int CleanSamplesToPass => (int)Math.Ceiling(LowerLimit / _cleanStep - 1e-12);
}
