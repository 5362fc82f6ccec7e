using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Tests.Internal.Kernels;

public sealed class BprKernelTests
{
    [Theory]
    [InlineData(5, true, true)]
    [InlineData(16, false, true)]
    [InlineData(100, true, false)]
    public void Epoch_agrees_with_the_naive_twin(int factors, bool popularity, bool verify)
    {
        var data = SgdKernelTests.RandomRatings(30, 40, 12, 21).ToImplicit();
        var (p, q, _, bias) = SgdKernelTests.RandomModel(data, factors, 22);
        var (p2, q2, bias2) = (SgdKernelTests.Copy(p), SgdKernelTests.Copy(q), bias.ToArray());
        var users = data.UserColumn();
        int[] negatives = popularity ? data.ItemColumn.ToArray() : Enumerable.Range(0, data.ItemCount).ToArray();
        var fastRng = new Rng(23);
        var naiveRng = new Rng(23);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            var fast = BprKernel.Epoch(ref fastRng, data.Count, users, data.ByUser, negatives, verify, p, q, bias, 0.05f, 0.01f);
            var naive = BprKernelNaive.Epoch(ref naiveRng, data.Count, users, data.ByUser, negatives, verify, p2, q2, bias2, 0.05f, 0.01f);
            Assert.Equal(naive.Skipped, fast.Skipped);
            Assert.Equal(naive.Correct, fast.Correct);
            Assert.Equal(naive.Loss, fast.Loss, naive.Loss * 1e-4);
        }
        SgdKernelTests.AssertClose(p2.Data, p.Data, 1e-4f);
        SgdKernelTests.AssertClose(q2.Data, q.Data, 1e-4f);
        SgdKernelTests.AssertClose(bias2, bias, 1e-4f);
    }

    [Fact]
    public void Verified_negatives_are_never_items_the_user_has()
    {
        // One user who has every item but one: every draw except that item is skipped.
        var b = new InteractionDataBuilder();
        for (var i = 0; i < 9; i++)
            b.Add("u", $"i{i}", 1);
        b.Add("v", "i9", 1);
        var data = b.Build(FeedbackKind.Implicit, null);
        var (p, q, _, bias) = SgdKernelTests.RandomModel(data, 4, 1);
        var rng = new Rng(2);
        var before = q.Row(data.Items.IndexOf("i0")).ToArray();
        var result = BprKernel.Epoch(ref rng, 1000, data.UserColumn(), data.ByUser, Enumerable.Range(0, data.ItemCount).ToArray(), true, p, q, bias, 0.1f, 0);
        Assert.InRange(result.Skipped, 1, 999);
        Assert.NotEqual(before, q.Row(data.Items.IndexOf("i0")).ToArray());
    }

    [Fact]
    public void Fold_in_agrees_with_the_naive_twin()
    {
        var data = SgdKernelTests.RandomRatings(20, 50, 10, 24).ToImplicit();
        var (_, q, _, bias) = SgdKernelTests.RandomModel(data, 20, 25);
        int[] history = [1, 4, 9, 16];
        var pool = data.ItemColumn.ToArray();
        var fast = new float[q.Stride];
        var naive = new float[q.Stride];
        var a = new Rng(26);
        var c = new Rng(26);
        BprKernel.FoldIn(ref a, 400, history, pool, q, bias, 0.05f, 0.01f, fast);
        BprKernelNaive.FoldIn(ref c, 400, history, pool, q, bias, 0.05f, 0.01f, naive);
        SgdKernelTests.AssertClose(naive, fast, 1e-4f);
        Assert.Contains(fast, v => v != 0);
    }

    [Fact]
    public void Loss_is_stable_for_large_scores()
    {
        foreach (var x in new[] { -1000f, -90f, -20f, -1f, 0f, 0.5f, 3f, 20f, 90f, 1000f })
        {
            var exact = x > 0 ? Math.Log(1 + Math.Exp(-(double)x)) : -x + Math.Log(1 + Math.Exp(x));
            var fast = BprKernel.SoftplusOfNegative(x, MathF.Exp(x));
            Assert.True(float.IsFinite(fast), $"x = {x}");
            Assert.Equal(exact, fast, Math.Max(1e-6, exact * 1e-6));
        }
    }
}
