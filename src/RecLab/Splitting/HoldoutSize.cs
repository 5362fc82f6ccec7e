namespace RecLab.Splitting;

/// <summary>
/// How many of a group's interactions a per-group holdout puts in test: a fraction (rounded by a
/// <see cref="FractionRounding"/>) or a fixed count. Create with <see cref="OfFraction"/> or <see cref="OfCount"/>.
/// </summary>
public readonly record struct HoldoutSize
{
    private HoldoutSize(double fraction, int count)
    {
        Fraction = fraction;
        Count = count;
    }

    /// <summary>The test fraction of each group, in (0, 1); 0 when this is a count.</summary>
    public double Fraction { get; }

    /// <summary>The number of test interactions per group (at least 1); 0 when this is a fraction.</summary>
    public int Count { get; }

    /// <summary>True for a fixed count, false for a fraction.</summary>
    public bool IsCount => Count > 0;

    /// <summary>A fraction of each group's interactions, in (0, 1).</summary>
    public static HoldoutSize OfFraction(double fraction) =>
        fraction > 0 && fraction < 1
            ? new(fraction, 0)
            : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A holdout fraction must be in (0, 1).");

    /// <summary>A fixed number of interactions per group (at least 1).</summary>
    public static HoldoutSize OfCount(int count) =>
        count >= 1
            ? new(0, count)
            : throw new ArgumentOutOfRangeException(nameof(count), count, "A holdout count must be at least 1.");

    /// <summary>True when created by <see cref="OfFraction"/> or <see cref="OfCount"/> (not <c>default</c>).</summary>
    public bool IsValid => IsCount || Fraction > 0;

    /// <summary>Test interactions asked of a group of <paramref name="n"/> (may exceed <paramref name="n"/> for a count).</summary>
    internal int Requested(int n, FractionRounding rounding) => IsCount ? Count : Fractions.Of(Fraction, n, rounding);

    /// <inheritdoc/>
    public override string ToString() => IsCount ? $"count={Count}" : SpecText.Number(Fraction);
}
