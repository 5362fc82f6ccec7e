using RecLab.Data;

namespace RecLab.Splitting;

/// <summary>
/// A way to partition interactions into folds. Folds are built one at a time and independently, so parallel
/// experiment cells each build only their own; the same data, fold index and seed always give the same fold.
/// </summary>
public interface ISplitter
{
    /// <summary>The canonical spec string this splitter parses from, e.g. <c>user-holdout:0.2</c> (see <c>SplitSpec</c>).</summary>
    string Spec { get; }

    /// <summary>Number of folds (1 for a single holdout).</summary>
    int FoldCount { get; }

    /// <summary>Builds fold <paramref name="index"/> (0-based) of <paramref name="data"/>.</summary>
    Fold CreateFold(InteractionData data, int index, ulong seed);
}
