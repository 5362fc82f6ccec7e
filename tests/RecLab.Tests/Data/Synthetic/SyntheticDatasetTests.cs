using RecLab.Data;
using RecLab.Data.Loading;
using RecLab.Data.Synthetic;

namespace RecLab.Tests.Data.Synthetic;

public sealed class SyntheticDatasetTests
{
    [Fact]
    public void Dataset_names_load_the_world_with_overrides()
    {
        var dataset = DatasetLoader.Load("synthetic:tiny?users=300&seed=7");
        Assert.Equal("synthetic:tiny?users=300&seed=7", dataset.Name);
        Assert.Equal(300, dataset.Interactions.UserCount);
        Assert.Equal(FeedbackKind.Implicit, dataset.Interactions.Kind);
        Assert.NotNull(dataset.ItemFeatures);
        Assert.NotNull(dataset.UserFeatures);
        var summary = DatasetSummary.Of(dataset);
        Assert.True(summary.Interactions > 1_000);
    }

    [Fact]
    public void Ratings_view_and_features_can_be_chosen()
    {
        var ratings = DatasetLoader.Load("synthetic:tiny?users=150&feedback=ratings", LoadOptions.Default with { LoadFeatures = false });
        Assert.Equal(FeedbackKind.Explicit, ratings.Interactions.Kind);
        Assert.Equal(RatingScale.OneToFive, ratings.Interactions.Scale);
        Assert.Null(ratings.ItemFeatures);
    }

    [Fact]
    public void Bad_names_say_what_is_wrong()
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetLoader.Load("synthetic:tiny?userz=10"));
        Assert.Contains("synthetic:tiny?userz=10", e.Message);
        Assert.Contains("did you mean 'users'", e.Message);
        Assert.Contains("valid keys", e.Message);
        Assert.Throws<ArgumentException>(() => DatasetLoader.Load("synthetic:huge"));
        Assert.Equal(WorldOptions.Small, SyntheticDataset.Options("synthetic:"));
        Assert.Equal(WorldOptions.Small, SyntheticDataset.Options("SYNTHETIC:small"));
    }
}
