using Microsoft.ML;
using Microsoft.ML.Data;
using RecLab.Randomness;
using RecLab.Recommenders.Learning;

namespace RecLab.Tests.Recommenders.Learning;

/// <summary>
/// The scorers read out of ML.NET compute what ML.NET computes (its own transformer's Score and Probability columns on
/// the same rows), every trainer is deterministic by seed, and LightGBM's native library loads on this machine.
/// </summary>
public sealed class MlTrainersTests
{
    /// <summary>
    /// Rows with three fields: a one-hot "user" of 20, a one-hot "item" of 30, and a dense pair of numbers; clicks follow
    /// σ(user·item taste + 2·x0 − x1 − 2), grouped by user (rows of a user contiguous) for the rankers.
    /// </summary>
    private sealed class Synthetic : IFeatureRows
    {
        private readonly int[] _user, _item;
        private readonly float[] _x0, _x1, _label;

        public Synthetic(int count, ulong seed, bool single)
        {
            Single = single;
            var rng = new Rng(seed);
            (_user, _item, _x0, _x1, _label) = (new int[count], new int[count], new float[count], new float[count], new float[count]);
            for (var r = 0; r < count; r++)
            {
                _user[r] = r * 20 / count;
                _item[r] = rng.NextInt(30);
                _x0[r] = (float)rng.NextDouble();
                _x1[r] = (float)rng.NextDouble();
                var taste = (_user[r] % 3 == _item[r] % 3) ? 2.0 : -1.0;
                _label[r] = rng.NextDouble() < 1 / (1 + Math.Exp(-(taste + 2 * _x0[r] - _x1[r] - 1))) ? 1 : 0;
            }
        }

        /// <summary>True: one concatenated field (linear models, trees); false: three fields (FFM).</summary>
        private bool Single { get; }

        public int Count => _label.Length;

        public IReadOnlyList<int> FieldSizes => Single ? [52] : [20, 30, 2];

        public int MaxNonZeros(int field) => 4;

        public float Label(int row) => _label[row];

        public int Group(int row) => _user[row];

        public int Write(int row, int field, Span<int> indices, Span<float> values)
        {
            if (Single)
            {
                (indices[0], values[0]) = (_user[row], 1);
                (indices[1], values[1]) = (20 + _item[row], 1);
                (indices[2], values[2]) = (50, _x0[row]);
                (indices[3], values[3]) = (51, _x1[row]);
                return 4;
            }
            switch (field)
            {
                case 0: (indices[0], values[0]) = (_user[row], 1); return 1;
                case 1: (indices[0], values[0]) = (_item[row], 1); return 1;
                default:
                    (indices[0], values[0]) = (0, _x0[row]);
                    (indices[1], values[1]) = (1, _x1[row]);
                    return 2;
            }
        }

        /// <summary>One row as FFM input: (field, global index, value) triples.</summary>
        public int Flat(int row, Span<int> field, Span<int> feature, Span<float> value)
        {
            var n = 0;
            var offset = 0;
            Span<int> idx = stackalloc int[4];
            Span<float> val = stackalloc float[4];
            for (var f = 0; f < 3; f++)
            {
                var m = Write(row, f, idx, val);
                for (var k = 0; k < m; k++)
                    (field[n], feature[n], value[n++]) = (f, offset + idx[k], val[k]);
                offset += FieldSizes[f];
            }
            return n;
        }

        public float[] Dense(int row)
        {
            var dense = new float[52];
            Span<int> idx = stackalloc int[4];
            Span<float> val = stackalloc float[4];
            var n = Write(row, 0, idx, val);
            for (var k = 0; k < n; k++)
                dense[idx[k]] = val[k];
            return dense;
        }
    }

    private static (float[] Score, float[] Probability) MlNet(ITransformer model, Synthetic rows, bool ranking)
    {
        var scored = model.Transform(new FeatureTable(rows, ranking));
        var score = scored.GetColumn<float>("Score").ToArray();
        var probability = ranking ? [] : scored.GetColumn<float>("Probability").ToArray();
        return (score, probability);
    }

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void Logistic_margins_and_probabilities_are_ml_nets()
    {
        var rows = new Synthetic(3000, 1, single: true);
        var trained = MlTrainers.Logistic(rows, l2: 0.1, iterations: 50, seed: 7, None);
        var (score, probability) = MlNet(trained.Model, rows, ranking: false);
        Span<int> idx = stackalloc int[4];
        Span<float> val = stackalloc float[4];
        for (var r = 0; r < rows.Count; r += 37)
        {
            var n = rows.Write(r, 0, idx, val);
            var margin = trained.Scorer.Margin(idx[..n], val[..n]);
            Assert.Equal(score[r], margin, 4);
            Assert.Equal(probability[r], trained.Calibration.Probability(margin), 5);
        }
    }

