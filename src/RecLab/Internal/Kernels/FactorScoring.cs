using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Scores every item for one user vector: <c>s_i = c + b_i + x·q_i</c> (c a per-user constant such as <c>mu + b_u</c>).
/// Twin: <see cref="FactorScoringNaive"/>.
/// </summary>
/// <remarks>Streams the item factors once per call; no allocation.</remarks>
internal static class FactorScoring
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScoreAll(FactorMatrix q, ReadOnlySpan<float> user, ReadOnlySpan<float> itemBias, float constant, Span<float> scores)
    {
        if (user.Length != q.Stride || scores.Length != q.Rows || (itemBias.Length != 0 && itemBias.Length != q.Rows))
            throw new ArgumentException("The user row, item biases and score buffer must match the item factors.");
        ref var x = ref MemoryMarshal.GetReference(user);
        var stride = q.Stride;
        if (itemBias.IsEmpty)
        {
            for (var i = 0; i < scores.Length; i++)
                scores[i] = constant + VectorMath.Dot(ref x, ref q.RowRef(i), stride);
        }
        else
        {
            for (var i = 0; i < scores.Length; i++)
                scores[i] = constant + itemBias[i] + VectorMath.Dot(ref x, ref q.RowRef(i), stride);
        }
    }
}
