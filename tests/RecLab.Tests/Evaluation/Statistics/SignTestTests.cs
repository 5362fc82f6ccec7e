using RecLab.Evaluation.Statistics;

namespace RecLab.Tests.Evaluation.Statistics;

public sealed class SignTestTests
{
    [Fact]
    public void Exact_binomial_by_hand()
    {
        // 2 · Σ_{k≤5} C(20, k) / 2^20 = 2 · 21700 / 1048576 = 0.04138947 (R: binom.test(15, 20)$p.value).
        var r = SignificanceTests.SignTest(15, 5);
        Assert.Equal(0.04138947, r.PValue, 1e-7);
        Assert.Equal(0.75, r.EffectSize, 12);
        Assert.Equal(20, r.N);
        Assert.Equal(r.PValue, SignificanceTests.SignTest(5, 15).PValue, 12);
        Assert.Equal(1.0, SignificanceTests.SignTest(7, 7).PValue);
        Assert.Equal(1.0, SignificanceTests.SignTest(0, 0).PValue);
    }
}
