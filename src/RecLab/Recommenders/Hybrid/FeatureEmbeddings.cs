using System.Numerics.Tensors;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// An embedding table with a bias per row and Adagrad accumulators (started at 1, as LightFM does), updated through
/// <see cref="FeatureRows"/>: a gradient g on a composed vector reaches row r as <c>w_r g + λ E_r</c>.
/// </summary>
internal sealed class FeatureEmbeddings
{
    private readonly float[] _squares;
    private readonly float[] _biasSquares;

    public FeatureEmbeddings(int rows, int factors, ref Randomness.Rng rng)
    {
        Factors = factors;
        Vectors = new float[rows * factors];
        Biases = new float[rows];
        _squares = new float[Vectors.Length];
        _biasSquares = new float[rows];
        Array.Fill(_squares, 1f);
        Array.Fill(_biasSquares, 1f);
        // LightFM: uniform in [-0.5, 0.5) / factors.
        for (var k = 0; k < Vectors.Length; k++)
            Vectors[k] = (rng.NextFloat() - 0.5f) / factors;
    }

    public int Factors { get; }

    public float[] Vectors { get; }

    public float[] Biases { get; }

    public Span<float> Row(int row) => Vectors.AsSpan(row * Factors, Factors);

    /// <summary>Writes <c>Σ w_r E_r</c> into <paramref name="vector"/> and returns <c>Σ w_r b_r</c>.</summary>
    public float Compose(ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, Span<float> vector)
    {
        vector.Clear();
        var bias = 0f;
        for (var k = 0; k < rows.Length; k++)
        {
            TensorPrimitives.MultiplyAdd(Row(rows[k]), weights[k], vector, vector);
            bias += weights[k] * Biases[rows[k]];
        }
        return bias;
    }

    /// <summary>One Adagrad step on every row of a composed vector, for gradient <paramref name="gradient"/> (and <paramref name="biasGradient"/>) of the composed one.</summary>
    public void Step(ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, ReadOnlySpan<float> gradient, float biasGradient, bool withBias,
        float learningRate, float regularization)
    {
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k];
            var w = weights[k];
            var e = Row(r);
            var s = _squares.AsSpan(r * Factors, Factors);
            for (var f = 0; f < e.Length; f++)
            {
                var g = w * gradient[f] + regularization * e[f];
                s[f] += g * g;
                e[f] -= learningRate * g / MathF.Sqrt(s[f]);
            }
            if (!withBias)
                continue;
            var gb = w * biasGradient + regularization * Biases[r];
            _biasSquares[r] += gb * gb;
            Biases[r] -= learningRate * gb / MathF.Sqrt(_biasSquares[r]);
        }
    }

    public bool AllFinite() => Internal.Kernels.Dense.AllFinite(Vectors) && Internal.Kernels.Dense.AllFinite(Biases);
}
