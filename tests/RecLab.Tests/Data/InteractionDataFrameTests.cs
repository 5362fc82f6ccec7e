using Microsoft.Data.Analysis;
using RecLab.Data;

namespace RecLab.Tests.Data;

/// <summary>Interactions to and from a DataFrame with user, item, rating and time columns.</summary>
public sealed class InteractionDataFrameTests
{
    private static InteractionData Ratings()
    {
        var b = new InteractionDataBuilder();
        b.Add("ann", "alien", 5f, 100);
        b.Add("ben", "brazil", 2f, 300);
        b.Add("ann", "casablanca", 4f, 200);
        b.Add("cat", "alien", 3.5f, 50);
        return b.Build(FeedbackKind.Explicit, RatingScale.HalfToFive);
    }

    [Fact]
    public void A_frame_has_one_row_per_interaction_by_user_with_external_ids()
    {
        var frame = Ratings().ToDataFrame();

        Assert.Equal(["user", "item", "rating", "time"], frame.Columns.Select(c => c.Name));
        Assert.Equal(["ann", "ann", "ben", "cat"], Values<string>(frame, "user"));
        Assert.Equal(["alien", "casablanca", "brazil", "alien"], Values<string>(frame, "item"));
        Assert.Equal([5f, 4f, 2f, 3.5f], Values<float>(frame, "rating"));
        Assert.Equal([100L, 200, 300, 50], Values<long>(frame, "time"));
        var mean = frame.GroupBy("user").Mean("rating");
        Assert.Equal(4.5, Convert.ToDouble(mean.Rows.Single(r => (string)r[0] == "ann")[1]), 6);
    }

    [Fact]
    public void A_frame_round_trips_to_the_same_interactions()
    {
        var data = Ratings();

        var back = InteractionData.FromDataFrame(data.ToDataFrame(), FeedbackKind.Explicit, RatingScale.HalfToFive);

        // Dense indices follow the order ids first appear, so compare by external id.
        Assert.Equal(Rows(data), Rows(back));
        Assert.Equal(data.Users, back.Users);
        Assert.Equal(RatingScale.HalfToFive, back.Scale);
    }

    private static IEnumerable<(string User, string Item, float Value, long Time)> Rows(InteractionData data) =>
        data.UserColumn().Select((u, row) => (data.Users[u], data.Items[data.ItemColumn[row]], data.ValueColumn[row], data.TimestampAt(row)))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2, StringComparer.Ordinal);

    [Fact]
    public void Any_id_type_works_and_implicit_feedback_needs_no_rating()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("user", [7, 7, 9]), new Int64DataFrameColumn("item", [1L, 2, 1]),
            new DateTimeDataFrameColumn("time", [new DateTime(1970, 1, 1, 0, 0, 10), new DateTime(1970, 1, 1, 0, 1, 0), new DateTime(2000, 1, 1)]));

        var data = InteractionData.FromDataFrame(frame, FeedbackKind.Implicit);

        Assert.Equal(["7", "9"], data.Users);
        Assert.Equal(["1", "2"], data.Items);
        Assert.Equal([1f, 1f, 1f], data.ValueColumn.ToArray());
        Assert.Equal([10L, 60, 946684800], data.TimestampColumn());
    }

    [Fact]
    public void Duplicates_resolve_as_when_loading_a_file()
    {
        var frame = new DataFrame(new StringDataFrameColumn("user", ["a", "a"]), new StringDataFrameColumn("item", ["x", "x"]),
            new DoubleDataFrameColumn("rating", [2.0, 4.0]), new Int64DataFrameColumn("time", [20L, 10]));

        var data = InteractionData.FromDataFrame(frame, FeedbackKind.Explicit, RatingScale.OneToFive);

        Assert.Equal([2f], data.ValueColumn.ToArray());
    }

    [Fact]
    public void A_missing_column_or_value_is_named_with_a_hint()
    {
        var noItem = new DataFrame(new StringDataFrameColumn("user", ["a"]), new StringDataFrameColumn("movie", ["x"]));
        var e = Assert.Throws<ArgumentException>(() => InteractionData.FromDataFrame(noItem, FeedbackKind.Implicit));
        Assert.Contains("no 'item' column (it has: user, movie)", e.Message, StringComparison.Ordinal);

        var noRating = new DataFrame(new StringDataFrameColumn("user", ["a"]), new StringDataFrameColumn("item", ["x"]));
        e = Assert.Throws<ArgumentException>(() => InteractionData.FromDataFrame(noRating, FeedbackKind.Explicit, RatingScale.OneToFive));
        Assert.Contains("'rating'", e.Message, StringComparison.Ordinal);

        var textRating = new DataFrame(new StringDataFrameColumn("user", ["a"]), new StringDataFrameColumn("item", ["x"]), new StringDataFrameColumn("rating", ["5"]));
        e = Assert.Throws<ArgumentException>(() => InteractionData.FromDataFrame(textRating, FeedbackKind.Explicit, RatingScale.OneToFive));
        Assert.Contains("must be numeric", e.Message, StringComparison.Ordinal);

        var gap = new DataFrame(new StringDataFrameColumn("user", ["a", null!]), new StringDataFrameColumn("item", ["x", "y"]));
        e = Assert.Throws<ArgumentException>(() => InteractionData.FromDataFrame(gap, FeedbackKind.Implicit));
        Assert.Contains("Row 1 has no 'user'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataset_frame_adds_item_titles_and_comes_back_as_a_dataset()
    {
        var data = Ratings();
        var dataset = new Dataset("films", data, itemTitles: ["Alien (1979)", "Brazil (1985)", null]);

        var frame = dataset.ToDataFrame();
        var back = Dataset.FromDataFrame("copy", frame, FeedbackKind.Explicit, RatingScale.HalfToFive);

        Assert.Equal(["Alien (1979)", null, "Brazil (1985)", "Alien (1979)"], Values<string>(frame, "title"));
        Assert.Equal("copy", back.Name);
        Assert.Equal(data.Count, back.Interactions.Count);
    }

    private static IEnumerable<T?> Values<T>(DataFrame frame, string column) => [.. frame[column].Cast<object?>().Select(v => v is null ? default : (T)v)];
}
