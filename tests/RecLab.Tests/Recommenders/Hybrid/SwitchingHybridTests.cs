using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.Content;
using RecLab.Recommenders.Hybrid;
using RecLab.Tests.Recommenders.Content;

namespace RecLab.Tests.Recommenders.Hybrid;

public sealed class SwitchingHybridTests : RecommenderContract<SwitchingHybrid>
{
    // Known checkerboard users have long histories, so content-based (personalised) serves them.
    protected override SwitchingHybrid Create() => new(new SwitchingHybridOptions { Components = ["most-popular", "content-based"], Thresholds = [1] });

    protected override TrainingSet CheckerboardFor(SwitchingHybrid model) => CheckerboardFeatures.For(model);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(19, 1)]
    [InlineData(20, 2)]
    [InlineData(500, 2)]
    public void History_length_picks_the_component(int length, int component) =>
        Assert.Equal(component, new SwitchingHybrid().ComponentFor(length));

    [Fact]
    public void Each_query_gets_exactly_its_components_scores()
    {
        var train = TinyCatalog.Ratings(FeedbackKind.Implicit);
        var model = new SwitchingHybrid(new SwitchingHybridOptions { Components = ["most-popular", "content-based"], Thresholds = [2] });
        model.Fit(train, FitContext.Default);
        var popular = new MostPopular();
        popular.Fit(train, FitContext.Default);
        var content = new ContentBased();
        content.Fit(train, FitContext.Default);
        Assert.Equal(Scores(popular, [2]), Scores(model, [2]));
        Assert.Equal(Scores(content, [0, 2]), Scores(model, [0, 2]));
    }

    private static float[] Scores(IRecommender model, int[] history)
    {
        var scores = new float[model.ItemCount];
        model.Score(new UserQuery(-1, history, history.Select(_ => 1f).ToArray()), scores);
        return scores;
    }

    [Fact]
    public void Thresholds_must_match_the_components_and_ascend()
    {
        var e = Assert.Throws<ArgumentException>(() => new SwitchingHybrid(new SwitchingHybridOptions { Thresholds = [3] }));
        Assert.Contains("one threshold fewer", e.Message);
        e = Assert.Throws<ArgumentException>(() => new SwitchingHybrid(new SwitchingHybridOptions { Thresholds = [20, 3] }));
        Assert.Contains("ascending", e.Message);
    }
}
