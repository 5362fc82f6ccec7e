using RecLab.Internal.Kernels;
using System.Runtime.Intrinsics;
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

    /// <summary>
    /// A row of a four-row group as the kernels add it: 8-lane partial products accumulated chunk by chunk, one
    /// <see cref="Vector256.Sum{T}(Vector256{T})"/>, then the scalar tail. Rankings rely on these exact bits (a pruned
    /// scan must pick what the full scan picks), so the kernels' faster sums are held to it.
    /// </summary>
    private static float RowAsOneVectorSum(ReadOnlySpan<float> row, ReadOnlySpan<float> x)
    {
        var acc = Vector256<float>.Zero;
        var j = 0;
        for (; j + Dense.Lanes <= x.Length; j += Dense.Lanes)
            acc += Vector256.Create(x.Slice(j, Dense.Lanes)) * Vector256.Create(row.Slice(j, Dense.Lanes));
        var sum = Vector256.Sum(acc);
        for (; j < x.Length; j++)
            sum += row[j] * x[j];
        return sum;
    }

    [Theory]
    [InlineData(256, 64, 64)]
    [InlineData(64, 16, 16)]
    [InlineData(48, 200, 200)]
    [InlineData(40, 50, 56)]   // a scalar tail after the vector sum
    public void Matvec_adds_each_row_in_the_order_of_one_vector_sum(int rows, int k, int stride)
    {
        // Magnitudes spread over 2^±12 so that the order of the adds shows in the last bits of most rows.
        var rng = new Rng(11);
        var m = new float[rows * stride];
        for (var i = 0; i < m.Length; i++)
            m[i] = (float)(rng.NextGaussian() * Math.Pow(2, rng.NextInt(25) - 12));
        var x0 = RandomValues(k, 12);
        var x1 = RandomValues(k, 13);
        var y0 = new float[rows];
        var y1 = new float[rows];
        var alone = new float[rows];
        Dense.MatVec(m, rows, stride, x0, alone);
        Dense.MatVec2(m, rows, stride, x0, x1, y0, y1);
        for (var r = 0; r < rows; r++)
        {
            var row = m.AsSpan(r * stride, k);
            var expected0 = BitConverter.SingleToInt32Bits(RowAsOneVectorSum(row, x0));
            Assert.Equal(expected0, BitConverter.SingleToInt32Bits(alone[r]));
            Assert.Equal(expected0, BitConverter.SingleToInt32Bits(y0[r]));
            Assert.Equal(BitConverter.SingleToInt32Bits(RowAsOneVectorSum(row, x1)), BitConverter.SingleToInt32Bits(y1[r]));
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(8)]
    [InlineData(24)]
    [InlineData(50)] // not whole vectors: four separate dot products
    public void Four_dot_products_at_once_give_each_the_bits_of_its_own(int length)
    {
        var rng = new Rng(21);
        var rows = new float[4 * length];
        for (var i = 0; i < rows.Length; i++)
            rows[i] = (float)(rng.NextGaussian() * Math.Pow(2, rng.NextInt(25) - 12));
        var b = RandomValues(length, 22);
        var dots = Dense.DotFour(ref rows[0], ref rows[length], ref rows[2 * length], ref rows[3 * length], ref b[0], length);
        for (var j = 0; j < 4; j++)
            Assert.Equal(BitConverter.SingleToInt32Bits(Dense.Dot(rows.AsSpan(j * length, length), b)), BitConverter.SingleToInt32Bits(dots.GetElement(j)));
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
