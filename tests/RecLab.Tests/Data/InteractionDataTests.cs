using RecLab.Data;

namespace RecLab.Tests.Data;

public sealed class InteractionDataTests
{
    // Users 0 and 3 and item 4 have no rows, so offsets repeat at both ends and in the middle.
    private static InteractionData Sample(long timeBase = 1_000_000_000L)
    {
        var b = new InteractionDataBuilder();
        b.Add(2, 1, 5f, timeBase + 7);
        b.Add(1, 3, 2f, timeBase + 3);
        b.Add(4, 0, 4f, timeBase + 9);
        b.Add(1, 0, 3f, timeBase + 1);
        b.Add(2, 2, 1f, timeBase + 5);
        b.Add(4, 3, 0.5f, timeBase + 2);
        return b.Build(FeedbackKind.Explicit, RatingScale.HalfToFive, DuplicatePolicy.LastByTimestamp,
            IdMap.Sequential(6), IdMap.Sequential(5), out _);
    }

    [Fact]
    public void Rows_are_in_canonical_order_with_their_values_and_times()
    {
        var d = Sample(0);
        Assert.Equal([1, 1, 2, 2, 4, 4], d.UserColumn());
        Assert.Equal([0, 3, 1, 2, 0, 3], d.ItemColumn.ToArray());
        Assert.Equal([3f, 2f, 5f, 1f, 4f, 0.5f], d.ValueColumn.ToArray());
        Assert.Equal([1L, 3, 7, 5, 9, 2], d.TimestampColumn());
        Assert.Equal(6, d.UserCount);
        Assert.Equal(5, d.ItemCount);
        Assert.Equal(3, d.ActiveUserCount());
        Assert.Equal(4, d.ActiveItemCount());
        Assert.Equal(new Range(2, 4), d.RowsOf(2));
        Assert.Equal(new Range(4, 4), d.RowsOf(3));
    }

    [Fact]
    public void User_of_a_row_skips_users_without_rows()
    {
        var d = Sample();
        var users = d.UserColumn();
        for (var r = 0; r < d.Count; r++)
            Assert.Equal(users[r], d.UserOf(r));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.UserOf(d.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.UserOf(-1));
    }

    [Fact]
    public void By_user_and_by_item_hold_every_interaction_once()
    {
        var d = Sample();
        var fromRows = new List<(int, int, float)>();
        var users = d.UserColumn();
        for (var r = 0; r < d.Count; r++)
            fromRows.Add((users[r], d.ItemColumn[r], d.ValueColumn[r]));

        var byUser = new List<(int, int, float)>();
        for (var u = 0; u < d.ByUser.RowCount; u++)
            for (var k = 0; k < d.ByUser.RowLength(u); k++)
                byUser.Add((u, d.ByUser.RowIndices(u)[k], d.ByUser.RowValues(u)[k]));

        var byItem = new List<(int, int, float)>();
        for (var i = 0; i < d.ByItem.RowCount; i++)
        {
            Assert.True(IsStrictlyAscending(d.ByItem.RowIndices(i)));
            for (var k = 0; k < d.ByItem.RowLength(i); k++)
                byItem.Add((d.ByItem.RowIndices(i)[k], i, d.ByItem.RowValues(i)[k]));
        }

        Assert.Equal(fromRows, byUser);
        Assert.Equal(fromRows.Order(), byItem.Order());
        Assert.Equal((d.UserCount, d.ItemCount), (d.ByUser.RowCount, d.ByUser.ColumnCount));
        Assert.Equal((d.ItemCount, d.UserCount), (d.ByItem.RowCount, d.ByItem.ColumnCount));
        Assert.Same(d.ByItem, d.ByItem);
    }

    private static bool IsStrictlyAscending(ReadOnlySpan<int> values)
    {
        for (var k = 1; k < values.Length; k++)
            if (values[k] <= values[k - 1])
                return false;
        return true;
    }

    [Fact]
    public void Subset_shares_the_id_maps_and_keeps_values_and_times()
    {
        var d = Sample();
        var s = d.Subset([0, 3, 5]);

        Assert.Same(d.Users, s.Users);
        Assert.Same(d.Items, s.Items);
        Assert.Equal(d.Kind, s.Kind);
        Assert.Equal(d.Scale, s.Scale);
        Assert.Equal([1, 2, 4], s.UserColumn());
        Assert.Equal([0, 2, 3], s.ItemColumn.ToArray());
        Assert.Equal([3f, 1f, 0.5f], s.ValueColumn.ToArray());
        Assert.Equal([d.TimestampAt(0), d.TimestampAt(3), d.TimestampAt(5)], s.TimestampColumn());
        Assert.Equal(1, s.ByItem.RowLength(3));
    }

