using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Small vector helpers over padded factor rows (length a multiple of <see cref="FactorMatrix.Lanes"/>), with a fixed
/// 8-lane width so a sum is added in the same order on every machine (bit-identical results across CPUs).
/// </summary>
internal static class VectorMath
{
    /// <summary>Dot product of two padded rows of <paramref name="length"/> floats (two accumulators, fixed order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ref float a, ref float b, int length)
    {
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        var k = 0;
        for (; k + 2 * FactorMatrix.Lanes <= length; k += 2 * FactorMatrix.Lanes)
        {
            acc0 += Vector256.LoadUnsafe(ref a, (nuint)k) * Vector256.LoadUnsafe(ref b, (nuint)k);
            acc1 += Vector256.LoadUnsafe(ref a, (nuint)(k + FactorMatrix.Lanes)) * Vector256.LoadUnsafe(ref b, (nuint)(k + FactorMatrix.Lanes));
        }
        if (k < length)
            acc0 += Vector256.LoadUnsafe(ref a, (nuint)k) * Vector256.LoadUnsafe(ref b, (nuint)k);
        return Vector256.Sum(acc0 + acc1);
    }

    /// <summary>Dot product of two padded rows.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length % FactorMatrix.Lanes != 0)
            throw new ArgumentException("Rows must have the same padded length.");
        return Dot(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), a.Length);
    }

    /// <summary>True when no value is NaN or infinite (x - x is 0 only for finite x).</summary>
    public static bool AllFinite(ReadOnlySpan<float> values)
    {
        var bad = Vector256<float>.Zero;
        var k = 0;
        ref var start = ref MemoryMarshal.GetReference(values);
        for (; k + FactorMatrix.Lanes <= values.Length; k += FactorMatrix.Lanes)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)k);
            bad |= ~Vector256.Equals(v - v, Vector256<float>.Zero);
        }
        if (bad != Vector256<float>.Zero)
            return false;
        for (; k < values.Length; k++)
            if (!float.IsFinite(values[k]))
                return false;
        return true;
    }
}
