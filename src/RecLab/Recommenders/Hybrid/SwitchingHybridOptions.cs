namespace RecLab.Recommenders.Hybrid;

/// <summary>Options of <see cref="SwitchingHybrid"/>.</summary>
public sealed record SwitchingHybridOptions : RecommenderOptions
{
    /// <summary>
    /// The recommenders switched between, from the one for the shortest histories to the one for the longest, each a
    /// registered kind with its options, as an algorithm is given.
    /// </summary>
    public RecommenderSpec[] Components { get; init; } = ["most-popular", "content-based", "implicit-als"];

    /// <summary>
    /// History lengths where the next component takes over (ascending, one fewer than the components): with
    /// <c>3|20</c>, histories shorter than 3 go to the first, 3 to 19 to the second, 20 and more to the third.
    /// </summary>
    public int[] Thresholds { get; init; } = [3, 20];

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate()
    {
        var errors = new List<OptionError>(RecommenderSpec.Check(nameof(Components), Components));
        if (Thresholds.Length != Math.Max(0, Components.Length - 1))
            errors.Add(new OptionError(nameof(Thresholds), $"must give one threshold fewer than there are components ({Components.Length - 1}), got {Thresholds.Length}"));
        for (var k = 0; k < Thresholds.Length; k++)
            if (Thresholds[k] < 1 || (k > 0 && Thresholds[k] <= Thresholds[k - 1]))
                errors.Add(new OptionError(nameof(Thresholds), $"must be at least 1 and strictly ascending, got {string.Join("|", Thresholds)}"));
        return errors.DistinctBy(e => e.Message);
    }
}