    [Fact]
    public void Subset_refuses_rows_out_of_order_or_range()
    {
        var d = Sample();
        Assert.Throws<ArgumentException>(() => d.Subset([2, 1]));
        Assert.Throws<ArgumentException>(() => d.Subset([1, 1]));
        Assert.Throws<ArgumentException>(() => d.Subset([d.Count]));
        Assert.Equal(0, d.Subset([]).Count);
    }

    [Fact]
    public void To_implicit_keeps_rows_at_or_above_the_threshold()
    {
        var d = Sample();
        var binary = d.ToImplicit(threshold: 3f);
        Assert.Equal(FeedbackKind.Implicit, binary.Kind);
        Assert.Null(binary.Scale);
        Assert.Same(d.Items, binary.Items);
        Assert.Equal([1, 2, 4], binary.UserColumn());
        Assert.Equal([0, 1, 0], binary.ItemColumn.ToArray());
        Assert.Equal([1f, 1f, 1f], binary.ValueColumn.ToArray());
        Assert.Equal([d.TimestampAt(0), d.TimestampAt(2), d.TimestampAt(4)], binary.TimestampColumn());

        var weighted = d.ToImplicit(binarize: false);
        Assert.Equal(d.ValueColumn.ToArray(), weighted.ValueColumn.ToArray());
        Assert.Equal(d.Count, weighted.Count);
        // The original stays explicit: ToImplicit copies rather than mutates.
        Assert.Equal(FeedbackKind.Explicit, d.Kind);
        Assert.Equal(3f, d.ValueColumn[0]);
    }

    [Fact]
    public void Timestamps_far_apart_fall_back_to_64_bits()
    {
        var b = new InteractionDataBuilder();
        b.Add("a", "x", 1, -5_000_000_000L);
        b.Add("a", "y", 1, 5_000_000_000L);
        b.Add("b", "x", 1, 0);
        var d = b.Build(FeedbackKind.Implicit, null);
        Assert.Equal([-5_000_000_000L, 5_000_000_000L, 0L], d.TimestampColumn());

        var s = d.Subset([1, 2]);
        Assert.Equal([5_000_000_000L, 0L], s.TimestampColumn());
        Assert.Equal(5_000_000_000L, s.TimestampAt(0));
    }

    [Fact]
    public void Time_column_is_32_bit_when_the_span_fits_and_64_bit_otherwise()
    {
        var narrow = TimeSizes(0, int.MaxValue);
        var wide = TimeSizes(0, int.MaxValue + 1L);
        Assert.Equal(4 * 2, narrow);
        Assert.Equal(8 * 2, wide);
    }

    private static long TimeSizes(long first, long last)
    {
        var withTimes = new InteractionDataBuilder();
        var without = new InteractionDataBuilder();
        withTimes.Add("a", "x", 1, first);
        withTimes.Add("a", "y", 1, last);
        without.Add("a", "x", 1);
        without.Add("a", "y", 1);
        var timed = withTimes.Build(FeedbackKind.Implicit, null);
        Assert.Equal([first, last], timed.TimestampColumn());
        return timed.SizeInBytes - without.Build(FeedbackKind.Implicit, null).SizeInBytes;
    }

    [Fact]
    public void Size_counts_both_views()
    {
        var d = Sample();
        // By user: 7 offsets + 6 items + 6 values; times 6 x 4; by item: 6 offsets + 6 users + 6 values.
        Assert.Equal(4L * (7 + 6 + 6) + 4 * 6 + 4L * (6 + 6 + 6), d.SizeInBytes);
    }

    [Fact]
    public void Data_without_timestamps_says_so()
    {
        var b = new InteractionDataBuilder();
        b.Add("a", "x", 1);
        var d = b.Build(FeedbackKind.Implicit, null);
        Assert.False(d.HasTimestamps);
        Assert.Empty(d.TimestampColumn());
        Assert.Throws<InvalidOperationException>(() => d.TimestampAt(0));
    }
}
