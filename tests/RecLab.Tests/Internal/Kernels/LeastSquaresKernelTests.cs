using MathNet.Numerics.LinearAlgebra;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Tests.Internal.Kernels;

public sealed class LeastSquaresKernelTests
{
    private static float[] RandomMatrix(int rows, int cols, ulong seed, double scale = 1)
    {
        var rng = new Rng(seed);
        var m = new float[rows * cols];
        for (var i = 0; i < m.Length; i++)
            m[i] = (float)(rng.NextGaussian() * scale);
        return m;
    }

    // The same values as RandomMatrix, in padded factor rows.
    private static FactorMatrix RandomFactors(int rows, int k, ulong seed, double scale = 1)
    {
        var values = RandomMatrix(rows, k, seed, scale);
        var m = new FactorMatrix(rows, k);
        for (var r = 0; r < rows; r++)
            values.AsSpan(r * k, k).CopyTo(m[r]);
        return m;
    }

    // YᵀY + ridge·I of a random tall matrix: symmetric positive definite, moderately conditioned.
    private static float[] RandomSpd(int n, ulong seed) =>
        GramNaive.Compute(RandomFactors(3 * n, n, seed), Enumerable.Range(0, 3 * n).ToArray(), null, 0.5f);

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (var v in expected)
            scale = Math.Max(scale, Math.Abs(v));
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * Math.Max(scale, 1e-6),
                $"index {i}: expected {expected[i]}, got {actual[i]} (tolerance {relative} of {scale})");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(100)]
    public void Cholesky_solve_agrees_with_the_naive_twin_and_mathnet(int n)
    {
        var a = RandomSpd(n, (ulong)n);
        var b = RandomMatrix(1, n, 99);
        var naive = CholeskyNaive.Solve(a, n, b)!;
        var reference = Matrix<double>.Build.Dense(n, n, (i, j) => a[i * n + j]).Cholesky()
            .Solve(Vector<double>.Build.Dense(n, i => b[i])).Select(v => (float)v).ToArray();
        var fast = (float[])b.Clone();
        Assert.True(Cholesky.FactorAndSolve((float[])a.Clone(), n, fast));
        AssertClose(reference, naive, 1e-5);
        AssertClose(reference, fast, 1e-3);
    }

    [Fact]
    public void Cholesky_refuses_a_matrix_that_is_not_positive_definite()
    {
        float[] a = [1, 2, 2, 1]; // eigenvalues 3 and -1
        Assert.False(Cholesky.Factor(a, 2));
        Assert.Null(CholeskyNaive.Solve([1, 2, 2, 1], 2, [1, 1]));
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(64, 1)]
    [InlineData(64, 4)]
    [InlineData(21, 2)]
    public void Gram_of_a_whole_matrix_agrees_with_the_naive_twin_whatever_the_thread_count(int k, int threads)
    {
        const int rows = 5000; // more than two blocks
        var y = RandomFactors(rows, k, 7);
        var naive = GramNaive.Compute(y, Enumerable.Range(0, rows).ToArray(), null, 0.25f);
        var fast = new float[k * k];
        Gram.Compute(y, fast, 0.25f, new ParallelOptions { MaxDegreeOfParallelism = threads });
        AssertClose(naive, fast, 1e-5);
        var single = new float[k * k];
        Gram.Compute(y, single, 0.25f, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        Assert.Equal(single, fast);
    }

    [Theory]
    [InlineData(8, 0)]
    [InlineData(8, 7)]
    [InlineData(50, 13)]
    [InlineData(64, 40)]
    public void Weighted_gram_of_selected_rows_agrees_with_the_naive_twin(int k, int count)
    {
        var y = RandomFactors(60, k, 3);
        var rng = new Rng(5);
        var rows = Enumerable.Range(0, count).Select(_ => rng.NextInt(60)).ToArray();
        var weights = rows.Select(_ => (float)rng.NextDouble() * 3).ToArray();
        var fast = new float[k * k];
        Gram.AddRows(y, rows, weights, fast);
        Dense.SymmetrizeFromUpper(fast, k);
        AssertClose(GramNaive.Compute(y, rows, weights, 0), fast, 1e-5);
        var unit = new float[k * k];
        Gram.AddRows(y, rows, default, unit);
        Dense.SymmetrizeFromUpper(unit, k);
        AssertClose(GramNaive.Compute(y, rows, null, 0), unit, 1e-5);
    }

    private sealed record ImplicitRow(float[] Gram, FactorMatrix Other, int[] Columns, float[] Values);

    private static ImplicitRow RandomImplicitRow(int k, int items, int count, ulong seed)
    {
        var other = RandomFactors(items, k, seed, 0.3);
        var gram = GramNaive.Compute(other, Enumerable.Range(0, items).ToArray(), null, 0.1f);
        var rng = new Rng(seed + 1);
        var columns = Enumerable.Range(0, items).Where(_ => rng.NextDouble() < (double)count / items).ToArray();
        // Mostly positive counts, one dislike (negative value: confident, preference 0) and one zero.
        var values = columns.Select((_, n) => n == 0 ? -2f : n == 1 ? 0f : 1 + rng.NextInt(5)).ToArray();
        return new ImplicitRow(gram, other, columns, values);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(16, 3)]
    [InlineData(64, 3)]
    [InlineData(64, 10)]
    public void Conjugate_gradient_agrees_with_the_naive_twin(int k, int steps)
    {
        var row = RandomImplicitRow(k, 200, 30, (ulong)(k + steps));
        var start = RandomMatrix(1, k, 11, 0.01);
        var naive = ConjugateGradientNaive.Solve(row.Gram, row.Other, row.Columns, row.Values, 2f, start, steps);
        var fast = (float[])start.Clone();
        ConjugateGradient.Solve(row.Gram, row.Other, row.Columns, row.Values, 2f, fast, steps, new float[3 * k]);
        AssertClose(naive, fast, 2e-3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Conjugate_gradient_refuses_a_column_beyond_the_other_side_s_rows(bool inTheTail)
    {
        // The solve reads rows by reference without the span's bounds check, so it checks the columns itself, both
        // where it takes items four at a time and in the tail after the last group of four.
        var row = RandomImplicitRow(8, 50, 10, 3);
        var length = row.Columns.Length / 4 * 4 + 1;
        Assert.True(length >= 5 && length <= row.Columns.Length);
        var columns = row.Columns[..length];
        columns[inTheTail ? length - 1 : 1] = row.Other.Rows;
        var x = new float[8];
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ConjugateGradient.Solve(row.Gram, row.Other, columns, row.Values[..length], 2f, x, 3, new float[3 * 8]));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(32)]
    public void Conjugate_gradient_with_enough_steps_equals_the_exact_cholesky_solve(int k)
    {
        var row = RandomImplicitRow(k, 150, 40, (ulong)k);
        var exact = new float[k];
        Assert.True(LeastSquares.SolveImplicit(row.Gram, row.Other, row.Columns, row.Values, 1.5f, exact,
            new float[k * k], new float[row.Columns.Length]));
        var cg = new float[k];
        ConjugateGradient.Solve(row.Gram, row.Other, row.Columns, row.Values, 1.5f, cg, 3 * k, new float[3 * k]);
        AssertClose(exact, cg, 1e-3);

        // And the exact solve is the textbook one, computed by MathNet from the explicit normal equations.
        var a = Matrix<double>.Build.Dense(k, k, (i, j) => row.Gram[i * k + j]);
        var b = Vector<double>.Build.Dense(k);
        for (var n = 0; n < row.Columns.Length; n++)
        {
            var y = Vector<double>.Build.Dense(k, i => row.Other[row.Columns[n]][i]);
            var c = 1 + 1.5 * Math.Abs(row.Values[n]);
            a += (c - 1) * y.OuterProduct(y);
            if (row.Values[n] > 0)
                b += c * y;
        }
        AssertClose(a.Solve(b).Select(v => (float)v).ToArray(), exact, 1e-3);
    }

    [Theory]
    [InlineData(9)]  // fewer entries than factors: the n x n form
    [InlineData(12)]
    [InlineData(30)]
    public void Explicit_row_solve_is_ridge_regression_with_weighted_lambda(int count)
    {
        const int k = 12;
        var other = RandomFactors(40, k, 21);
        var columns = Enumerable.Range(0, count).Select(c => c * 37 % 40).ToArray();
        var targets = RandomMatrix(1, columns.Length, 22);
        var x = new float[k];
        Assert.True(LeastSquares.SolveExplicit(other, columns, targets, 0.1f, x, new float[k * k]));
        var m = Matrix<double>.Build.Dense(columns.Length, k, (r, c) => other[columns[r]][c]);
        var expected = (m.TransposeThisAndMultiply(m) + Matrix<double>.Build.DenseIdentity(k) * (0.1 * columns.Length))
            .Solve(m.TransposeThisAndMultiply(Vector<double>.Build.Dense(targets.Select(v => (double)v).ToArray())));
        AssertClose(expected.Select(v => (float)v).ToArray(), x, 1e-4);
    }
}
