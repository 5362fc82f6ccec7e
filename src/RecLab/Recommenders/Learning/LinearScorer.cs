namespace RecLab.Recommenders.Learning;

/// <summary>A trained linear model's margin <c>b + wᵀx</c> over one sparse field, read out of ML.NET once.</summary>
internal sealed class LinearScorer(float[] weights, float bias)
{
    public float Margin(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        var margin = bias;
        for (var k = 0; k < indices.Length; k++)
            margin += weights[indices[k]] * values[k];
        return margin;
    }
}
