namespace RecLab.Simulation.Policies;

/// <summary>
/// A brand campaign's sponsored slots: at the given slate positions, the campaign item the policy scores highest for
/// the user is shown instead of an organic one, at most <see cref="MaxPerUserPerDay"/> times a day. Either everyone
/// sees it at the platform's <see cref="CostPerThousand"/>, or (an influencer campaign) only the users in
/// <see cref="Channels"/>, each reached through one creator who is paid that creator's fee per thousand impressions.
/// </summary>
public sealed record SponsoredSlots
{
    /// <summary>The campaign's name in reports.</summary>
    public string Name { get; init; } = "campaign";

    /// <summary>The sponsored items (world item indices; usually products).</summary>
    public required IReadOnlyList<int> Items { get; init; }

    /// <summary>Slate positions (0 = top) that carry a sponsored item.</summary>
    public IReadOnlyList<int> Positions { get; init; } = [2];

    /// <summary>Most sponsored impressions per user and day.</summary>
    public int MaxPerUserPerDay { get; init; } = 3;

    /// <summary>The platform's price per thousand sponsored impressions, in dollars (when <see cref="Channels"/> is null).</summary>
    public double CostPerThousand { get; init; } = 8;

    /// <summary>
    /// An influencer campaign: user → the creator through whom the user is reached. Only these users see the campaign,
    /// and each impression costs that creator's fee per thousand (paid to the creator). Null: everyone, at <see cref="CostPerThousand"/>.
    /// </summary>
    public IReadOnlyDictionary<int, int>? Channels { get; init; }

    /// <summary>Checks the campaign against a catalogue of <paramref name="itemCount"/> items.</summary>
    /// <exception cref="ArgumentException">No items, an item or position out of range, or a bad cap or price.</exception>
    public void Validate(int itemCount)
    {
        if (Items.Count == 0)
            throw new ArgumentException($"Campaign '{Name}' has no items.");
        foreach (var item in Items)
            if ((uint)item >= (uint)itemCount)
                throw new ArgumentException($"Campaign '{Name}': item {item} is outside the catalogue (0 to {itemCount - 1}).");
        if (Positions.Count == 0 || Positions.Any(p => p < 0))
            throw new ArgumentException($"Campaign '{Name}' needs at least one slate position, each 0 or more.");
        if (MaxPerUserPerDay < 1)
            throw new ArgumentException($"Campaign '{Name}': max per user per day must be at least 1.");
        if (!(CostPerThousand >= 0 && double.IsFinite(CostPerThousand)))
            throw new ArgumentException($"Campaign '{Name}': cost per thousand must be a finite number, zero or more.");
    }
}
