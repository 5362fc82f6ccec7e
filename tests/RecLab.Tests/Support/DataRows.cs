using RecLab.Data;

namespace RecLab.Tests.Support;

/// <summary>Interaction rows spelled with external ids, in row order, for readable equality asserts.</summary>
public static class DataRows
{
    /// <summary>(user id, item id, value, timestamp or -1 when the data has none) for every row.</summary>
    public static (string User, string Item, float Value, long Time)[] Of(InteractionData d)
    {
        var users = d.UserColumn();
        var rows = new (string, string, float, long)[d.Count];
        for (var r = 0; r < d.Count; r++)
            rows[r] = (d.Users[users[r]], d.Items[d.ItemColumn[r]], d.ValueColumn[r], d.HasTimestamps ? d.TimestampAt(r) : -1);
        return rows;
    }

    /// <summary>(user id, item id, value) for every row.</summary>
    public static (string User, string Item, float Value)[] Triples(InteractionData d) =>
        Of(d).Select(r => (r.User, r.Item, r.Value)).ToArray();
}
