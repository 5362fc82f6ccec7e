namespace RecLab.Recommenders.Learning;

/// <summary>
/// A trained field-aware factorization machine (Juan et al. 2016) read out of ML.NET:
/// <c>ŷ(x) = Σ_j w_j x_j + Σ_{j&lt;j'} ⟨v_{j,f(j')}, v_{j',f(j)}⟩ x_j x_j'</c> over the non-zeros of every field, with x
/// scaled to unit L2 norm when the trainer normalized features; computed as ML.NET computes it (per field pair, the sums
/// <c>q_{f,f'} = Σ_{j∈f} v_{j,f'} x_j</c>), so the two agree to float rounding.
/// </summary>
internal sealed class FfmScorer(float[] linear, float[] latent, int fields, int dimension, bool normalize)
{
    public int Fields => fields;

    /// <summary>Margin of one row given as parallel (field, global feature index, value) lists.</summary>
    /// <param name="field">Field of each non-zero.</param>
    /// <param name="feature">Feature index (offset by the sizes of the fields before it).</param>
    /// <param name="value">Value of each non-zero.</param>
    /// <param name="scratch">At least <c>fields² · dimension</c> floats.</param>
    public float Margin(ReadOnlySpan<int> field, ReadOnlySpan<int> feature, ReadOnlySpan<float> value, Span<float> scratch)
    {
        var norm = 1f;
        if (normalize)
        {
            var squares = 0f;
            foreach (var x in value)
                squares += x * x;
            norm = squares > 0 ? 1f / MathF.Sqrt(squares) : 1f;
        }
        var d = dimension;
        var m = fields;
        var q = scratch[..(m * m * d)];
        q.Clear();
        float linearPart = 0, selfPart = 0;
        for (var n = 0; n < feature.Length; n++)
        {
            var f = field[n];
            var j = feature[n];
            var x = value[n] * norm;
            linearPart += linear[j] * x;
            var own = latent.AsSpan(j * m * d + f * d, d);
            for (var k = 0; k < d; k++)
                selfPart -= own[k] * own[k] * x * x;
            for (var g = 0; g < m; g++)
            {
                var v = latent.AsSpan(j * m * d + g * d, d);
                var sum = q.Slice(f * m * d + g * d, d);
                for (var k = 0; k < d; k++)
                    sum[k] += v[k] * x;
            }
        }
        var pairs = 0f;
        for (var f = 0; f < m; f++)
        {
            var same = q.Slice(f * m * d + f * d, d);
            for (var k = 0; k < d; k++)
                selfPart += same[k] * same[k];
            for (var g = f + 1; g < m; g++)
            {
                var a = q.Slice(f * m * d + g * d, d);
                var b = q.Slice(g * m * d + f * d, d);
                for (var k = 0; k < d; k++)
                    pairs += a[k] * b[k];
            }
        }
        return linearPart + pairs + 0.5f * selfPart;
    }
}
