using RecLab.Data;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>
/// The ANCHORS.md bands on ml-latest-small (seeded per-user 80/20 holdout, every rating one implicit interaction;
/// Surprise's 5-fold protocol for ratings), in the slow suite (dotnet test -c Release --settings tests/slow.runsettings).
/// </summary>
[Trait("Category", "Slow")]
public sealed class LeastSquaresAnchorTests
{
    // implicit 0.7 (64 factors, reg 0.01, 15 iterations, alpha 1): P@10 0.2480, nDCG@10 0.2954 (its fit time: ImplicitAlsSpeedTests).
    private const double ImplicitPrecision = 0.2480;
    private const double ImplicitNdcg = 0.2954;
    private const double Slack = 0.005;

    private static PerUserHoldout.Split RankingSplit()
    {
        var data = DatasetLoader.Load(SharedData.MovieLensSmall()).Interactions.ToImplicit();
        return PerUserHoldout.Holdout(data, 0.2, 42);
    }

    private static PerUserHoldout.Ranking FitAndMeasure(IRecommender model, PerUserHoldout.Split split)
    {
        model.Fit(new TrainingSet(split.Train), new FitContext { Seed = 7 });
        var m = PerUserHoldout.Measure(model, split);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{model.Name}: P@10 {m.Precision:F4} R@10 {m.Recall:F4} nDCG@10 {m.Ndcg:F4} MAP@10 {m.Map:F4} over {m.Users} users");
        return m;
    }

    [Theory]
    [InlineData(0f)] // implicit's own confidence on 0/1 data (its alpha 1 = α 0 here)
    [InlineData(1f)] // Hu et al.'s c = 1 + r
    public void Implicit_als_ranks_no_worse_than_the_implicit_library(float alpha)
    {
        var m = FitAndMeasure(new ImplicitAls(new ImplicitAlsOptions { Alpha = alpha }), RankingSplit());
        Assert.True(m.Precision >= ImplicitPrecision - Slack, $"P@10 {m.Precision:F4}");
        Assert.True(m.Ndcg >= ImplicitNdcg - Slack, $"nDCG@10 {m.Ndcg:F4}");
    }

    [Fact]
    public void Pure_svd_and_ease_rank_better_than_implicit_als_does_in_the_anchors()
    {
        var split = RankingSplit();
        foreach (var model in new IRecommender[] { new PureSvd(), new Ease() })
        {
            var m = FitAndMeasure(model, split);
            Assert.True(m.Ndcg >= ImplicitNdcg - Slack, $"{model.Name}: nDCG@10 {m.Ndcg:F4}");
        }
    }

    [Fact]
    public void Explicit_als_rmse_is_within_a_hundredth_of_surprise_svd_on_five_folds()
    {
        // Surprise SVD (the biased-mf reference), KFold(5, shuffle): RMSE 0.8732.
        var data = DatasetLoader.Load(SharedData.MovieLensSmall()).Interactions;
        var order = Enumerable.Range(0, data.Count).ToArray();
        var rng = new Rng(0);
        rng.Shuffle(order.AsSpan());
        var users = data.UserColumn();
        double total = 0;
        for (var fold = 0; fold < 5; fold++)
        {
            var test = order.Where((_, k) => k % 5 == fold).Order().ToArray();
            var train = data.Subset(order.Where((_, k) => k % 5 != fold).Order().ToArray());
            var model = new ExplicitAls();
            model.Fit(new TrainingSet(train), new FitContext { Seed = (ulong)fold });
            double se = 0;
            foreach (var row in test)
            {
                var e = model.Predict(users[row], data.ItemColumn[row]) - data.ValueColumn[row];
                se += e * e;
            }
            total += Math.Sqrt(se / test.Length);
        }
        var rmse = total / 5;
        TestContext.Current.TestOutputHelper?.WriteLine($"als 5-fold RMSE {rmse:F4}");
        Assert.True(rmse <= 0.8732 + 0.01, $"RMSE {rmse:F4}");
    }
}
