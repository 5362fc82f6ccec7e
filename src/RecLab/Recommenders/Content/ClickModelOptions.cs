namespace RecLab.Recommenders.Content;

/// <summary>Options of <see cref="ClickModel"/>.</summary>
public sealed record ClickModelOptions : RecommenderOptions
{
    /// <summary>Features are hashed into <c>2^HashBits</c> weights.</summary>
    public int HashBits { get; init; } = 18;

    /// <summary>L2 penalty λ: the objective is the summed log-loss plus <c>λ/2 |θ|²</c>.</summary>
    public double Regularization { get; init; } = 1.0;

    /// <summary>Most L-BFGS iterations.</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>Item feature fields used (empty for all), each feature with its value, item rows L2-normalized.</summary>
    public string[] Fields { get; init; } = [];

    /// <summary>Item feature fields crossed with every user feature field (e.g. topic x age band).</summary>
    public string[] CrossFields { get; init; } = ["topic", "genre"];

    /// <summary>A weight per item (learned for items with impressions; a new item gets 0 and is scored from features).</summary>
    public bool ItemIds { get; init; } = true;

    /// <summary>A weight per slate position (context): position bias is learned apart from the item's appeal.</summary>
    public bool Position { get; init; } = true;

    /// <summary>Cross the user id with the cross fields (a per-user taste for each topic; only users seen in training benefit).</summary>
    public bool UserCrosses { get; init; }

    /// <summary>Without an impression log: unobserved items sampled per interaction as non-clicks (every interaction is a click).</summary>
    public int Negatives { get; init; } = 4;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
        Between(nameof(HashBits), HashBits, 8, 26)
            .Concat(AtLeast(nameof(Regularization), Regularization, 0))
            .Concat(AtLeast(nameof(Iterations), Iterations, 1))
            .Concat(AtLeast(nameof(Negatives), Negatives, 1));
}
