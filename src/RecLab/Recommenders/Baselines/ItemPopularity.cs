using RecLab.Data;

namespace RecLab.Recommenders.Baselines;

/// <summary>Item popularity over a set of users, shared by <see cref="MostPopular"/> and <see cref="SegmentPopularity"/>.</summary>
internal static class ItemPopularity
{
    /// <summary>
    /// Popularity of every item among the interactions of <paramref name="users"/>: the count, or the mean value
    /// damped towards <paramref name="prior"/>: <c>(sum + damping * prior) / (count + damping)</c>.
    /// </summary>
    public static float[] Compute(InteractionData data, ReadOnlySpan<int> users, PopularityMeasure measure, float damping, double prior)
    {
        var counts = new float[data.ItemCount];
        var sums = measure == PopularityMeasure.Count ? [] : new double[data.ItemCount];
        var byUser = data.ByUser;
        foreach (var u in users)
        {
            var items = byUser.RowIndices(u);
            var values = byUser.RowValues(u);
            for (var k = 0; k < items.Length; k++)
                counts[items[k]]++;
            if (sums.Length > 0)
                for (var k = 0; k < items.Length; k++)
                    sums[items[k]] += values[k];
        }
        if (measure == PopularityMeasure.Count)
            return counts;
        var popularity = new float[data.ItemCount];
        for (var i = 0; i < popularity.Length; i++)
            popularity[i] = (float)((sums[i] + damping * prior) / (counts[i] + damping));
        return popularity;
    }

    /// <summary>Every user index of the data's id space, for whole-data popularity.</summary>
    public static int[] AllUsers(InteractionData data)
    {
        var users = new int[data.UserCount];
        for (var u = 0; u < users.Length; u++)
            users[u] = u;
        return users;
    }
}
