namespace RecLab.Internal.Kernels;

/// <summary>What <see cref="PairStatistics"/> computes and keeps.</summary>
/// <param name="Measure">The statistic.</param>
/// <param name="MinSupport">Pairs with fewer common ys are dropped.</param>
/// <param name="Shrinkage">When positive, values are multiplied by <c>(n - 1) / (n - 1 + Shrinkage)</c> (Surprise's form).</param>
/// <param name="PositiveOnly">Keep only values above 0 (neighbourhood predictions never use the others).</param>
/// <param name="KeepCounts">Also store the support <c>n</c> of every kept pair.</param>
/// <param name="Dense">Store an n x n matrix instead of sparse rows.</param>
/// <param name="TopK">When positive, keep only the <c>TopK</c> largest values of each row (ties to the lower index).</param>
internal readonly record struct PairSettings(PairMeasure Measure, int MinSupport = 1, float Shrinkage = 0, bool PositiveOnly = false,
    bool KeepCounts = false, bool Dense = false, int TopK = 0)
{
    /// <summary>Most rows a pair matrix stores dense (4,096: a 64 MiB matrix); more are stored as sparse rows.</summary>
    public const int DenseLimit = 4096;
}
