using RecLab.Data;
using RecLab.Data.Downloads;
using RecLab.Randomness;

namespace RecLab.Benchmarks;

/// <summary>
/// The ml-latest-small sample the benchmarks run on, from the dataset cache (<c>RECLAB_DATA</c>, filled by
/// <c>reclab data fetch ml-latest-small</c>). The split is one seeded 80/20 holdout, the protocol of ANCHORS.md's
/// LIBMF figures.
/// </summary>
public static class BenchmarkData
{
    private static InteractionData? _train;
    private static InteractionData? _implicitTrain;

    /// <summary>The cache that holds ml-latest-small.</summary>
    public static DataCache Cache { get; } = new();

    /// <summary>Whether ml-latest-small is in <see cref="Cache"/>.</summary>
    public static bool Available => Cache.Contains("ml-latest-small");

    /// <summary>80% of the ratings, drawn with a fixed seed.</summary>
    public static InteractionData Train()
    {
        if (_train is not null)
            return _train;
        var data = DatasetLoader.Load("ml-latest-small", cache: Cache).Interactions;
        var perm = new int[data.Count];
        for (var k = 0; k < perm.Length; k++)
            perm[k] = k;
        var rng = new Rng(2024);
        rng.Shuffle(perm.AsSpan());
        var rows = perm.AsSpan(0, data.Count * 4 / 5).ToArray();
        Array.Sort(rows);
        return _train = data.Subset(rows);
    }

    /// <summary>The same 80%, every rating one implicit interaction (value 1), as ANCHORS.md's ranking table.</summary>
    public static InteractionData ImplicitTrain() => _implicitTrain ??= Train().ToImplicit();
}
