using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Splitting;

/// <summary>Picks k of a group's rows: at random, or the earliest or latest by timestamp.</summary>
internal static class RowPicker
{
    public enum Order
    {
        Random,
        Earliest,
        Latest,
    }

    /// <summary>
    /// Reorders <paramref name="rows"/> as needed and returns the <paramref name="k"/> picked; <paramref name="keys"/>
    /// is scratch at least as long as the rows, used by the time orders.
    /// </summary>
    public static Span<int> Pick(Span<int> rows, int k, Order order, ref Rng rng, InteractionData data, Span<long> keys)
    {
        if (order == Order.Random)
        {
            // Partial Fisher–Yates: the first k positions end up a uniform sample.
            for (var i = 0; i < k; i++)
            {
                var j = rng.NextInt(i, rows.Length);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }
            return rows[..k];
        }
        SortByTime(rows, data, keys[..rows.Length]);
        return order == Order.Earliest ? rows[..k] : rows[^k..];
    }

    /// <summary>Sorts rows by timestamp, ties by row (canonical order: user, then item).</summary>
    public static void SortByTime(Span<int> rows, InteractionData data, Span<long> keys)
    {
        for (var k = 0; k < rows.Length; k++)
            keys[k] = data.TimestampAt(rows[k]);
        // Sorting primitive keys is several times faster than a comparer; equal-time runs are then put in row order.
        keys.Sort(rows);
        var start = 0;
        for (var k = 1; k <= rows.Length; k++)
        {
            if (k < rows.Length && keys[k] == keys[start])
                continue;
            if (k - start > 1)
                rows[start..k].Sort();
            start = k;
        }
    }
}
