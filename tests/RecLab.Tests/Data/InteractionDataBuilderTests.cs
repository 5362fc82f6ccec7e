using RecLab.Data;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data;

public sealed class InteractionDataBuilderTests
{
    // Input order matters: row numbers in the comments are input positions.
    private static InteractionDataBuilder Sample(bool timestamps = true)
    {
        var b = new InteractionDataBuilder();
        void Add(string u, string i, float v, long t) => b.Add(u, i, v, timestamps ? t : null);
        Add("u1", "i1", 3, 100); // 0
        Add("u1", "i2", 4, 50);  // 1
        Add("u1", "i1", 5, 200); // 2: newest of (u1, i1)
        Add("u2", "i1", 2, 10);  // 3
        Add("u1", "i1", 1, 100); // 4
        Add("u2", "i1", 4, 10);  // 5: ties row 3 on time, later in the input
        Add("u3", "i2", 1, 50);  // 6: newest of (u3, i2)
        Add("u3", "i2", 3, 20);  // 7
        return b;
    }

    [Theory]
    [InlineData(DuplicatePolicy.LastByTimestamp, 5f, 200L, 4f, 10L, 1f, 50L)]
    [InlineData(DuplicatePolicy.LastInInput, 1f, 100L, 4f, 10L, 3f, 20L)]
    [InlineData(DuplicatePolicy.FirstInInput, 3f, 100L, 2f, 10L, 1f, 50L)]
    [InlineData(DuplicatePolicy.Sum, 9f, 200L, 6f, 10L, 4f, 50L)]
    public void Duplicate_policy_keeps_the_documented_row(DuplicatePolicy policy,
        float v11, long t11, float v21, long t21, float v32, long t32)
    {
        var b = Sample();
        var data = b.Build(FeedbackKind.Implicit, null, policy, b.UserIds.Build(), b.ItemIds.Build(), out var duplicates);

        Assert.Equal(4, duplicates); // 2 extra (u1, i1), 1 extra (u2, i1), 1 extra (u3, i2)
        Assert.Equal(
            [("u1", "i1", v11, t11), ("u1", "i2", 4f, 50L), ("u2", "i1", v21, t21), ("u3", "i2", v32, t32)],
            DataRows.Of(data));
    }

    [Fact]
    public void Without_timestamps_last_by_timestamp_means_last_in_input()
    {
        var b = Sample(timestamps: false);
        var data = b.Build(FeedbackKind.Implicit, null, DuplicatePolicy.LastByTimestamp, b.UserIds.Build(), b.ItemIds.Build(), out var duplicates);

        Assert.Equal(4, duplicates);
        Assert.False(data.HasTimestamps);
        Assert.Equal([("u1", "i1", 1f, -1L), ("u1", "i2", 4f, -1L), ("u2", "i1", 4f, -1L), ("u3", "i2", 3f, -1L)], DataRows.Of(data));
    }

    [Fact]
    public void Error_policy_names_the_pair()
    {
        var b = Sample();
        var e = Assert.ThrowsAny<Exception>(() => b.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Error));
        Assert.Contains("'u1'", e.Message);
        Assert.Contains("'i1'", e.Message);
    }

    [Fact]
    public void Error_policy_accepts_input_without_duplicates()
    {
        var b = new InteractionDataBuilder();
        b.Add("a", "x", 1, 5);
        b.Add("a", "y", 2, 6);
        var data = b.Build(FeedbackKind.Explicit, RatingScale.OneToFive, DuplicatePolicy.Error);
        Assert.Equal(2, data.Count);
    }

    [Fact]
    public void Rows_come_out_by_user_then_item_whatever_the_input_order()
    {
        var b = new InteractionDataBuilder();
        // Ids get indices in order of first appearance: users b=0, a=1; items z=0, y=1, x=2.
        b.Add("b", "z", 1);
        b.Add("a", "y", 2);
        b.Add("b", "x", 3);
        b.Add("a", "z", 4);
        b.Add("b", "y", 5);
        var data = b.Build(FeedbackKind.Implicit, null);

        Assert.Equal(["b", "a"], data.Users.ToArray());
        Assert.Equal(["z", "y", "x"], data.Items.ToArray());
        Assert.Equal([0, 0, 0, 1, 1], data.UserColumn());
        Assert.Equal([0, 1, 2, 0, 1], data.ItemColumn.ToArray());
        Assert.Equal([1f, 5f, 3f, 4f, 2f], data.ValueColumn.ToArray());
    }

    [Fact]
    public void Mixing_rows_with_and_without_timestamps_is_refused()
    {
        var b = new InteractionDataBuilder();
        b.Add("a", "x", 1, 10);
        Assert.Throws<InvalidOperationException>(() => b.Add("a", "y", 1));
    }

    [Fact]
    public void Growing_past_the_initial_capacity_keeps_every_row()
    {
        var b = new InteractionDataBuilder(capacity: 16);
        for (var r = 0; r < 1000; r++)
            b.Add($"u{r % 7}", $"i{r}", r, 1_000_000L + r);
        var data = b.Build(FeedbackKind.Implicit, null);
        Assert.Equal(1000, data.Count);
        for (var r = 0; r < data.Count; r++)
            Assert.Equal(1_000_000L + (long)data.ValueColumn[r], data.TimestampAt(r));
    }

    [Fact]
    public void Explicit_data_needs_a_scale()
    {
        var b = new InteractionDataBuilder();
        b.Add("a", "x", 1);
        Assert.Throws<ArgumentException>(() => b.Build(FeedbackKind.Explicit, null));
    }
}
