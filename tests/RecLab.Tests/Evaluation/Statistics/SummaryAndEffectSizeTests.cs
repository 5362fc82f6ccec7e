using RecLab.Evaluation.Statistics;

namespace RecLab.Tests.Evaluation.Statistics;

public sealed class SummaryAndEffectSizeTests
{
    [Fact]
    public void Summary_skips_undefined_values()
    {
        var s = SampleSummary.Of([1, 2, double.NaN, 3, 4]);
        Assert.Equal(4, s.Count);
        Assert.Equal(1, s.Undefined);
        Assert.Equal(2.5, s.Mean, 12);
        Assert.Equal(1.2909944487358056, s.StandardDeviation, 12); // sqrt(5/3)
        Assert.Equal(1.2909944487358056 / 2, s.StandardError, 12);
        Assert.Equal((1.0, 4.0), (s.Minimum, s.Maximum));
    }

    [Fact]
    public void Summary_of_nothing_is_undefined()
    {
        var s = SampleSummary.Of([double.NaN]);
        Assert.Equal(0, s.Count);
        Assert.True(double.IsNaN(s.Mean) && double.IsNaN(s.StandardDeviation) && double.IsNaN(s.StandardError));
        Assert.True(double.IsNaN(SampleSummary.Of([3.0]).StandardDeviation));
    }

    [Fact]
    public void Cohens_dz_hand_computed()
    {
        // d = 1, 2, 3: mean 2, sd 1.
        Assert.Equal(2.0, EffectSize.CohensDz([1, 2, 3], [0, 0, 0]), 12);
        Assert.Equal(2.0, EffectSize.CohensDz([1, 2, 3, double.NaN], [0, 0, 0, 5]), 12);
    }

    [Fact]
    public void Cohens_d_hand_computed()
    {
        // Means 2 and 4, both sd 1: pooled sd 1, d = −2.
        Assert.Equal(-2.0, EffectSize.CohensD([1, 2, 3], [3, 4, 5]), 12);
        Assert.True(double.IsNaN(EffectSize.CohensD([1], [3, 4, 5])));
    }
}
