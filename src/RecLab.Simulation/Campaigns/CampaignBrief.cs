using RecLab.Data.Synthetic;
using RecLab.Simulation.Policies;

namespace RecLab.Simulation.Campaigns;

/// <summary>
/// A brand's influencer campaign: its products, budget and length, the audience it wants, the topics it belongs to,
/// and where its items appear (a sponsored slot, at most so many times a day per user).
/// </summary>
public sealed record CampaignBrief
{
    /// <summary>The campaign's name in reports.</summary>
    public string Name { get; init; } = "campaign";

    /// <summary>The brand's products (world item indices).</summary>
    public required IReadOnlyList<int> Items { get; init; }

    /// <summary>Total spend the plan may expect, dollars.</summary>
    public required double Budget { get; init; }

    /// <summary>Campaign days.</summary>
    public int Days { get; init; } = 14;

    /// <summary>Who the brand wants to reach; only these followers see the campaign (and cost money).</summary>
    public AudienceSegment Target { get; init; } = AudienceSegment.Everyone;

    /// <summary>The brand's topics (world topic indices): the follower-count plan looks only at creators covering one; empty: every creator.</summary>
    public IReadOnlyList<int> Topics { get; init; } = [];

    /// <summary>Slate position of the sponsored slot (0 = top).</summary>
    public int Position { get; init; } = 2;

    /// <summary>Most sponsored impressions per user and day.</summary>
    public int MaxPerUserPerDay { get; init; } = 3;

    /// <summary>Checks the brief against <paramref name="world"/>.</summary>
    /// <exception cref="ArgumentException">Every problem found.</exception>
    public void Validate(World world)
    {
        var problems = new List<string>();
        if (Items.Count == 0)
            problems.Add("no products");
        foreach (var item in Items)
            if ((uint)item >= (uint)world.Items.Count)
                problems.Add($"item {item} is outside the catalogue (0 to {world.Items.Count - 1})");
        if (!(Budget > 0 && double.IsFinite(Budget)))
            problems.Add($"the budget must be a positive number of dollars (got {Budget})");
        if (Days < 1)
            problems.Add($"days must be at least 1 (got {Days})");
        if (Position < 0)
            problems.Add($"the position must be 0 or more (got {Position})");
        if (MaxPerUserPerDay < 1)
            problems.Add($"max per user per day must be at least 1 (got {MaxPerUserPerDay})");
        foreach (var topic in Topics)
            if ((uint)topic >= (uint)world.Topics.Count)
                problems.Add($"topic {topic} is not one of the world's {world.Topics.Count}");
        if (problems.Count > 0)
            throw new ArgumentException($"Invalid campaign '{Name}': " + string.Join("; ", problems) + ".");
    }

    /// <summary>The sponsored slots that deliver the campaign to <paramref name="channels"/> (user → creator paid for the impression).</summary>
    public SponsoredSlots Slots(IReadOnlyDictionary<int, int> channels) => new()
    {
        Name = Name,
        Items = Items,
        Positions = [Position],
        MaxPerUserPerDay = MaxPerUserPerDay,
        Channels = channels,
    };

    /// <summary>
    /// A brand's catalogue for examples and tests: the <paramref name="count"/> products tagged <paramref name="topic"/>
    /// (primary topic) with the highest quality, in item order.
    /// </summary>
    public static IReadOnlyList<int> ProductsOf(World world, int topic, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var items = world.Items;
        var products = new List<int>();
        for (var i = 0; i < items.Count; i++)
            if (items.Kind(i) == ItemKind.Product && items.PrimaryTopic(i) == topic)
                products.Add(i);
        return [.. products.OrderByDescending(items.Quality).ThenBy(i => i).Take(count).Order()];
    }
}
