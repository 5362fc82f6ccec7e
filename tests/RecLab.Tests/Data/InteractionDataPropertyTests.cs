using FsCheck;
using FsCheck.Fluent;
using RecLab.Data;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data;

/// <summary>The builder and subsets against naive dictionary-based twins, on random inputs from fixed seeds.</summary>
public sealed class InteractionDataPropertyTests
{
    private sealed record Row(int User, int Item, float Value, long Time);

    // Few users, items and times, so that duplicates and timestamp ties are common.
    private static readonly Gen<Row[]> Rows =
        from users in Gen.Choose(1, 6)
        from items in Gen.Choose(1, 6)
        from n in Gen.Choose(0, 40)
        from rows in Gen.ArrayOf(
            from u in Gen.Choose(0, users - 1)
            from i in Gen.Choose(0, items - 1)
            from v in Gen.Choose(1, 5)
            from t in Gen.Choose(0, 4)
            select new Row(u, i, v, t), n)
        select rows;

    private static InteractionDataBuilder Builder(Row[] rows)
    {
        var b = new InteractionDataBuilder();
        foreach (var r in rows)
            b.Add($"u{r.User}", $"i{r.Item}", r.Value, r.Time);
        return b;
    }

    /// <summary>What each policy means, written the obvious way: one pass in input order over a dictionary.</summary>
    private static List<(string User, string Item, float Value, long Time)> Reference(Row[] rows, DuplicatePolicy policy, out int duplicates)
    {
        var kept = new Dictionary<(int, int), (float Value, long Time)>();
        duplicates = 0;
        foreach (var r in rows)
        {
            var key = (r.User, r.Item);
            if (!kept.TryGetValue(key, out var old))
            {
                kept[key] = (r.Value, r.Time);
                continue;
            }
            duplicates++;
            kept[key] = policy switch
            {
                DuplicatePolicy.LastByTimestamp => r.Time >= old.Time ? (r.Value, r.Time) : old,
                DuplicatePolicy.LastInInput => (r.Value, r.Time),
                DuplicatePolicy.FirstInInput => old,
                DuplicatePolicy.Sum => (old.Value + r.Value, Math.Max(old.Time, r.Time)),
                _ => throw new InvalidOperationException("duplicate"),
            };
        }
        // Canonical order is by dense index, and indices follow first appearance.
        var userIndex = FirstAppearance(rows.Select(r => r.User));
        var itemIndex = FirstAppearance(rows.Select(r => r.Item));
        return kept.OrderBy(kv => userIndex[kv.Key.Item1]).ThenBy(kv => itemIndex[kv.Key.Item2])
            .Select(kv => ($"u{kv.Key.Item1}", $"i{kv.Key.Item2}", kv.Value.Value, kv.Value.Time)).ToList();
    }

    private static Dictionary<int, int> FirstAppearance(IEnumerable<int> ids)
    {
        var index = new Dictionary<int, int>();
        foreach (var id in ids)
            index.TryAdd(id, index.Count);
        return index;
    }

    [Theory]
    [InlineData(DuplicatePolicy.LastByTimestamp)]
    [InlineData(DuplicatePolicy.LastInInput)]
    [InlineData(DuplicatePolicy.FirstInInput)]
    [InlineData(DuplicatePolicy.Sum)]
    public void Builder_matches_the_dictionary_reference(DuplicatePolicy policy) =>
        Properties.Check(Rows, rows =>
        {
            var b = Builder(rows);
            var data = b.Build(FeedbackKind.Implicit, null, policy, b.UserIds.Build(), b.ItemIds.Build(), out var duplicates);
            var expected = Reference(rows, policy, out var expectedDuplicates);
            Assert.Equal(expected, DataRows.Of(data));
            Assert.Equal(expectedDuplicates, duplicates);
        }, seed: 20261101UL + (ulong)policy);

    [Fact]
    public void Rebuilding_canonical_rows_gives_the_same_data() =>
        Properties.Check(Rows, rows =>
        {
            // Rows that are already canonical take the builder's copy path instead of its sort.
            var b = Builder(rows);
            var users = b.UserIds.Build();
            var items = b.ItemIds.Build();
            var data = b.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Sum, users, items, out _);
            var again = new InteractionDataBuilder();
            var userColumn = data.UserColumn();
            for (var r = 0; r < data.Count; r++)
                again.Add(userColumn[r], data.ItemColumn[r], data.ValueColumn[r], data.TimestampAt(r));
            var rebuilt = again.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Error, users, items, out var duplicates);
            Assert.Equal(0, duplicates);
            Assert.Equal(DataRows.Of(data), DataRows.Of(rebuilt));
            Assert.Equal(data.ByUser.Offsets.ToArray(), rebuilt.ByUser.Offsets.ToArray());
        }, seed: 5UL);

    [Fact]
    public void Error_policy_fails_exactly_when_a_pair_repeats() =>
        Properties.Check(Rows, rows =>
        {
            var expected = Reference(rows, DuplicatePolicy.LastInInput, out var duplicates);
            var b = Builder(rows);
            if (duplicates > 0)
            {
                Assert.ThrowsAny<Exception>(() => b.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Error));
                return;
            }
            Assert.Equal(expected, DataRows.Of(b.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Error)));
        }, seed: 7UL);

    [Fact]
    public void Subset_equals_the_filtered_rows() =>
        Properties.Check(
            from rows in Rows
            from keep in Gen.ArrayOf(Gen.Elements(true, false), 40)
            select (rows, keep),
            input =>
            {
                var b = Builder(input.rows);
                var data = b.Build(FeedbackKind.Implicit, null);
                var chosen = Enumerable.Range(0, data.Count).Where(r => input.keep[r]).ToArray();
                var subset = data.Subset(chosen);

                var all = DataRows.Of(data);
                Assert.Equal(chosen.Select(r => all[r]), DataRows.Of(subset));
                Assert.Same(data.Users, subset.Users);
                Assert.Same(data.Items, subset.Items);
                // The transposed view of the subset holds the same pairs.
                var users = subset.UserColumn();
                var pairs = new List<(int, int)>();
                for (var i = 0; i < subset.ItemCount; i++)
                    foreach (var u in subset.ByItem.RowIndices(i))
                        pairs.Add((u, i));
                Assert.Equal(Enumerable.Range(0, subset.Count).Select(r => (users[r], subset.ItemColumn[r])).Order(), pairs.Order());
            }, seed: 11UL);

    [Fact]
    public void Id_map_round_trips_any_distinct_ids() =>
        Properties.Check(
            Gen.ListOf(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)).Select(ids => ids.Distinct().ToArray()),
            ids =>
            {
                var map = IdMap.FromIds(ids);
                Assert.Equal(ids.Length, map.Count);
                for (var i = 0; i < ids.Length; i++)
                {
                    Assert.Equal(ids[i], map.IdAt(i));
                    Assert.Equal(i, map.IndexOf(ids[i]));
                    Assert.Equal(i, map.IndexOf(ids[i].AsSpan()));
                }
                Assert.Equal(-1, map.IndexOf(Guid.NewGuid().ToString()));

                var continued = new IdMapBuilder(map);
                Assert.Equal(ids.Length, continued.GetOrAdd("\0new"));
                Assert.Equal(ids.Length == 0 ? 1 : 0, continued.GetOrAdd(ids.Length == 0 ? "\0other" : ids[0]));
                if (ids.Length > 0)
                    Assert.Throws<ArgumentException>(() => IdMap.FromIds([.. ids, ids[^1]]));
            }, seed: 3UL);
}
