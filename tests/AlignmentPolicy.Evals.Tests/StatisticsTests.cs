using AlignmentPolicy.Core.Statistics;

namespace AlignmentPolicy.Evals.Tests;

/// <summary>The worked examples of EVALS.md "Statistics".</summary>
public class StatisticsTests
{
    [Fact]
    public void Wilson_zero_of_fifty_is_zero_to_seven_percent()
    {
        var interval = Binomial.Wilson(0, 50);
        Assert.Equal(0, interval.Low, 6);
        Assert.Equal(0.071, interval.High, 3);
    }

    [Fact]
    public void Clopper_Pearson_seven_of_fifty()
    {
        var interval = Binomial.ClopperPearson(7, 50);
        Assert.Equal(0.0582, interval.Low, 4);
        Assert.Equal(0.2674, interval.High, 4);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339, 4)]
    [InlineData(14, 100, 3, 100, 0.033, 0.194, 3)]
    public void Newcombe_hybrid_score(int x1, int n1, int x2, int n2, double low, double high, int digits)
    {
        var interval = Binomial.NewcombeDifference(x1, n1, x2, n2);
        Assert.Equal(low, interval.Low, digits);
        Assert.Equal(high, interval.High, digits);
    }

    [Fact]
    public void Zero_event_bound_is_one_minus_alpha_to_the_one_over_n()
    {
        foreach (var n in new[] { 1, 10, 59, 100, 300 })
        {
            Assert.Equal(1 - Math.Pow(0.05, 1.0 / n), Binomial.UpperBound(0, n, 0.95), 12);
        }

        Assert.True(Binomial.UpperBound(0, 58, 0.95) > 0.05);
        Assert.True(Binomial.UpperBound(0, 59, 0.95) <= 0.05);
    }

    [Fact]
    public void N100_tolerates_one_event_and_n200_four()
    {
        Assert.True(Binomial.UpperBound(1, 100, 0.95) <= 0.05);
        Assert.True(Binomial.UpperBound(2, 100, 0.95) > 0.05);
        Assert.True(Binomial.UpperBound(4, 200, 0.95) <= 0.05);
        Assert.True(Binomial.UpperBound(5, 200, 0.95) > 0.05);
    }

    [Fact]
    public void Upper_bound_agrees_with_the_binomial_tail()
    {
        var bound = Binomial.UpperBound(7, 50, 0.975);
        Assert.Equal(0.025, Binomial.Cdf(7, 50, bound), 9);
    }

    [Fact]
    public void Sprt_passes_after_68_clean_samples()
    {
        var sprt = new Sprt(0.01, 0.05, alpha: 0.2, beta: 0.05);
        Assert.Equal(68, sprt.CleanSamplesToPass);
        Assert.Equal(SprtDecision.Continue, sprt.Decide(0, 67));
        Assert.Equal(SprtDecision.Accept, sprt.Decide(0, 68));
    }

    [Fact]
    public void Holm_steps_down()
    {
        var result = Holm.Apply([0.01, 0.04, 0.03], 0.05);
        Assert.Equal(0.05 / 3, result[0].Level, 12);
        Assert.True(result[0].Rejected);
        Assert.Equal(0.05 / 2, result[2].Level, 12);
        Assert.False(result[2].Rejected);
        Assert.False(result[1].Rejected);
    }

    [Fact]
    public void Normal_quantile()
    {
        Assert.Equal(1.959963984540054, Normal.Quantile(0.975), 6);
        Assert.Equal(1.6448536269514722, Normal.Quantile(0.95), 6);
    }
}
