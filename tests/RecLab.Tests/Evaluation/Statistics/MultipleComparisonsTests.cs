using RecLab.Evaluation.Statistics;
using TestResult = RecLab.Evaluation.Statistics.TestResult;

namespace RecLab.Tests.Evaluation.Statistics;

public sealed class MultipleComparisonsTests
{
    [Fact]
    public void Holm_hand_example()
    {
        // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 -> max(0.06, 0.04) = 0.06 (monotone step-down).
        var adjusted = MultipleComparisons.Holm([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Holm_caps_at_one_and_skips_undefined_p_values()
    {
        Assert.Equal([1.0, 1.0], MultipleComparisons.Holm([0.5, 0.6]));
        // m = 2 defined p-values: 0.01·2 = 0.02, then max(0.02, 0.02·1).
        var adjusted = MultipleComparisons.Holm([0.01, double.NaN, 0.02]);
        Assert.Equal(0.02, adjusted[0], 12);
        Assert.True(double.IsNaN(adjusted[1]));
        Assert.Equal(0.02, adjusted[2], 12);
        Assert.Empty(MultipleComparisons.Holm(ReadOnlySpan<double>.Empty));
    }

    [Fact]
    public void Holm_rejects_values_outside_the_unit_interval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.Holm([0.1, 1.5]));
    }

    [Fact]
    public void Holm_on_test_results_fills_the_adjusted_p_value()
    {
        TestResult[] family =
        [
            new("paired-t", 1, 0.01, 0, 0, 10),
            new("paired-t", 1, 0.04, 0, 0, 10),
        ];
        Assert.True(double.IsNaN(family[0].AdjustedPValue));
        var adjusted = MultipleComparisons.Holm(family);
        Assert.Equal(0.02, adjusted[0].AdjustedPValue, 12);
        Assert.Equal(0.04, adjusted[1].AdjustedPValue, 12);
        Assert.Equal(0.01, adjusted[0].PValue);
    }
}
