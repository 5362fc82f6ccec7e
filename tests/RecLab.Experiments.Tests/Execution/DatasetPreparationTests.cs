using RecLab.Data;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Schema;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

public sealed class DatasetPreparationTests
{
    /// <summary>Ratings by user: u1 rates a, b; u2 rates a, c; u3 rates a, b (c is rated once, so u2 hangs on it).</summary>
    private static Dataset Ratings(params (string User, string Item, float Rating)[] rows)
    {
        var builder = new InteractionDataBuilder();
        foreach (var (user, item, rating) in rows)
            builder.Add(user, item, rating);
        var data = builder.Build(FeedbackKind.Explicit, RatingScale.OneToFive);
        var features = new ItemFeaturesBuilder();
        for (var i = 0; i < data.ItemCount; i++)
            features.Add(i, "genre", "g-" + data.Items[i]);
        return new Dataset("raw", data, features.Build(data.Items));
    }

    private static readonly Dataset Chain = Ratings(("u1", "a", 5), ("u1", "b", 4), ("u2", "a", 3), ("u2", "c", 5), ("u3", "a", 4), ("u3", "b", 2));

    private static string[] Rows(Dataset d)
    {
        var data = d.Interactions;
        var users = data.UserColumn();
        return Enumerable.Range(0, data.Count).Select(r => $"{data.Users[users[r]]}:{data.Items[data.ItemColumn[r]]}").ToArray();
    }

    [Fact]
    public void The_iterated_filter_is_the_k_core()
    {
        var prepared = DatasetPreparation.Prepare(Chain, "core", new PreprocessingConfig { MinUserInteractions = 2, MinItemInteractions = 2 });

        // c goes (1 rating), then u2 has one rating left and goes too.
        Assert.Equal(["u1:a", "u1:b", "u3:a", "u3:b"], Rows(prepared));
        Assert.Equal(["u1", "u3"], prepared.Interactions.Users);
        Assert.Equal(["a", "b"], prepared.Interactions.Items);
        Assert.Equal("core", prepared.Name);
    }

    [Fact]
    public void A_single_pass_filters_users_then_items_once()
    {
        var prepared = DatasetPreparation.Prepare(Chain, "once",
            new PreprocessingConfig { MinUserInteractions = 2, MinItemInteractions = 2, Filter = ActivityFilter.SinglePass });

        Assert.Equal(["u1:a", "u1:b", "u2:a", "u3:a", "u3:b"], Rows(prepared));
        Assert.Equal(["a", "b"], prepared.Interactions.Items);
    }

    [Fact]
    public void Implicit_conversion_keeps_ratings_at_the_threshold_and_drops_items_left_without_any()
    {
        var prepared = DatasetPreparation.Prepare(Chain, "liked", new PreprocessingConfig { Implicit = true, ImplicitThreshold = 4 });

        Assert.Equal(FeedbackKind.Implicit, prepared.Interactions.Kind);
        Assert.Equal(["u1:a", "u1:b", "u2:c", "u3:a"], Rows(prepared));
        Assert.All(prepared.Interactions.ValueColumn.ToArray(), v => Assert.Equal(1f, v));
        Assert.Equal(3, prepared.Interactions.ItemCount);
    }

    [Fact]
    public void Item_features_follow_the_compacted_catalogue()
    {
        var prepared = DatasetPreparation.Prepare(Chain, "core", new PreprocessingConfig { MinUserInteractions = 2, MinItemInteractions = 2 });

        var features = prepared.ItemFeatures!;
        Assert.Same(prepared.Interactions.Items, features.Items);
        for (var i = 0; i < prepared.Interactions.ItemCount; i++)
            Assert.Equal("genre:g-" + prepared.Interactions.Items[i], features.Features[features.Matrix.RowIndices(i)[0]]);
    }

    [Fact]
    public void Without_preprocessing_the_data_is_untouched()
    {
        var prepared = DatasetPreparation.Prepare(Chain, "same", new PreprocessingConfig());
        Assert.Same(Chain.Interactions, prepared.Interactions);
    }

    [Fact]
    public void A_csv_mapping_loads_any_layout()
    {
        using var temp = new TempFolder();
        var path = temp.Write("log.tsv", "who\twhat\tstars\nx\tp\t5\nx\tq\t2\ny\tp\t4\n");

        var dataset = DatasetPreparation.Load(new DatasetConfig
        {
            Name = "log",
            Csv = new CsvConfig
            {
                Path = path,
                Delimiter = "\t",
                Columns = new Data.Loading.ColumnMapping { User = "who", Item = "what", Value = "stars" },
            },
        });

        Assert.Equal(FeedbackKind.Explicit, dataset.Interactions.Kind);
        Assert.Equal(3, dataset.Interactions.Count);
        Assert.Equal("log", dataset.Name);
    }

    [Fact]
    public void The_checksum_changes_with_any_value()
    {
        var again = Ratings(("u1", "a", 5), ("u1", "b", 4), ("u2", "a", 3), ("u2", "c", 5), ("u3", "a", 4), ("u3", "b", 2));
        var changed = Ratings(("u1", "a", 5), ("u1", "b", 4), ("u2", "a", 3), ("u2", "c", 5), ("u3", "a", 4), ("u3", "b", 3));

        Assert.Equal(DatasetPreparation.Checksum(Chain.Interactions), DatasetPreparation.Checksum(again.Interactions));
        Assert.NotEqual(DatasetPreparation.Checksum(Chain.Interactions), DatasetPreparation.Checksum(changed.Interactions));
    }
}
