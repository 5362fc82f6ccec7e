using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Splitting;

/// <summary>
/// Splits interactions regardless of whose they are: a random holdout (<c>holdout:0.2</c>: <c>round(0.2 × N)</c>
/// random interactions to test) or k-fold cross-validation (<c>kfold:5</c>: interactions shuffled once by the seed
/// and cut into k test sets of sizes differing by at most one, which partition the data; each fold trains on the
/// rest). Surprise's <c>KFold</c> and LensKit's <c>crossfold_records</c> do the same.
/// </summary>
/// <remarks>Users and items may end up with no training interactions; rating metrics then see cold pairs.</remarks>
public sealed class InteractionSplit : ISplitter
{
    /// <summary>A holdout (<see cref="Partition.OfFraction"/>) or k-fold (<see cref="Partition.OfFolds"/>) split.</summary>
    public InteractionSplit(Partition partition)
    {
        if (!partition.IsValid)
            throw new ArgumentException("The partition is not set; use Partition.OfFraction or Partition.OfFolds.", nameof(partition));
        Partition = partition;
    }

    /// <summary>The test share or the number of folds.</summary>
    public Partition Partition { get; }

    /// <inheritdoc/>
    public string Spec => Partition.IsFolds
        ? new SpecText("kfold").Add(SpecText.Number(Partition.Folds)).ToString()
        : new SpecText("holdout").Add(SpecText.Number(Partition.Fraction)).ToString();

    /// <inheritdoc/>
    public int FoldCount => Partition.FoldCount;

    /// <inheritdoc/>
    public Fold CreateFold(InteractionData data, int index, ulong seed)
    {
        FoldParts.CheckIndex(index, FoldCount);
        var rows = new int[data.Count];
        for (var r = 0; r < rows.Length; r++)
            rows[r] = r;
        var part = new byte[data.Count];
        // The shuffle ignores the fold index, so all folds of one seed cut the same permutation.
        foreach (var r in FoldParts.TestUnits(rows, Partition, index, Seeds.Derive(seed, "split/interactions")))
            part[r] = FoldParts.Test;
        return FoldParts.Build(data, index, part, withOnboarding: false);
    }

    /// <inheritdoc/>
    public override string ToString() => Spec;
}
