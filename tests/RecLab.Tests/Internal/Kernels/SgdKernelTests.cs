using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;

namespace RecLab.Tests.Internal.Kernels;

public sealed class SgdKernelTests
{
    /// <summary>Random ratings over a small id space, with some users and items left without any.</summary>
    internal static InteractionData RandomRatings(int users, int items, int perUser, ulong seed)
    {
        var rng = new Rng(seed);
        var b = new InteractionDataBuilder();
        for (var u = 0; u < users; u++)
        {
            var count = rng.NextInt(1, perUser + 1);
            for (var k = 0; k < count; k++)
                b.Add($"u{u}", $"i{rng.NextInt(items)}", 0.5f + 0.5f * rng.NextInt(10));
        }
        return b.Build(FeedbackKind.Explicit, RatingScale.HalfToFive);
    }

    internal static (FactorMatrix P, FactorMatrix Q, float[] Bu, float[] Bi) RandomModel(InteractionData data, int factors, ulong seed)
    {
        var rng = new Rng(seed);
        var p = new FactorMatrix(data.UserCount, factors);
        var q = new FactorMatrix(data.ItemCount, factors);
        p.FillGaussian(ref rng, 0, 0.1f);
        q.FillGaussian(ref rng, 0, 0.1f);
        return (p, q, new float[data.UserCount], new float[data.ItemCount]);
    }

    internal static FactorMatrix Copy(FactorMatrix m)
    {
        var c = new FactorMatrix(m.Rows, m.Factors);
        m.Data.CopyTo(c.Data, 0);
        return c;
    }

    internal static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance * (1 + Math.Abs(expected[k])), $"at {k}: expected {expected[k]}, got {actual[k]}");
    }

    private static readonly SgdRates Rates = new(0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f, 0.08f);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(32)]
    [InlineData(40)]
    [InlineData(100)]
    public void Pass_agrees_with_the_naive_twin(int factors)
    {
        var data = RandomRatings(30, 25, 12, 1);
        var (p, q, bu, bi) = RandomModel(data, factors, 2);
        var (p2, q2, bu2, bi2) = (Copy(p), Copy(q), bu.ToArray(), bi.ToArray());
        var schedule = SgdSchedule.Build(data, SgdOrder.UserBlocks, 1, 3);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            var fast = schedule.RunEpoch(epoch, FitContext.Default, (us, its, vs) => SgdKernel.Pass(us, its, vs, p, q, bu, bi, 3.5f, Rates));
            var naive = schedule.RunEpoch(epoch, FitContext.Default, (us, its, vs) => SgdKernelNaive.Pass(us, its, vs, p2, q2, bu2, bi2, 3.5f, Rates));
            Assert.Equal(naive, fast, naive * 1e-4);
        }
        AssertClose(p2.Data, p.Data, 1e-4f);
        AssertClose(q2.Data, q.Data, 1e-4f);
        AssertClose(bu2, bu, 1e-4f);
        AssertClose(bi2, bi, 1e-4f);
        // The padding never leaves zero.
        for (var r = 0; r < p.Rows; r++)
            Assert.All(p.Row(r)[factors..].ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_rating_repeated_back_to_back_reads_the_updated_item_row()
    {
        // The fast pass computes the next dot product inside the update when the user repeats; with the item repeated
        // too it must see q_i after the update, as the naive loop does.
        var data = RandomRatings(3, 4, 3, 10);
        var (p, q, bu, bi) = RandomModel(data, 20, 11);
        var (p2, q2, bu2, bi2) = (Copy(p), Copy(q), bu.ToArray(), bi.ToArray());
        int[] users = [0, 0, 0, 1, 1, 0, 2];
        int[] items = [2, 2, 3, 2, 2, 1, 1];
        float[] values = [5, 4, 1, 2, 3, 4.5f, 0.5f];
        var fast = SgdKernel.Pass(users, items, values, p, q, bu, bi, 3.5f, Rates);
        var naive = SgdKernelNaive.Pass(users, items, values, p2, q2, bu2, bi2, 3.5f, Rates);
        Assert.Equal(naive, fast, naive * 1e-5);
        AssertClose(p2.Data, p.Data, 1e-5f);
        AssertClose(q2.Data, q.Data, 1e-5f);
        AssertClose(bu2, bu, 1e-5f);
        AssertClose(bi2, bi, 1e-5f);
    }

    [Fact]
    public void A_rating_outside_the_factors_is_refused()
    {
        var data = RandomRatings(3, 4, 3, 12);
        var (p, q, bu, bi) = RandomModel(data, 8, 13);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SgdKernel.Pass([0, 0, 1], [1, q.Rows, 0], [1f, 2f, 3f], p, q, bu, bi, 3f, Rates));
        Assert.Contains("Rating 1", e.Message);
    }

    [Fact]
    public void Unbiased_pass_leaves_the_biases_alone()
    {
        var data = RandomRatings(10, 10, 5, 4);
        var (p, q, bu, bi) = RandomModel(data, 4, 5);
        var rates = Rates with { Biased = false };
        SgdSchedule.Build(data, SgdOrder.UserBlocks, 1, 3).RunEpoch(0, FitContext.Default, (us, its, vs) => SgdKernel.Pass(us, its, vs, p, q, bu, bi, 0, rates));
        Assert.All(bu, b => Assert.Equal(0f, b));
        Assert.All(bi, b => Assert.Equal(0f, b));
    }

    [Fact]
    public void Fold_in_agrees_with_the_naive_twin_and_leaves_items_alone()
    {
        var data = RandomRatings(20, 40, 5, 6);
        var (_, q, _, bi) = RandomModel(data, 13, 7);
        for (var i = 0; i < bi.Length; i++)
            bi[i] = 0.1f * (i % 5) - 0.2f;
        var before = q.Data.ToArray();
        int[] items = [3 % q.Rows, 17 % q.Rows, 8 % q.Rows, 30 % q.Rows, 1];
        float[] targets = [5, 1, 4, 2.5f, 3];
        var fast = new float[q.Stride];
        var naive = new float[q.Stride];
        float fastBias = 0, naiveBias = 0;
        SgdKernel.FoldIn(items, targets, q, bi, 3f, Rates, 10, fast, ref fastBias);
        SgdKernelNaive.FoldIn(items, targets, q, bi, 3f, Rates, 10, naive, ref naiveBias);
        AssertClose(naive, fast, 1e-5f);
        Assert.Equal(naiveBias, fastBias, 1e-5f);
        Assert.Equal(before, q.Data);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(100)]
    public void Scoring_agrees_with_the_naive_twin(int factors)
    {
        var data = RandomRatings(3, 200, 5, 8);
        var (p, q, _, bi) = RandomModel(data, factors, 9);
        for (var i = 0; i < bi.Length; i++)
            bi[i] = 0.01f * i;
        var fast = new float[q.Rows];
        var naive = new float[q.Rows];
        q.Score(p.Row(1), bi, 3.25f, fast);
        DenseNaive.MatVec(q.Data, q.Rows, q.Stride, p.Row(1)[..factors], naive);
        for (var i = 0; i < naive.Length; i++)
            naive[i] += 3.25f + bi[i];
        AssertClose(naive, fast, 1e-5f);
        q.Score(p.Row(2), [], 0f, fast);
        DenseNaive.MatVec(q.Data, q.Rows, q.Stride, p.Row(2)[..factors], naive);
        AssertClose(naive, fast, 1e-5f);
    }
}
