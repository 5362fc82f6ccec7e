using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Tests.Internal.Kernels;

public sealed class SparseDenseTests
{
    private static InteractionData RandomData(ulong seed)
    {
        var rng = new Rng(seed);
        var b = new InteractionDataBuilder();
        for (var u = 0; u < 37; u++)
            for (var i = 0; i < 23; i++)
                if (rng.NextDouble() < 0.3)
                    b.Add($"u{u}", $"i{i}", 1 + rng.NextInt(5));
        return b.Build(FeedbackKind.Explicit, RatingScale.OneToFive);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(13, 2)]
    [InlineData(40, 4)]
    public void Sparse_times_dense_agrees_with_the_naive_twin_both_ways(int k, int threads)
    {
        var data = RandomData((ulong)k);
        var rng = new Rng(9);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        // R·B through the by-user view, Rᵀ·B through the by-item view.
        foreach (var a in new[] { data.ByUser, data.ByItem })
        {
            var b = Enumerable.Range(0, a.ColumnCount * k).Select(_ => (float)rng.NextGaussian()).ToArray();
            var c = new float[a.RowCount * k];
            SparseDense.Multiply(a, b, k, c, parallel);
            var expected = SparseDenseNaive.Multiply(a, b, k);
            for (var t = 0; t < c.Length; t++)
                Assert.Equal(expected[t], c[t], 3);
        }
    }

    [Fact]
    public void Pattern_gram_counts_co_occurrences_like_the_naive_twin()
    {
        var data = RandomData(3);
        var n = data.ItemCount;
        var g = new float[n * n];
        SparseDense.PatternGram(data.ByUser, data.ByItem, Enumerable.Range(0, n).ToArray(), n, g, new ParallelOptions());
        Assert.Equal(SparseDenseNaive.PatternGram(data.ByUser), g);
    }
}
