using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// PureSVD (Cremonesi, Koren and Turrin 2010): the truncated SVD <c>R ≈ U·Σ·Vᵀ</c> of the user-item matrix with
/// missing entries as zeros; a user's scores are <c>r_u·V·Vᵀ</c> (equal to the row of <c>U·Σ·Vᵀ</c> for a training
/// user), so any history, including a cold user's, is scored without refitting.
/// </summary>
/// <remarks>
/// The SVD is randomized (Halko, Martinsson and Tropp 2011): a seeded Gaussian test matrix of
/// <c>Factors + Oversampling</c> columns, <c>PowerIterations</c> rounds of re-orthonormalized products with R and Rᵀ,
/// then the small dense SVD. Sparse products run on the library's parallel CSR kernels; QR and the small SVD use
/// MathNet.Numerics in double precision. Scoring costs O(|history|·k + items·k).
/// </remarks>
public sealed class PureSvd(PureSvdOptions options) : Recommender<PureSvdOptions>(options)
{
    private FactorMatrix _itemVectors = null!;
    private double[] _singularValues = [];

    /// <summary>Creates it with default options.</summary>
    public PureSvd() : this(new PureSvdOptions()) { }

    /// <inheritdoc/>
    public override string Name => "pure-svd";

    /// <summary>An item's row of the right singular vectors V (length <see cref="Rank"/>).</summary>
    public ReadOnlySpan<float> ItemVector(int item) => _itemVectors[item];

    /// <summary>The kept singular values, largest first.</summary>
    public IReadOnlyList<double> SingularValues => _singularValues;

    /// <summary>Singular vectors kept: <see cref="PureSvdOptions.Factors"/>, or fewer when the matrix is smaller.</summary>
    public int Rank => _itemVectors?.Factors ?? 0;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var parallel = context.ParallelOptions;
        var byUser = train.Interactions.ByUser;
        var byItem = train.Interactions.ByItem;
        int m = train.UserCount, n = train.ItemCount;
        var rank = Math.Min(Options.Factors, Math.Min(m, n));
        var l = Math.Min(rank + Options.Oversampling, Math.Min(m, n));
        var stopwatch = Stopwatch.StartNew();
        var steps = Options.PowerIterations + 2;

        // Q spans the range of R·Ω, sharpened by power iterations (Halko et al., algorithm 4.4).
        var omega = new float[n * l];
        var rng = Seeds.Stream(context.Seed, Seeds.Hash("pure-svd"));
        for (var t = 0; t < omega.Length; t++)
            omega[t] = (float)rng.NextGaussian();
        var userSide = new float[m * l];
        var itemSide = new float[n * l];
        SparseDense.Multiply(byUser, omega, l, userSide, parallel);
        var q = Orthonormalize(userSide, m, l);
        Report(context, 1, steps, stopwatch);
        for (var p = 0; p < Options.PowerIterations; p++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            SparseDense.Multiply(byItem, ToRowMajor(q), l, itemSide, parallel);
            var z = Orthonormalize(itemSide, n, l);
            SparseDense.Multiply(byUser, ToRowMajor(z), l, userSide, parallel);
            q = Orthonormalize(userSide, m, l);
            Report(context, p + 2, steps, stopwatch);
        }

        // Bᵀ = Rᵀ·Q (items x l) = Q₂·R₂, and R₂ = U_r·Σ·Wᵀ, so R ≈ Q·(W·Σ·(Q₂·U_r)ᵀ): V = Q₂·U_r.
        context.CancellationToken.ThrowIfCancellationRequested();
        SparseDense.Multiply(byItem, ToRowMajor(q), l, itemSide, parallel);
        var qr = ToMatrix(itemSide, n, l).QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var svd = qr.R.Svd(computeVectors: true);
        var v = qr.Q * svd.U;
        var vectors = new FactorMatrix(n, rank);
        for (var i = 0; i < n; i++)
        {
            var row = vectors[i];
            for (var f = 0; f < rank; f++)
                row[f] = (float)v[i, f];
        }
        TrainingDivergedException.ThrowIfNotFinite(Name, "power iteration", steps, "item", vectors.Data, "The rating matrix may hold NaN or infinite values.");
        _itemVectors = vectors;
        _singularValues = svd.S.Take(rank).ToArray();
        Report(context, steps, steps, stopwatch);
    }

    private static void Report(FitContext context, int step, int steps, Stopwatch stopwatch) =>
        context.Progress?.Report(new FitProgress("power iteration", step, steps, null, stopwatch.Elapsed));

    private static Matrix<double> ToMatrix(float[] rowMajor, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, (r, c) => rowMajor[r * cols + c]);

    private static Matrix<double> Orthonormalize(float[] rowMajor, int rows, int cols) =>
        ToMatrix(rowMajor, rows, cols).QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;

    private static float[] ToRowMajor(Matrix<double> m)
    {
        var result = new float[m.RowCount * m.ColumnCount];
        for (var r = 0; r < m.RowCount; r++)
            for (var c = 0; c < m.ColumnCount; c++)
                result[r * m.ColumnCount + c] = (float)m[r, c];
        return result;
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        if (query.HistoryLength == 0)
        {
            scores.Fill(float.NaN);
            return;
        }
        // r_u·V as a padded row (the padding of V's rows is zero, so it stays zero).
        var stride = _itemVectors.Stride;
        Span<float> projection = stride <= 1024 ? stackalloc float[stride] : new float[stride];
        projection.Clear();
        var items = query.History.Span;
        var values = query.Values.Span;
        for (var t = 0; t < items.Length; t++)
            if ((uint)items[t] < (uint)scores.Length)
                Dense.Axpy(values.IsEmpty ? 1f : values[t], _itemVectors.Row(items[t]), projection);
        _itemVectors.Score(projection, [], 0f, scores);
    }
}
