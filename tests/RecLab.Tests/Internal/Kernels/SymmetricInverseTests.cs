using MathNet.Numerics.LinearAlgebra;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Tests.Internal.Kernels;

public sealed class SymmetricInverseTests
{
    private static float[] RandomSpd(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var rows = 2 * n + 3;
        var y = new FactorMatrix(rows, n);
        for (var r = 0; r < rows; r++)
            for (var f = 0; f < n; f++)
                y[r][f] = rng.NextDouble() < 0.3 ? 1f : 0f; // a 0/1 pattern, as EASE's XᵀX
        return GramNaive.Compute(y, Enumerable.Range(0, rows).ToArray(), null, 5f);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(130, 2)]
    [InlineData(200, 4)]
    public void Inverse_agrees_with_the_naive_twin_and_mathnet(int n, int threads)
    {
        var a = RandomSpd(n, (ulong)n);
        var fast = (float[])a.Clone();
        Assert.True(SymmetricInverse.Invert(fast, n, new ParallelOptions { MaxDegreeOfParallelism = threads }));
        var naive = SymmetricInverseNaive.Invert(a, n)!;
        var reference = Matrix<double>.Build.Dense(n, n, (i, j) => a[i * n + j]).Inverse();
        var scale = reference.Enumerate().Max(Math.Abs);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                Assert.True(Math.Abs(naive[i * n + j] - reference[i, j]) < 1e-5 * scale, $"naive ({i}, {j})");
                Assert.True(Math.Abs(fast[i * n + j] - reference[i, j]) < 1e-4 * scale,
                    $"({i}, {j}): {fast[i * n + j]} vs {reference[i, j]}");
            }
    }

    [Fact]
    public void Result_does_not_depend_on_the_thread_count()
    {
        var a = RandomSpd(200, 3);
        var one = (float[])a.Clone();
        var two = (float[])a.Clone();
        SymmetricInverse.Invert(one, 200, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        SymmetricInverse.Invert(two, 200, new ParallelOptions { MaxDegreeOfParallelism = 3 });
        Assert.Equal(one, two);
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_is_refused()
    {
        float[] a = [1, 2, 2, 1];
        Assert.False(SymmetricInverse.Invert(a, 2, new ParallelOptions()));
        Assert.Null(SymmetricInverseNaive.Invert([1, 2, 2, 1], 2));
    }
}
