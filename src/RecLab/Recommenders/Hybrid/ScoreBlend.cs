using System.Runtime.CompilerServices;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// Per-query normalization and blending of component scores. NaN ("cannot score") stays NaN through normalization and
/// is left out of its statistics; in a blend it contributes nothing, and an item no component can score stays NaN.
/// </summary>
internal static class ScoreBlend
{
    /// <summary>Adds <c>weight · row</c> into <paramref name="blend"/> (which starts as all NaN) where the row has a score.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ReadOnlySpan<float> row, float weight, Span<float> blend)
    {
        for (var i = 0; i < blend.Length; i++)
        {
            var s = row[i];
            if (float.IsNaN(s))
                continue;
            var b = blend[i];
            blend[i] = (float.IsNaN(b) ? 0f : b) + weight * s;
        }
    }

    /// <summary>Normalizes the scores in place; false when they cannot tell items apart (none, or all equal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Normalize(Span<float> scores, ScoreNormalization kind)
    {
        double sum = 0, squares = 0;
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        var n = 0;
        foreach (var s in scores)
        {
            if (float.IsNaN(s))
                continue;
            n++;
            sum += s;
            squares += (double)s * s;
            min = MathF.Min(min, s);
            max = MathF.Max(max, s);
        }
        if (n == 0)
            return false;
        float shift, scale;
        if (kind == ScoreNormalization.ZScore)
        {
            var mean = sum / n;
            var variance = Math.Max(0, squares / n - mean * mean);
            shift = (float)mean;
            scale = variance > 0 ? (float)(1 / Math.Sqrt(variance)) : 0f;
        }
        else
        {
            shift = min;
            scale = max > min ? 1f / (max - min) : 0f;
        }
        for (var i = 0; i < scores.Length; i++)
            if (!float.IsNaN(scores[i]))
                scores[i] = (scores[i] - shift) * scale;
        return scale > 0;
    }
}
