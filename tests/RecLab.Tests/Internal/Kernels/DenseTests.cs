using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Tests.Internal.Kernels;

public sealed class DenseTests
{
    private static float[] RandomValues(int count, ulong seed)
    {
        var rng = new Rng(seed);
        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)rng.NextGaussian();
        return values;
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"at {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(104)]
    public void Dot_and_axpy_agree_with_the_naive_twin(int n)
    {
        var a = RandomValues(n, 1);
        var b = RandomValues(n + 3, 2); // longer than a: only a's length counts
        Assert.Equal(DenseNaive.Dot(a, b), Dense.Dot(a, b), 1e-4f);
        var fast = RandomValues(n, 3);
        var naive = fast.ToArray();
        Dense.Axpy(-0.75f, a, fast);
        DenseNaive.Axpy(-0.75f, a, naive);
        AssertClose(naive, fast, 1e-6f);
    }

    [Theory]
    [InlineData(13, 1, 1)]
    [InlineData(13, 7, 7)]
    [InlineData(13, 33, 33)]
    [InlineData(9, 64, 64)]
    [InlineData(10, 50, 56)]   // a factor matrix's padded rows, read unpadded
    [InlineData(11, 100, 104)]
    public void Matvec_with_a_row_stride_agrees_with_the_naive_twin(int rows, int k, int stride)
    {
        var m = RandomValues(rows * stride, 4);
        var x = RandomValues(k, 5);
        var fast = new float[rows];
        var naive = new float[rows];
        Dense.MatVec(m, rows, stride, x, fast);
        DenseNaive.MatVec(m, rows, stride, x, naive);
        AssertClose(naive, fast, 1e-5f);
    }

    [Theory]
    [InlineData(13, 7, 7)]
    [InlineData(9, 64, 64)]
    [InlineData(10, 50, 56)]
    [InlineData(11, 100, 104)]
    public void Matvec_of_two_vectors_gives_each_the_bits_of_its_own_product(int rows, int k, int stride)
    {
        var m = RandomValues(rows * stride, 6);
        var x0 = RandomValues(k, 7);
        var x1 = RandomValues(k, 8);
        var y0 = new float[rows];
        var y1 = new float[rows];
        Dense.MatVec2(m, rows, stride, x0, x1, y0, y1);
        var alone = new float[rows];
        Dense.MatVec(m, rows, stride, x0, alone);
        Assert.Equal(alone.Select(BitConverter.SingleToInt32Bits), y0.Select(BitConverter.SingleToInt32Bits));
        Dense.MatVec(m, rows, stride, x1, alone);
        Assert.Equal(alone.Select(BitConverter.SingleToInt32Bits), y1.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Finite_check_finds_one_bad_value_anywhere()
    {
        var values = new float[37];
        Assert.True(Dense.AllFinite(values));
        foreach (var bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
        {
            for (var at = 0; at < values.Length; at += 9)
            {
                var copy = values.ToArray();
                copy[at] = bad;
                Assert.False(Dense.AllFinite(copy), $"{bad} at {at}");
            }
        }
    }
}
