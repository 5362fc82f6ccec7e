using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Scores every item for one user vector: <c>s_i = c + b_i + x·q_i</c> (c a per-user constant such as <c>mu + b_u</c>).
/// Twin: <see cref="FactorScoringNaive"/>.
/// </summary>
/// <remarks>Streams the item factors once per call (memory-bound: 4 MB per user at 100 factors on ml-latest-small); no allocation.</remarks>
internal static class FactorScoring
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScoreAll(FactorMatrix q, ReadOnlySpan<float> user, ReadOnlySpan<float> itemBias, float constant, Span<float> scores)
    {
        if (user.Length != q.Stride || scores.Length != q.Rows || (itemBias.Length != 0 && itemBias.Length != q.Rows))
            throw new ArgumentException("The user row, item biases and score buffer must match the item factors.");
        ref var x = ref MemoryMarshal.GetReference(user);
        var stride = q.Stride;
        var i = 0;
        // Four items per step share each load of the user vector.
        for (; i + 4 <= scores.Length; i += 4)
        {
            ref var q0 = ref q.RowRef(i);
            ref var q1 = ref Unsafe.Add(ref q0, stride);
            ref var q2 = ref Unsafe.Add(ref q1, stride);
            ref var q3 = ref Unsafe.Add(ref q2, stride);
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var f = 0; f < stride; f += FactorMatrix.Lanes)
            {
                var xf = Vector256.LoadUnsafe(ref x, (nuint)f);
                a0 += xf * Vector256.LoadUnsafe(ref q0, (nuint)f);
                a1 += xf * Vector256.LoadUnsafe(ref q1, (nuint)f);
                a2 += xf * Vector256.LoadUnsafe(ref q2, (nuint)f);
                a3 += xf * Vector256.LoadUnsafe(ref q3, (nuint)f);
            }
            scores[i] = Bias(constant, itemBias, i) + Vector256.Sum(a0);
            scores[i + 1] = Bias(constant, itemBias, i + 1) + Vector256.Sum(a1);
            scores[i + 2] = Bias(constant, itemBias, i + 2) + Vector256.Sum(a2);
            scores[i + 3] = Bias(constant, itemBias, i + 3) + Vector256.Sum(a3);
        }
        for (; i < scores.Length; i++)
            scores[i] = Bias(constant, itemBias, i) + VectorMath.Dot(ref x, ref q.RowRef(i), stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Bias(float constant, ReadOnlySpan<float> itemBias, int item) =>
        itemBias.IsEmpty ? constant : constant + itemBias[item];
}
