namespace RecLab.Internal.Kernels;

/// <summary>
/// Exact per-row least-squares solves of ALS by Cholesky: the implicit-feedback normal equations (the exact
/// counterpart of <see cref="ConjugateGradient"/>, and the fold-in of a new user) and the explicit-rating ones
/// with weighted-λ regularization (Zhou et al. 2008, as LensKit's BiasedMF).
/// </summary>
internal static class LeastSquares
{
    /// <summary>
    /// <c>x = (G + Σ (c_i − 1)·y_i·y_iᵀ)⁻¹ · Σ c_i·p_i·y_i</c>, with c and p as in <see cref="ConjugateGradient"/>.
    /// </summary>
    /// <param name="gram">G = YᵀY + λI, full symmetric k x k.</param>
    /// <param name="other">The other side's factors; k = its <see cref="FactorMatrix.Factors"/>.</param>
    /// <param name="columns">The row's indices into <paramref name="other"/>.</param>
    /// <param name="values">The row's values.</param>
    /// <param name="alpha">Confidence scale α.</param>
    /// <param name="x">Receives the solution.</param>
    /// <param name="matrix">Scratch of k·k floats.</param>
    /// <param name="weights">Scratch of at least <c>columns.Length</c> floats.</param>
    /// <returns>False when the system is not positive definite (x then holds the right-hand side).</returns>
    public static bool SolveImplicit(ReadOnlySpan<float> gram, FactorMatrix other, ReadOnlySpan<int> columns,
        ReadOnlySpan<float> values, float alpha, Span<float> x, Span<float> matrix, Span<float> weights)
    {
        var k = other.Factors;
        gram[..(k * k)].CopyTo(matrix);
        x[..k].Clear();
        var w = weights[..columns.Length];
        for (var n = 0; n < columns.Length; n++)
        {
            var v = values[n];
            w[n] = alpha * MathF.Abs(v);
            if (v > 0)
                Dense.Axpy(1 + w[n], other[columns[n]], x);
        }
        Gram.AddRows(other, columns, w, matrix);
        Dense.SymmetrizeFromUpper(matrix, k);
        return Cholesky.FactorAndSolve(matrix, k, x);
    }

    /// <summary>
    /// <c>x = (Σ y_i·y_iᵀ + λ·n·I)⁻¹ · Σ r_i·y_i</c> over the row's n entries (weighted-λ regularization); rows with
    /// fewer entries than factors solve the equivalent n x n system instead.
    /// </summary>
    /// <param name="other">The other side's factors; k = its <see cref="FactorMatrix.Factors"/>.</param>
    /// <param name="columns">The row's indices into <paramref name="other"/>.</param>
    /// <param name="targets">The row's targets (ratings minus biases).</param>
    /// <param name="lambda">λ, multiplied by the row's count.</param>
    /// <param name="x">Receives the solution.</param>
    /// <param name="matrix">Scratch of k·k floats.</param>
    /// <returns>False when the system is not positive definite.</returns>
    public static bool SolveExplicit(FactorMatrix other, ReadOnlySpan<int> columns, ReadOnlySpan<float> targets,
        float lambda, Span<float> x, Span<float> matrix)
    {
        var k = other.Factors;
        var n = columns.Length;
        x[..k].Clear();
        var ridge = lambda * n;
        if (n < k)
        {
            // Fewer entries than factors (most items): the push-through identity
            // (MᵀM + ρI)⁻¹·Mᵀ·r = Mᵀ·(M·Mᵀ + ρI)⁻¹·r gives the same x from an n x n system.
            var small = matrix[..(n * n)];
            for (var i = 0; i < n; i++)
            {
                var yi = other[columns[i]];
                for (var j = 0; j <= i; j++)
                    small[i * n + j] = Dense.Dot(yi, other[columns[j]]);
                small[i * n + i] += ridge;
            }
            Span<float> z = n <= 256 ? stackalloc float[n] : new float[n];
            targets[..n].CopyTo(z);
            if (!Cholesky.FactorAndSolve(small, n, z))
                return false;
            for (var i = 0; i < n; i++)
                Dense.Axpy(z[i], other[columns[i]], x);
            return true;
        }
        var a = matrix[..(k * k)];
        a.Clear();
        for (var i = 0; i < n; i++)
            Dense.Axpy(targets[i], other[columns[i]], x);
        Gram.AddRows(other, columns, default, a);
        Dense.SymmetrizeFromUpper(a, k);
        Dense.AddToDiagonal(a, k, ridge);
        return Cholesky.FactorAndSolve(a, k, x);
    }
}
