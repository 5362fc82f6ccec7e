using MathNet.Numerics.LinearAlgebra;
using RecLab.Data;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;

namespace RecLab.Tests.Recommenders.Factorization;

public sealed class EaseTests : RecommenderContract<Ease>
{
    protected override Ease Create() => new(new EaseOptions { Regularization = 5 });

    private static InteractionData Tiny(ulong seed, int users = 15, int items = 9)
    {
        var rng = new Rng(seed);
        var b = new InteractionDataBuilder();
        for (var u = 0; u < users; u++)
            for (var i = 0; i < items; i++)
                if (rng.NextDouble() < 0.45)
                    b.Add($"u{u}", $"i{i}", 1f);
        return b.Build(FeedbackKind.Implicit, null);
    }

    [Fact]
    public void Weights_equal_the_closed_form_computed_with_mathnet()
    {
        var data = Tiny(1);
        var model = new Ease(new EaseOptions { Regularization = 2 });
        model.Fit(new TrainingSet(data), new FitContext { Seed = 1 });
        var x = Matrix<double>.Build.Dense(data.UserCount, data.ItemCount);
        for (var u = 0; u < data.UserCount; u++)
            foreach (var i in data.ByUser.RowIndices(u))
                x[u, i] = 1;
        var p = (x.TransposeThisAndMultiply(x) + 2 * Matrix<double>.Build.DenseIdentity(data.ItemCount)).Inverse();
        for (var i = 0; i < data.ItemCount; i++)
            for (var j = 0; j < data.ItemCount; j++)
            {
                var expected = i == j ? 0 : -p[i, j] / p[j, j];
                Assert.Equal(expected, model.Weight(i, j), 4);
            }
    }

    [Fact]
    public void Scores_are_the_history_row_times_b()
    {
        var data = Tiny(2);
        var model = new Ease(new EaseOptions { Regularization = 3 });
        model.Fit(new TrainingSet(data), new FitContext { Seed = 1 });
        var scores = new float[data.ItemCount];
        model.Score(UserQuery.Anonymous([0, 4, 5]), scores);
        for (var j = 0; j < data.ItemCount; j++)
            Assert.Equal(model.Weight(0, j) + model.Weight(4, j) + model.Weight(5, j), scores[j], 5);
    }

    [Fact]
    public void A_catalogue_over_the_limit_is_refused_with_the_memory_it_would_need()
    {
        var model = new Ease(new EaseOptions { MaxItems = 5 });
        var e = Assert.Throws<NotSupportedException>(() => model.Fit(new TrainingSet(Tiny(3)), new FitContext()));
        Assert.Contains("MaxItems = 5", e.Message);
        Assert.Contains("GB", e.Message);
        Assert.Equal(1_600_000_000, Ease.BytesFor(20_000));
    }

    [Fact]
    public void Items_without_training_interactions_stay_out_of_the_model()
    {
        var b = new InteractionDataBuilder();
        b.ItemIds.GetOrAdd("never");
        b.Add("a", "x", 1); b.Add("a", "y", 1); b.Add("b", "y", 1);
        var data = b.Build(FeedbackKind.Implicit, null);
        var model = new Ease(new EaseOptions { Regularization = 1 });
        model.Fit(new TrainingSet(data), new FitContext());
        Assert.Equal(2, model.ModelItems);
        var scores = new float[3];
        model.Score(UserQuery.Anonymous([data.Items.IndexOf("x")]), scores);
        Assert.Equal(0f, scores[data.Items.IndexOf("never")]);
        Assert.True(scores[data.Items.IndexOf("y")] > 0);
    }
}
