using MathNet.Numerics.LinearAlgebra;
using RecLab.Data;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

public sealed class PureSvdTests : RecommenderContract<PureSvd>
{
    protected override PureSvd Create() => new(new PureSvdOptions { Factors = 4, Oversampling = 6 });

    // A random sparse rating matrix with a dominant low-rank part, so the top singular values are well separated.
    private static InteractionData Random(int users, int items, ulong seed)
    {
        var rng = new Rng(seed);
        var b = new InteractionDataBuilder();
        for (var u = 0; u < users; u++)
            for (var i = 0; i < items; i++)
                if (rng.NextDouble() < 0.4)
                    b.Add($"u{u}", $"i{i}", 1 + (u % 3 == i % 3 ? 3 : 0) + rng.NextInt(2));
        return b.Build(FeedbackKind.Explicit, RatingScale.OneToFive);
    }

    private static Matrix<double> DenseOf(InteractionData data)
    {
        var r = Matrix<double>.Build.Dense(data.UserCount, data.ItemCount);
        for (var u = 0; u < data.UserCount; u++)
        {
            var items = data.ByUser.RowIndices(u);
            var values = data.ByUser.RowValues(u);
            for (var n = 0; n < items.Length; n++)
                r[u, items[n]] = values[n];
        }
        return r;
    }

    private static (Vector<double> S, Matrix<double> V) FullSvd(InteractionData data)
    {
        var svd = DenseOf(data).Svd(computeVectors: true);
        return (svd.S, svd.VT.Transpose());
    }

    private static void AssertSameSubspace(Matrix<double> expectedV, PureSvd model, int items, int k, double tolerance)
    {
        // Compare projectors V·Vᵀ: singular vectors are defined up to sign (and rotation within ties).
        var v = Matrix<double>.Build.Dense(items, k, (i, f) => model.ItemVector(i)[f]);
        var expected = expectedV.SubMatrix(0, items, 0, k);
        var difference = (v * v.Transpose() - expected * expected.Transpose()).FrobeniusNorm();
        Assert.True(difference < tolerance, $"projectors differ by {difference}");
    }

    [Fact]
    public void Equals_the_truncated_full_svd_when_the_sample_spans_every_item()
    {
        var data = Random(30, 12, 1);
        var model = new PureSvd(new PureSvdOptions { Factors = 4, Oversampling = 8, PowerIterations = 0 });
        model.Fit(new TrainingSet(data), new FitContext { Seed = 5 });
        var (s, v) = FullSvd(data);
        for (var f = 0; f < 4; f++)
            Assert.Equal(s[f], model.SingularValues[f], 3);
        AssertSameSubspace(v, model, data.ItemCount, 4, 1e-3);
    }

    [Fact]
    public void Randomized_svd_with_power_iterations_finds_the_leading_subspace_of_a_larger_matrix()
    {
        var data = Random(120, 80, 2);
        var model = new PureSvd(new PureSvdOptions { Factors = 3, Oversampling = 10, PowerIterations = 4 });
        model.Fit(new TrainingSet(data), new FitContext { Seed = 5 });
        var (s, v) = FullSvd(data);
        for (var f = 0; f < 3; f++)
            Assert.True(Math.Abs(s[f] - model.SingularValues[f]) < 1e-3 * s[0], $"σ{f}: {s[f]} vs {model.SingularValues[f]}");
        AssertSameSubspace(v, model, data.ItemCount, 3, 1e-2);
    }

    [Fact]
    public void Scores_of_a_training_user_are_their_row_of_the_low_rank_reconstruction()
    {
        var data = Random(25, 10, 3);
        var model = new PureSvd(new PureSvdOptions { Factors = 3, Oversampling = 7, PowerIterations = 0 });
        model.Fit(new TrainingSet(data), new FitContext { Seed = 5 });
        var svd = DenseOf(data).Svd(computeVectors: true);
        var low = svd.U.SubMatrix(0, 25, 0, 3) * Matrix<double>.Build.DenseOfDiagonalVector(svd.S.SubVector(0, 3))
            * svd.VT.SubMatrix(0, 3, 0, 10);
        var scores = new float[data.ItemCount];
        for (var u = 0; u < data.UserCount; u++)
        {
            model.Score(UserQuery.ForUser(data, u), scores);
            for (var i = 0; i < data.ItemCount; i++)
                Assert.Equal(low[u, i], scores[i], 3);
        }
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var train = new TrainingSet(Checkerboard.Implicit());
        var one = Create();
        var four = Create();
        one.Fit(train, new FitContext { Seed = 4, MaxThreads = 1 });
        four.Fit(train, new FitContext { Seed = 4, MaxThreads = 4 });
        for (var i = 0; i < train.ItemCount; i++)
            Assert.Equal(one.ItemVector(i).ToArray(), four.ItemVector(i).ToArray());
    }
}
