namespace RecLab.Splitting;

/// <summary>
/// How the units of a split (interactions, users or items) are divided between test and train: one random test
/// share (<see cref="OfFraction"/>, one fold) or <c>k</c> folds whose test sets partition the units
/// (<see cref="OfFolds"/>). Units are shuffled by the seed, then cut into contiguous runs; fold sizes differ by at
/// most one, the first <c>n mod k</c> folds being the larger (as numpy's <c>array_split</c>, which LensKit uses).
/// </summary>
public readonly record struct Partition
{
    private Partition(double fraction, int folds)
    {
        Fraction = fraction;
        Folds = folds;
    }

    /// <summary>The test share, in (0, 1); 0 for k folds.</summary>
    public double Fraction { get; }

    /// <summary>The number of folds (at least 2); 0 for a single test share.</summary>
    public int Folds { get; }

    /// <summary>True for k folds.</summary>
    public bool IsFolds => Folds > 0;

    /// <summary>Number of folds this partition yields (1 for a test share).</summary>
    public int FoldCount => IsFolds ? Folds : 1;

    /// <summary>True when created by <see cref="OfFraction"/> or <see cref="OfFolds"/> (not <c>default</c>).</summary>
    public bool IsValid => IsFolds || Fraction > 0;

    /// <summary>A single test share of <c>round(fraction × n)</c> units (nearest, halves to even), fraction in (0, 1).</summary>
    public static Partition OfFraction(double fraction) =>
        fraction > 0 && fraction < 1
            ? new(fraction, 0)
            : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A test fraction must be in (0, 1).");

    /// <summary><paramref name="folds"/> folds (at least 2) whose test sets partition the units.</summary>
    public static Partition OfFolds(int folds) =>
        folds >= 2
            ? new(0, folds)
            : throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");

    /// <summary>The test positions <c>[Start, End)</c> of fold <paramref name="fold"/> among <paramref name="n"/> shuffled units.</summary>
    internal (int Start, int End) TestRange(int n, int fold)
    {
        if (!IsFolds)
            return (0, Fractions.Of(Fraction, n, FractionRounding.Nearest));
        var size = n / Folds;
        var extra = n % Folds;
        var start = fold * size + Math.Min(fold, extra);
        return (start, start + size + (fold < extra ? 1 : 0));
    }

    /// <inheritdoc/>
    public override string ToString() => IsFolds ? $"folds={Folds}" : SpecText.Number(Fraction);
}