    [Fact]
    public void Ffm_margins_and_probabilities_are_ml_nets()
    {
        var rows = new Synthetic(3000, 2, single: false);
        var trained = MlTrainers.Ffm(rows, new FfmSettings(Factors: 8, Epochs: 3, LearningRate: 0.1, 1e-4, 1e-4), seed: 7, None);
        var (score, probability) = MlNet(trained.Model, rows, ranking: false);
        Span<int> field = stackalloc int[4], feature = stackalloc int[4];
        Span<float> value = stackalloc float[4];
        var scratch = new float[3 * 3 * 8];
        for (var r = 0; r < rows.Count; r += 37)
        {
            var n = rows.Flat(r, field, feature, value);
            var margin = trained.Scorer.Margin(field[..n], feature[..n], value[..n], scratch);
            Assert.Equal(score[r], margin, 4);
            Assert.Equal(probability[r], trained.Calibration.Probability(margin), 5);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Boosted_tree_margins_and_probabilities_are_ml_nets(bool lightGbm)
    {
        var rows = new Synthetic(3000, 3, single: true);
        var trained = MlTrainers.BoostedTrees(rows, new TreeSettings(Trees: 20, Leaves: 8, LearningRate: 0.2, MinExamplesPerLeaf: 10), lightGbm, seed: 7, None);
        var (score, probability) = MlNet(trained.Model, rows, ranking: false);
        for (var r = 0; r < rows.Count; r += 37)
        {
            var margin = trained.Scorer.Margin(rows.Dense(r));
            Assert.Equal(score[r], margin, 4);
            Assert.Equal(probability[r], trained.Calibration.Probability(margin), 5);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ranker_scores_are_ml_nets_and_order_relevant_rows_first(bool lightGbm)
    {
        var rows = new Synthetic(4000, 4, single: true);
        var trained = MlTrainers.Ranker(rows, new TreeSettings(Trees: 30, Leaves: 8, LearningRate: 0.2, MinExamplesPerLeaf: 10), lightGbm, seed: 7, None);
        var (score, _) = MlNet(trained.Model, rows, ranking: true);
        var (relevant, other) = (0.0, 0.0);
        var (relevantCount, otherCount) = (0, 0);
        for (var r = 0; r < rows.Count; r++)
        {
            var margin = trained.Scorer.Margin(rows.Dense(r));
            Assert.Equal(score[r], margin, 4);
            if (rows.Label(r) > 0)
                (relevant, relevantCount) = (relevant + margin, relevantCount + 1);
            else
                (other, otherCount) = (other + margin, otherCount + 1);
        }
        Assert.True(relevant / relevantCount > other / otherCount + 0.3, $"mean score of relevant rows {relevant / relevantCount:F3}, of others {other / otherCount:F3}");
    }

    [Fact]
    public void Same_seed_gives_the_same_models()
    {
        var single = new Synthetic(2000, 5, single: true);
        var fields = new Synthetic(2000, 5, single: false);
        var trees = new TreeSettings(Trees: 10, Leaves: 8, LearningRate: 0.2, MinExamplesPerLeaf: 10);
        float[] Margins(ulong seed) =>
        [
            .. MlNet(MlTrainers.Logistic(single, 0.1, 30, seed, None).Model, single, false).Score,
            .. MlNet(MlTrainers.Ffm(fields, new FfmSettings(8, 2, 0.1, 1e-4, 1e-4), seed, None).Model, fields, false).Score,
            .. MlNet(MlTrainers.BoostedTrees(single, trees, false, seed, None).Model, single, false).Score,
            .. MlNet(MlTrainers.BoostedTrees(single, trees, true, seed, None).Model, single, false).Score,
            .. MlNet(MlTrainers.Ranker(single, trees, false, seed, None).Model, single, true).Score,
        ];
        Assert.Equal(Margins(11), Margins(11));
        // The seed reaches the FFM's initialization and shuffling.
        Assert.NotEqual(MlNet(MlTrainers.Ffm(fields, new FfmSettings(8, 2, 0.1, 1e-4, 1e-4), 11, None).Model, fields, false).Score,
            MlNet(MlTrainers.Ffm(fields, new FfmSettings(8, 2, 0.1, 1e-4, 1e-4), 12, None).Model, fields, false).Score);
    }

    [Fact]
    public void A_cancelled_fit_throws_before_training()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => MlTrainers.Logistic(new Synthetic(100, 1, true), 0.1, 10, 1, cts.Token));
    }
}
