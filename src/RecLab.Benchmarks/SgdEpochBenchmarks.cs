using BenchmarkDotNet.Attributes;
using RecLab.Internal.Kernels;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;

namespace RecLab.Benchmarks;

/// <summary>
/// One biased-MF SGD epoch over the 80% split of ml-latest-small (about 80k ratings), the unit of LIBMF's
/// "ms per iteration" in ANCHORS.md (9.1 ms single-thread, 5.1 ms with 2 threads, at k = 100).
/// </summary>
public class SgdEpochBenchmarks
{
    private SgdSchedule _schedule = null!;
    private SgdPass _pass = null!;
    private FitContext _context = null!;
    private int _epoch;

    /// <summary>Threads and block grid.</summary>
    [ParamsSource(nameof(Setups))]
    public SgdSetup Setup { get; set; } = new(1, 1);

    /// <summary>Latent factors.</summary>
    [Params(32, 100)]
    public int Factors { get; set; }

    /// <summary>Sequential; a 2x2 and a 4x4 grid on 1 and on 2 threads (the same updates, so the pairs compare like with like).</summary>
    public static IEnumerable<SgdSetup> Setups => [new(1, 1), new(1, 2), new(2, 2), new(1, 4), new(2, 4)];

    [GlobalSetup]
    public void Prepare()
    {
        var train = BenchmarkData.Train();
        var rng = new Rng(1);
        var p = new FactorMatrix(train.UserCount, Factors);
        var q = new FactorMatrix(train.ItemCount, Factors);
        p.FillGaussian(ref rng, 0, 0.1f);
        q.FillGaussian(ref rng, 0, 0.1f);
        var bu = new float[train.UserCount];
        var bi = new float[train.ItemCount];
        var mu = BiasedMf.Mean(train.ValueColumn);
        var rates = new SgdRates(0.005f, 0.005f, 0.005f, 0.005f, 0.02f, 0.02f, 0.02f, 0.02f);
        _schedule = SgdSchedule.Build(train, SgdOrder.UserBlocks, Setup.Blocks, 1);
        _pass = (users, items, values) => SgdKernel.Pass(users, items, values, p, q, bu, bi, mu, rates);
        _context = new FitContext { MaxThreads = Setup.Threads };
    }

    [GlobalCleanup]
    public void Release() => _schedule.Dispose();

    /// <summary>One pass over the training ratings.</summary>
    [Benchmark]
    public double BiasedMfEpoch() => _schedule.RunEpoch(_epoch++, _context, _pass);
}
