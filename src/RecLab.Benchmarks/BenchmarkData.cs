using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Benchmarks;

/// <summary>
/// The ml-latest-small sample the benchmarks run on: <c>RECLAB_SHARED_DATA</c>, else <c>../shared/data</c> beside the
/// repository root (never copied into the repo). The split is one seeded 80/20 holdout, the protocol of ANCHORS.md's
/// LIBMF figures.
/// </summary>
public static class BenchmarkData
{
    private static InteractionData? _train;
    private static InteractionData? _implicitTrain;

    /// <summary>The ml-latest-small folder, or null when it is absent.</summary>
    public static string? Locate()
    {
        var root = Environment.GetEnvironmentVariable("RECLAB_SHARED_DATA");
        if (string.IsNullOrWhiteSpace(root))
        {
            var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lab.sln")))
                dir = dir.Parent;
            root = Path.Combine(dir?.Parent?.FullName ?? ".", "shared", "data");
        }
        var folder = Path.Combine(root, "ml-latest-small");
        return File.Exists(Path.Combine(folder, "ratings.csv")) ? folder : null;
    }

    /// <summary>80% of the ratings, drawn with a fixed seed.</summary>
    public static InteractionData Train()
    {
        if (_train is not null)
            return _train;
        var folder = Locate() ?? throw new InvalidOperationException("ml-latest-small not found; set RECLAB_SHARED_DATA.");
        var data = DatasetLoader.Load(folder).Interactions;
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
