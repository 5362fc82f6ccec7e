namespace RecLab.Data.Synthetic;

public sealed partial class World
{
    private IdMap? _userIds, _itemIds, _creatorIds;
    private InteractionData? _implicit, _ratings;
    private ItemFeatures? _itemFeatures;
    private UserFeatures? _userFeatures;
    private string[]? _titles;

    /// <summary>External user ids <c>u1</c> to <c>uN</c> (dense index k has id u{k+1}).</summary>
    public IdMap UserIds => LazyInitializer.EnsureInitialized(ref _userIds, () => Sequential('u', Users.Count));

    /// <summary>External item ids <c>i1</c> to <c>iN</c>.</summary>
    public IdMap ItemIds => LazyInitializer.EnsureInitialized(ref _itemIds, () =>
    {
        var ids = Sequential('i', Items.Count);
        ByItemIds.AddOrUpdate(ids, this);
        return ids;
    });

    /// <summary>
    /// The world whose views <paramref name="data"/> was drawn from (split, merged with simulated clicks or not), found by
    /// its id maps, which every view, split and simulation shares; null for other data (a MovieLens set, or a world's
    /// data remapped by preprocessing). Ground-truth recommenders (<c>oracle</c>) reach their world through it.
    /// </summary>
    public static World? Of(InteractionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ByItemIds.TryGetValue(data.Items, out var world) && ReferenceEquals(world.UserIds, data.Users) ? world : null;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IdMap, World> ByItemIds = new();

    /// <summary>External creator ids <c>c1</c> to <c>cN</c>.</summary>
    public IdMap CreatorIds => LazyInitializer.EnsureInitialized(ref _creatorIds, () => Sequential('c', Creators.Count));

    /// <summary>
    /// The implicit view with the options' weights: per (user, item), the sum over its clicks of
    /// <c>ClickWeight + LikeWeight·liked + PurchaseWeight·bought</c>, timestamped by the latest click. Built once and cached.
    /// </summary>
    public InteractionData Implicit() =>
        LazyInitializer.EnsureInitialized(ref _implicit, () => Implicit(Options.ClickWeight, Options.LikeWeight, Options.PurchaseWeight));

    /// <summary>The implicit view with other weights (not cached).</summary>
    public InteractionData Implicit(float clickWeight, float likeWeight, float purchaseWeight)
    {
        var clicks = Log.Clicks;
        var builder = new InteractionDataBuilder(capacity: clicks.Count);
        var users = clicks.Users;
        var items = clicks.Items;
        var outcomes = clicks.Outcomes;
        for (var r = 0; r < clicks.Count; r++)
        {
            var o = outcomes[r];
            var value = clickWeight + ((o & Engagement.Like) != 0 ? likeWeight : 0f) + ((o & Engagement.Purchase) != 0 ? purchaseWeight : 0f);
            builder.Add(users[r], items[r], value, clicks.Timestamp(r));
        }
        return builder.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Sum, UserIds, ItemIds, out _);
    }

    /// <summary>The explicit view: ratings 1–5 (the latest when an item was rated twice). Built once and cached.</summary>
    public InteractionData Ratings() => LazyInitializer.EnsureInitialized(ref _ratings, () =>
    {
        var clicks = Log.Clicks;
        var builder = new InteractionDataBuilder(capacity: (int)Math.Min(int.MaxValue, Log.Totals.Ratings));
        var ratings = clicks.Ratings;
        for (var r = 0; r < clicks.Count; r++)
            if (ratings[r] > 0)
                builder.Add(clicks.Users[r], clicks.Items[r], ratings[r], clicks.Timestamp(r));
        return builder.Build(FeedbackKind.Explicit, RatingScale.OneToFive, DuplicatePolicy.LastByTimestamp, UserIds, ItemIds, out _);
    });

    /// <summary>
    /// Item features: <c>topic:</c> (1 for the primary topic, 0.5 for the secondary), <c>token:</c> (title word counts),
    /// <c>creator:</c>, <c>kind:</c> (post or product) and <c>price:</c> (band, products only).
    /// </summary>
    public ItemFeatures ItemFeatures => LazyInitializer.EnsureInitialized(ref _itemFeatures, () =>
    {
        var builder = new ItemFeaturesBuilder();
        var vocabulary = Items.Vocabulary;
        for (var i = 0; i < Items.Count; i++)
        {
            builder.Add(i, "topic", Topics[Items.PrimaryTopic(i)].Name);
            if (Items.SecondaryTopic(i) >= 0)
                builder.Add(i, "topic", Topics[Items.SecondaryTopic(i)].Name, 0.5f);
            foreach (var token in Items.TitleTokens(i))
                builder.Add(i, "token", vocabulary[token]);
            builder.Add(i, "creator", CreatorIds[Items.Creator(i)]);
            var product = Items.Kind(i) == ItemKind.Product;
            builder.Add(i, "kind", product ? "product" : "post");
            if (product)
                builder.Add(i, "price", WorldItems.PriceBand(Items.Price(i)));
        }
        return builder.Build(ItemIds);
    });

    /// <summary>User features: <c>age</c> (band), <c>gender</c> and <c>region</c>.</summary>
    public UserFeatures UserFeatures => LazyInitializer.EnsureInitialized(ref _userFeatures, () =>
    {
        var builder = new UserFeaturesBuilder("age", "gender", "region");
        for (var u = 0; u < Users.Count; u++)
        {
            builder.Set(u, "age", Demographics.AgeBands[Users.AgeBand(u)]);
            builder.Set(u, "gender", Demographics.Genders[Users.Gender(u)]);
            builder.Set(u, "region", Demographics.Regions[Users.Region(u)]);
        }
        return builder.Build(UserIds);
    });

    /// <summary>Item titles by item index.</summary>
    public IReadOnlyList<string> ItemTitles => LazyInitializer.EnsureInitialized(ref _titles, () =>
    {
        var titles = new string[Items.Count];
        for (var i = 0; i < titles.Length; i++)
            titles[i] = Items.Title(i);
        return titles;
    });

    /// <summary>
    /// The world as a <see cref="Dataset"/>: the view chosen by <see cref="WorldOptions.Feedback"/>, item and user
    /// features, titles and the impression log (<see cref="ImpressionLog"/>), sharing the world's id maps.
    /// </summary>
    public Dataset ToDataset(string name = "synthetic")
    {
        var interactions = Options.Feedback == SyntheticFeedback.Ratings ? Ratings() : Implicit();
        return new Dataset(name, interactions, ItemFeatures, UserFeatures, ItemTitles, source: $"generated: {Options.ToSpec()}",
            impressions: ImpressionLog());
    }

    /// <summary>
    /// <see cref="WorldLog.Impressions"/> (every impression of the kept users) as a general <see cref="Data.ImpressionLog"/>:
    /// position, clicked, the logged propensity and the unix time of each row.
    /// </summary>
    public ImpressionLog ImpressionLog()
    {
        var log = Log.Impressions;
        var n = log.Count;
        var positions = new int[n];
        var clicked = new bool[n];
        var times = new long[n];
        for (var r = 0; r < n; r++)
        {
            positions[r] = log.Positions[r];
            clicked[r] = (log.Outcomes[r] & Engagement.Click) != 0;
            times[r] = log.Timestamp(r);
        }
        return new ImpressionLog(UserIds, ItemIds, log.Users.ToArray(), log.Items.ToArray(), positions, clicked, log.Propensities.ToArray(), times);
    }

    private static IdMap Sequential(char prefix, int count)
    {
        var ids = new string[count];
        for (var k = 0; k < count; k++)
            ids[k] = prefix + (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return IdMap.FromIds(ids);
    }
}
