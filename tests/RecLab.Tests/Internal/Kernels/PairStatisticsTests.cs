using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Tests.Internal.Kernels;

public sealed class PairStatisticsTests
{
    /// <summary>A random sparse matrix with half-star values (sums stay exact in double).</summary>
    private static (CsrMatrix Rows, CsrMatrix Columns) RandomMatrix(ulong seed, int n, int m, double density)
    {
        var rng = new Rng(seed);
        var offsets = new List<int> { 0 };
        var indices = new List<int>();
        var values = new List<float>();
        for (var x = 0; x < n; x++)
        {
            for (var y = 0; y < m; y++)
            {
                if (rng.NextDouble() >= density)
                    continue;
                indices.Add(y);
                values.Add(0.5f * (1 + rng.NextInt(10)));
            }
            offsets.Add(indices.Count);
        }
        var rows = new CsrMatrix(n, m, [.. offsets], [.. indices], [.. values]);
        return (rows, rows.Transpose());
    }

    public static TheoryData<int, int, int> Cases() => new()
    {
        { (int)PairMeasure.Cosine, 1, 0 },
        { (int)PairMeasure.Msd, 1, 0 },
        { (int)PairMeasure.Pearson, 2, 0 },
        { (int)PairMeasure.MeanDifference, 1, 0 },
        { (int)PairMeasure.Dot, 1, 3 },
        { (int)PairMeasure.Cosine, 3, 5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sparse_and_dense_results_agree_with_the_naive_twin(int measure, int minSupport, int topK)
    {
        foreach (var seed in new ulong[] { 1, 2, 3 })
        {
            var (rows, columns) = RandomMatrix(seed, 37, 23, 0.25);
            foreach (var shrinkage in new[] { 0f, 10f })
            {
                var settings = new PairSettings((PairMeasure)measure, minSupport, shrinkage, PositiveOnly: measure != (int)PairMeasure.MeanDifference,
                    KeepCounts: true, TopK: topK);
                var naive = PairStatisticsNaive.Compute(rows, columns, settings);
                var sparse = PairStatistics.Compute(rows, columns, settings, new ParallelOptions { MaxDegreeOfParallelism = 3 });
                var dense = PairStatistics.Compute(rows, columns, settings with { Dense = true }, new ParallelOptions { MaxDegreeOfParallelism = 1 });
                Assert.False(sparse.IsDense);
                Assert.True(dense.IsDense);
                Assert.Equal(naive.StoredCount, sparse.StoredCount);
                for (var x = 0; x < rows.RowCount; x++)
                {
                    for (var x2 = 0; x2 < rows.RowCount; x2++)
                    {
                        var expected = naive.Get(x, x2);
                        Assert.Equal(expected, sparse.Get(x, x2), 5);
                        Assert.Equal(expected, dense.Get(x, x2), 5);
                    }
                }
            }
        }
    }

    [Fact]
    public void Gather_agrees_with_one_lookup_per_column()
    {
        var (rows, columns) = RandomMatrix(9, 60, 15, 0.3);
        var matrix = PairStatistics.Compute(rows, columns, new PairSettings(PairMeasure.Msd, KeepCounts: true), new ParallelOptions());
        var rng = new Rng(4);
        for (var trial = 0; trial < 200; trial++)
        {
            var row = rng.NextInt(60);
            var candidates = Enumerable.Range(0, 60).Where(_ => rng.NextDouble() < 0.4).ToArray();
            var fast = new float[candidates.Length];
            var counts = new int[candidates.Length];
            var naive = new float[candidates.Length];
            matrix.Gather(row, candidates, fast, counts);
            PairMatrixNaive.Gather(matrix, row, candidates, naive);
            Assert.Equal(naive, fast);
            for (var k = 0; k < candidates.Length; k++)
                Assert.Equal(float.IsNaN(naive[k]) ? 0 : rows.RowIndices(row).ToArray().Intersect(rows.RowIndices(candidates[k]).ToArray()).Count(), counts[k]);
        }
    }

    [Fact]
    public void A_different_column_side_makes_the_dot_product_asymmetric()
    {
        // Row side: x0 = (1, 2), x1 = (3, -). Column side: x0 = (1, 4), x1 = (9, -).
        // x0 -> x1 over y0: 1 * 9 = 9; x1 -> x0 over y0: 3 * 1 = 3.
        var rows = new CsrMatrix(2, 2, [0, 2, 3], [0, 1, 0], [1f, 2f, 3f]);
        var columns = new CsrMatrix(2, 2, [0, 2, 3], [0, 1, 0], [1f, 9f, 4f]);
        var m = PairStatistics.Compute(rows, columns, new PairSettings(PairMeasure.Dot), new ParallelOptions());
        Assert.Equal(9f, m.Get(0, 1));
        Assert.Equal(3f, m.Get(1, 0));
    }
}
