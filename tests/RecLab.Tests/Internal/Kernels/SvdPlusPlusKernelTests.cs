using RecLab.Internal.Kernels;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;

namespace RecLab.Tests.Internal.Kernels;

public sealed class SvdPlusPlusKernelTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public void Composed_y_updates_agree_with_Surprises_per_rating_updates(int factors)
    {
        var data = SgdKernelTests.RandomRatings(25, 30, 15, 11);
        var (p, q, bu, bi) = SgdKernelTests.RandomModel(data, factors, 12);
        var y = new FactorMatrix(data.ItemCount, factors);
        var rng = new RecLab.Randomness.Rng(13);
        y.FillGaussian(ref rng, 0, 0.1f);
        var (p2, q2, y2, bu2, bi2) = (SgdKernelTests.Copy(p), SgdKernelTests.Copy(q), SgdKernelTests.Copy(y), bu.ToArray(), bi.ToArray());
        var rates = new SgdRates(0.007f, 0.007f, 0.007f, 0.007f, 0.02f, 0.02f, 0.02f, 0.02f);
        var schedule = SgdSchedule.Build(data, SgdOrder.UserBlocks, 1, 14);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            var fast = schedule.RunEpoch(epoch, FitContext.Default,
                (us, its, vs) => SvdPlusPlusKernel.Pass(us, its, vs, data.ByUser, p, q, y, bu, bi, 3.5f, rates, 0.01f, 0.03f));
            var naive = schedule.RunEpoch(epoch, FitContext.Default,
                (us, its, vs) => SvdPlusPlusKernelNaive.Pass(us, its, vs, data.ByUser, p2, q2, y2, bu2, bi2, 3.5f, rates, 0.01f, 0.03f));
            Assert.Equal(naive, fast, naive * 1e-4);
        }
        SgdKernelTests.AssertClose(y2.Data, y.Data, 1e-4f);
        SgdKernelTests.AssertClose(p2.Data, p.Data, 1e-4f);
        SgdKernelTests.AssertClose(q2.Data, q.Data, 1e-4f);
        SgdKernelTests.AssertClose(bu2, bu, 1e-4f);
    }

    [Fact]
    public void Ratings_of_a_user_split_apart_are_refused()
    {
        var data = SgdKernelTests.RandomRatings(3, 10, 4, 15);
        var (p, q, bu, bi) = SgdKernelTests.RandomModel(data, 4, 16);
        var y = new FactorMatrix(data.ItemCount, 4);
        var users = data.UserColumn();
        var items = data.ItemColumn.ToArray();
        var values = data.ValueColumn.ToArray();
        Assert.Throws<ArgumentException>(() => SvdPlusPlusKernel.Pass(users.AsSpan(0, users.Length - 1), items.AsSpan(0, items.Length - 1),
            values.AsSpan(0, values.Length - 1), data.ByUser, p, q, y, bu, bi, 3f, default, 0.01f, 0.01f));
    }
}
