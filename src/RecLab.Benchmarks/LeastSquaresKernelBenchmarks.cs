using BenchmarkDotNet.Attributes;
using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Benchmarks;

/// <summary>
/// The least-squares kernels at 64 factors on ml-latest-small treated as implicit: <c>YᵀY</c> over the ~9.7k item
/// factor rows, one user's conjugate-gradient row solve (3 steps, the user whose history is closest to the mean of
/// ~130 items), and the 64 x 64 Cholesky factor-and-solve against MathNet.Numerics' (DESIGN.md: about 34 µs for
/// MathNet's managed provider, about 13 µs hand-written).
/// </summary>
public class LeastSquaresKernelBenchmarks
{
    private const int K = 64;
    private FactorMatrix _items = null!;
    private float[] _gram = [];
    private int[] _columns = [];
    private float[] _values = [];
    private float[] _start = [];
    private float[] _x = [];
    private float[] _cgScratch = [];
    private float[] _spd = [];
    private float[] _rhs = [];
    private float[] _a = [];
    private float[] _b = [];
    private MathNet.Numerics.LinearAlgebra.Matrix<float> _spdMatrix = null!;
    private MathNet.Numerics.LinearAlgebra.Vector<float> _rhsVector = null!;
    private ParallelOptions _parallel = null!;

    /// <summary>Threads for the Gram matrix (the row solves are single-threaded).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Prepare()
    {
        var train = BenchmarkData.ImplicitTrain();
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads };
        _items = new FactorMatrix(train.ItemCount, K);
        _items.FillUniform(Seeds.Derive(1, "items"), 0, 0.01f, _parallel);
        _gram = new float[K * K];
        Gram.Compute(_items, _gram, 0.01f, _parallel);

        var byUser = train.ByUser;
        var mean = (double)train.Count / train.UserCount;
        var user = 0;
        for (var u = 1; u < byUser.RowCount; u++)
            if (Math.Abs(byUser.RowLength(u) - mean) < Math.Abs(byUser.RowLength(user) - mean))
                user = u;
        _columns = byUser.RowIndices(user).ToArray();
        _values = byUser.RowValues(user).ToArray();
        var rng = new Rng(2);
        _start = new float[K];
        for (var f = 0; f < K; f++)
            _start[f] = 0.01f * rng.NextFloat();
        _x = new float[K];
        _cgScratch = new float[3 * K];

        // The system a Cholesky row solve meets: G + Σ (c − 1)·y·yᵀ for that user, with α = 1.
        _spd = (float[])_gram.Clone();
        var weights = new float[_columns.Length];
        Array.Fill(weights, 1f);
        Gram.AddRows(_items, _columns, weights, _spd);
        Dense.SymmetrizeFromUpper(_spd, K);
        _rhs = new float[K];
        foreach (var i in _columns)
            Dense.Axpy(2f, _items[i], _rhs);
        _a = new float[K * K];
        _b = new float[K];
        _spdMatrix = MathNet.Numerics.LinearAlgebra.Matrix<float>.Build.Dense(K, K, (i, j) => _spd[i * K + j]);
        _rhsVector = MathNet.Numerics.LinearAlgebra.Vector<float>.Build.DenseOfArray(_rhs);
    }

    /// <summary><c>YᵀY + λI</c> over every item row (blocked, reduced in a fixed order).</summary>
    [Benchmark]
    public float Gram64()
    {
        Gram.Compute(_items, _gram, 0.01f, _parallel);
        return _gram[0];
    }

    /// <summary>One user's row: 3 CG steps from the same start every time.</summary>
    [Benchmark]
    public float CgRowSolve64()
    {
        _start.CopyTo(_x, 0);
        ConjugateGradient.Solve(_gram, _items, _columns, _values, 1f, _x, 3, _cgScratch);
        return _x[0];
    }

    /// <summary>Cholesky factor-and-solve of a 64 x 64 system (including the copy the in-place kernel needs).</summary>
    [Benchmark]
    public float CholeskySolve64()
    {
        _spd.CopyTo(_a, 0);
        _rhs.CopyTo(_b, 0);
        Cholesky.FactorAndSolve(_a, K, _b);
        return _b[0];
    }

    /// <summary>The same system solved by MathNet.Numerics (managed provider), for comparison.</summary>
    [Benchmark]
    public float MathNetCholeskySolve64() => _spdMatrix.Cholesky().Solve(_rhsVector)[0];
}
