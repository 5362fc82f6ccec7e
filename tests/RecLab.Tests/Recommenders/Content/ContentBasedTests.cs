using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Content;

namespace RecLab.Tests.Recommenders.Content;

public sealed class ContentBasedTests : RecommenderContract<ContentBased>
{
    protected override ContentBased Create() => new();

    protected override TrainingSet CheckerboardFor(ContentBased model) => CheckerboardFeatures.For(model);

    private static ContentBased FittedOn(TrainingSet train, ContentBasedOptions? options = null)
    {
        var model = new ContentBased(options ?? new ContentBasedOptions());
        model.Fit(train, FitContext.Default);
        return model;
    }

    private static float[] Scores(ContentBased model, int[] items, float[] values)
    {
        var scores = new float[model.ItemCount];
        model.Score(new UserQuery(-1, items, values), scores);
        return scores;
    }

    /// <summary>A fitted profile row as (A, B, c), looked up by feature name.</summary>
    private static (double A, double B, double C) Row(ContentBased model, TrainingSet train, int item)
    {
        var names = train.ItemFeatures!.Features;
        var idx = model.ItemProfiles.RowIndices(item);
        var val = model.ItemProfiles.RowValues(item);
        double a = 0, b = 0, c = 0;
        for (var k = 0; k < idx.Length; k++)
        {
            switch (names[idx[k]])
            {
                case "genre:A": a = val[k]; break;
                case "genre:B": b = val[k]; break;
                case "tag:c": c = val[k]; break;
            }
        }
        return (a, b, c);
    }

    [Fact]
    public void Item_profiles_are_unit_length_tf_idf()
    {
        var train = TinyCatalog.Ratings();
        var model = FittedOn(train);
        var expected = TinyCatalog.Profiles();
        for (var i = 0; i < 4; i++)
        {
            var row = Row(model, train, i);
            Assert.Equal(expected[i].A, row.A, 5);
            Assert.Equal(expected[i].B, row.B, 5);
            Assert.Equal(expected[i].C, row.C, 5);
        }
    }

    [Fact]
    public void Explicit_profile_is_centred_on_the_users_mean_and_scores_by_cosine()
    {
        var model = FittedOn(TinyCatalog.Ratings());
        // Ratings 5 and 3, mean 4: weights +1 and -1, so p = (x0 - x1) / 2.
        var x = TinyCatalog.Profiles();
        var p = ((x[0].A - x[1].A) / 2, (x[0].B - x[1].B) / 2, (x[0].C - x[1].C) / 2);
        var scores = Scores(model, [0, 1], [5, 3]);
        for (var i = 0; i < 4; i++)
            Assert.Equal(TinyCatalog.Dot(p, x[i]) / TinyCatalog.Norm(p), scores[i], 5);
        // i2 shares only the disliked genre A, so it scores below the unrated i3, which shares nothing.
        Assert.True(scores[2] < 0);
        Assert.Equal(0f, scores[3]);
    }

    [Fact]
    public void Without_centring_or_with_one_rating_the_raw_ratings_weigh_the_profile()
    {
        var x = TinyCatalog.Profiles();
        var uncentred = FittedOn(TinyCatalog.Ratings(), new ContentBasedOptions { CenterRatings = false });
        var p = ((5 * x[0].A + 3 * x[1].A) / 8, (5 * x[0].B + 3 * x[1].B) / 8, 0.0);
        var scores = Scores(uncentred, [0, 1], [5, 3]);
        Assert.Equal(TinyCatalog.Dot(p, x[2]) / TinyCatalog.Norm(p), scores[2], 5);

        // One rating centres to zero weight: the profile is that item's.
        var one = Scores(FittedOn(TinyCatalog.Ratings()), [2], [2]);
        for (var i = 0; i < 4; i++)
            Assert.Equal(TinyCatalog.Dot(x[2], x[i]), one[i], 5);
    }

    [Fact]
    public void An_item_nobody_rated_is_scored_from_its_features()
    {
        var model = FittedOn(TinyCatalog.Ratings(FeedbackKind.Implicit));
        var x = TinyCatalog.Profiles();
        var scores = Scores(model, [2], [1]);
        // i3 (never rated) shares tag c with i2: cos = x2·x3, above i1 which shares only genre A.
        Assert.Equal(TinyCatalog.Dot(x[2], x[3]), scores[3], 5);
        Assert.Equal(TinyCatalog.Dot(x[2], x[1]), scores[1], 5);
        Assert.True(scores[3] > scores[1]);
        Assert.Equal(3, model.Recommend(new UserQuery(-1, new[] { 2 }, new[] { 1f }), 1)[0].Item);
    }

    [Fact]
    public void Empty_history_gets_the_popularity_weighted_mean_profile()
    {
        var model = FittedOn(TinyCatalog.Ratings(FeedbackKind.Implicit));
        var x = TinyCatalog.Profiles();
        // Popularity i0 2, i1 1, i2 1, i3 0.
        var g = (2 * x[0].A + x[1].A + x[2].A, 2 * x[0].B + x[1].B + x[2].B, 2 * x[0].C + x[1].C + x[2].C);
        var scores = Scores(model, [], []);
        for (var i = 0; i < 4; i++)
            Assert.Equal(TinyCatalog.Dot(g, x[i]) / TinyCatalog.Norm(g), scores[i], 5);
    }

    [Fact]
    public void Fields_restrict_the_profile_and_unknown_fields_are_refused()
    {
        var train = TinyCatalog.Ratings(FeedbackKind.Implicit);
        // Raw weights: with genres alone, TF-IDF would give genre A (on 3 of 3 items) weight 0.
        var genres = FittedOn(train, new ContentBasedOptions { Fields = ["genre", "topic"], Weighting = FeatureWeighting.Raw });
        var scores = Scores(genres, [2], [1]);
        Assert.Equal(0f, scores[3]); // i3 has only a tag
        Assert.Equal(1f, scores[1], 5); // i2 is genre A alone once tags are dropped
        Assert.Equal(1 / Math.Sqrt(2), scores[0], 5);
        var e = Assert.Throws<ArgumentException>(() => FittedOn(train, new ContentBasedOptions { Fields = ["topic"] }));
        Assert.Contains("genre", e.Message);
    }

    [Fact]
    public void Data_without_item_features_is_refused_with_a_reason()
    {
        var train = new TrainingSet(TinyCatalog.Ratings().Interactions);
        var e = Assert.Throws<NotSupportedException>(() => FittedOn(train));
        Assert.Contains("item features", e.Message);
    }
}
