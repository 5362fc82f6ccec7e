using BenchmarkDotNet.Attributes;
using RecLab.Internal.Kernels;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;

namespace RecLab.Benchmarks;

/// <summary>One epoch of SVD++ (20 factors, Surprise's default) and of BPR (100 factors, implicit's default), one thread.</summary>
public class SgdVariantsEpochBenchmarks
{
    private SgdSchedule _schedule = null!;
    private SgdPass _svdpp = null!;
    private Func<int, BprEpoch> _bpr = null!;
    private int _epoch;

    [GlobalSetup]
    public void Prepare()
    {
        var train = BenchmarkData.Train();
        var rng = new Rng(1);
        var p = new FactorMatrix(train.UserCount, 20);
        var q = new FactorMatrix(train.ItemCount, 20);
        var y = new FactorMatrix(train.ItemCount, 20);
        p.FillGaussian(ref rng, 0, 0.1f);
        q.FillGaussian(ref rng, 0, 0.1f);
        y.FillGaussian(ref rng, 0, 0.1f);
        var bu = new float[train.UserCount];
        var bi = new float[train.ItemCount];
        var mu = BiasedMf.Mean(train.ValueColumn);
        var rates = new SgdRates(0.007f, 0.007f, 0.007f, 0.007f, 0.02f, 0.02f, 0.02f, 0.02f);
        _schedule = SgdSchedule.Build(train, SgdOrder.UserBlocks, 1, 1);
        _svdpp = (users, items, values) => SvdPlusPlusKernel.Pass(users, items, values, train.ByUser, p, q, y, bu, bi, mu, rates, 0.007f, 0.02f);

        var implicitData = train.ToImplicit();
        var bp = new FactorMatrix(implicitData.UserCount, 100);
        var bq = new FactorMatrix(implicitData.ItemCount, 100);
        bp.FillUniform(ref rng, -0.005f, 0.005f);
        bq.FillUniform(ref rng, -0.005f, 0.005f);
        var itemBias = new float[implicitData.ItemCount];
        var rowUsers = implicitData.UserColumn();
        var negatives = implicitData.ItemColumn.ToArray();
        _bpr = epoch =>
        {
            var epochRng = new Rng((ulong)epoch);
            return BprKernel.Epoch(ref epochRng, implicitData.Count, rowUsers, implicitData.ByUser, negatives, true, bp, bq, itemBias, 0.01f, 0.01f);
        };
    }

    /// <summary>One SVD++ pass (implicit sum composed per user).</summary>
    [Benchmark]
    public double SvdppEpoch() => _schedule.RunEpoch(_epoch++, FitContext.Default, _svdpp);

    /// <summary>One BPR epoch: as many triples as interactions.</summary>
    [Benchmark]
    public int BprEpoch() => _bpr(_epoch++).Correct;
}
