using BenchmarkDotNet.Attributes;
using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;
using RecLab.Recommenders.Factorization;

namespace RecLab.Benchmarks;

/// <summary>
/// One implicit-ALS half-sweep over the users of the 80% split of ml-latest-small treated as implicit (610 users,
/// ~80k interactions), 64 factors: <c>G = YᵀY + λI</c> of the item factors, then every user's row re-solved by
/// 3 conjugate-gradient steps or exactly by Cholesky. A fit of 15 iterations is 30 half-sweeps (the item half
/// has ~9k short rows instead), the unit to set against implicit's 1.04 s (1 thread) in ANCHORS.md.
/// </summary>
public class ImplicitAlsSweepBenchmarks
{
    private ImplicitAls _model = null!;
    private CsrMatrix _byUser = null!;
    private FactorMatrix _users = null!;
    private FactorMatrix _items = null!;
    private float[] _gram = [];
    private ParallelOptions _parallel = null!;

    /// <summary>Per-row solver.</summary>
    [Params(AlsSolver.Cg, AlsSolver.Cholesky)]
    public AlsSolver Solver { get; set; }

    /// <summary>Threads solving rows in parallel.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Prepare()
    {
        var train = BenchmarkData.ImplicitTrain();
        var options = new ImplicitAlsOptions { Factors = 64, CgSteps = 3, Solver = Solver };
        _model = new ImplicitAls(options);
        _byUser = train.ByUser;
        // The model's own start: uniform in [0, 0.01) from seeded streams.
        _users = new FactorMatrix(train.UserCount, options.Factors);
        _items = new FactorMatrix(train.ItemCount, options.Factors);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads };
        _users.FillUniform(Seeds.Derive(1, "users"), 0, 0.01f, _parallel);
        _items.FillUniform(Seeds.Derive(1, "items"), 0, 0.01f, _parallel);
        _gram = new float[options.Factors * options.Factors];
    }

    /// <summary>Gram of the item side, then every user row (warm-started from the previous invocation's result).</summary>
    [Benchmark]
    public float UserHalfSweep()
    {
        Gram.Compute(_items, _gram, _model.Options.Regularization, _parallel);
        _model.Sweep(_byUser, _users, _items, _gram, "user", 1, _parallel);
        return _users.Data[0];
    }
}
