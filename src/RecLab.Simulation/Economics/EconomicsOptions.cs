namespace RecLab.Simulation.Economics;

/// <summary>
/// Money rules beyond the world's prices and margins: revenue is price times purchases; margin is price times the item's
/// margin share; creators earn a commission on the sales of their items (plus the fees of influencer campaigns).
/// </summary>
public sealed record EconomicsOptions
{
    /// <summary>Share of each sale paid to the creator of the item sold.</summary>
    public double CreatorCommission { get; init; } = 0.1;

    /// <summary>Checks ranges.</summary>
    /// <exception cref="ArgumentException">A commission outside [0, 1].</exception>
    public void Validate()
    {
        if (!(CreatorCommission is >= 0 and <= 1))
            throw new ArgumentException($"The creator commission must be in [0, 1] (got {CreatorCommission}).");
    }
}
