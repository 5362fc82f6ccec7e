using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Tests.Internal.Kernels;

public sealed class NeighborSumsTests
{
    // A symmetric similarity matrix with absent pairs (NaN), non-positive ones, and many ties (values on a coarse
    // grid, 1.0 included) so selection by index is exercised; dense or as sparse rows.
    private static PairMatrix RandomSimilarities(int n, ulong seed, bool dense)
    {
        var rng = new Rng(seed);
        var values = new float[n * n];
        Array.Fill(values, float.NaN);
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                if (rng.NextDouble() < 0.6)
                    values[i * n + j] = values[j * n + i] = rng.NextInt(-2, 9) / 8f;
        if (dense)
            return PairMatrix.FromDense(n, values, null);
        var indices = new int[n][];
        var rows = new float[n][];
        for (var i = 0; i < n; i++)
        {
            var columns = Enumerable.Range(0, n).Where(j => !float.IsNaN(values[i * n + j])).ToArray();
            indices[i] = columns;
            rows[i] = columns.Select(j => values[i * n + j]).ToArray();
        }
        return PairMatrix.FromRows(n, indices, rows, null, new int[n], indices.Select(c => c.Length).ToArray());
    }

    [Theory]
    [InlineData(false, 5, 3)]   // history shorter than k: no selection
    [InlineData(false, 5, 30)]
    [InlineData(true, 5, 30)]
    [InlineData(false, 1, 40)]
    [InlineData(false, 20, 80)]
    [InlineData(true, 12, 70)]
    public void Sums_agree_with_selecting_per_target(bool dense, int k, int historyLength)
    {
        const int n = 90;
        var similarities = RandomSimilarities(n, (ulong)(k * 100 + historyLength), dense);
        var rng = new Rng(7);
        var history = Enumerable.Range(0, n).Where(_ => rng.NextDouble() < historyLength / (double)n).ToArray();
        var deviations = history.Select(_ => rng.NextDouble() * 4 - 2).ToArray();

        var counts = new int[n];
        var sumSim = new double[n];
        var sumWeighted = new double[n];
        NeighborSums.Compute(similarities, history, deviations, k, counts, sumSim, sumWeighted);
        var naiveCounts = new int[n];
        var naiveSim = new double[n];
        var naiveWeighted = new double[n];
        NeighborSumsNaive.Compute(similarities, history, deviations, k, naiveCounts, naiveSim, naiveWeighted);

        Assert.Equal(naiveCounts, counts);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(naiveSim[i], sumSim[i], 1e-9);
            Assert.Equal(naiveWeighted[i], sumWeighted[i], 1e-9);
        }
        if (history.Length > k)
            Assert.Equal(k, counts.Max()); // some target had more candidates than places: selection was exercised
    }

    [Fact]
    public void Equal_similarities_go_to_the_lower_item()
    {
        // Target 0 sees items 1..4 all at similarity 0.5; with k = 2 the neighbours are items 1 and 2.
        const int n = 5;
        var values = new float[n * n];
        Array.Fill(values, float.NaN);
        for (var j = 1; j < n; j++)
            values[j] = values[j * n] = 0.5f;
        var similarities = PairMatrix.FromDense(n, values, null);
        int[] history = [1, 2, 3, 4];
        double[] deviations = [1, 10, 100, 1000];
        var counts = new int[n];
        var sumSim = new double[n];
        var sumWeighted = new double[n];
        NeighborSums.Compute(similarities, history, deviations, 2, counts, sumSim, sumWeighted);
        Assert.Equal(2, counts[0]);
        Assert.Equal(0.5 * 1 + 0.5 * 10, sumWeighted[0], 12);
    }

    [Fact]
    public void A_history_item_is_its_own_neighbour_with_similarity_one()
    {
        const int n = 3;
        var values = new float[n * n];
        Array.Fill(values, float.NaN);
        values[0 * n + 1] = values[1 * n + 0] = 0.25f;
        var similarities = PairMatrix.FromDense(n, values, null);
        var counts = new int[n];
        var sumSim = new double[n];
        var sumWeighted = new double[n];
        NeighborSums.Compute(similarities, [0, 1], [2.0, 4.0], 5, counts, sumSim, sumWeighted);
        Assert.Equal([2, 2, 0], counts);
        Assert.Equal(1 * 2.0 + 0.25 * 4.0, sumWeighted[0], 12);
        Assert.Equal(0.25 * 2.0 + 1 * 4.0, sumWeighted[1], 12);
    }
}
