namespace RecLab.Evaluation.Metrics;

/// <summary>Mean absolute error of predicted ratings, <c>MAE = (1/n) Σ |r̂ − r|</c> over the n test ratings.</summary>
public sealed class Mae : IRatingMetric
{
    /// <inheritdoc />
    public string Name => "mae";

    /// <inheritdoc />
    public bool HigherIsBetter => false;

    /// <inheritdoc />
    /// <returns>MAE; NaN when there are no ratings.</returns>
    public double Measure(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        RatingErrors.CheckAligned(predicted, actual);
        if (predicted.IsEmpty)
            return double.NaN;
        var sum = 0.0;
        for (var k = 0; k < predicted.Length; k++)
            sum += Math.Abs((double)predicted[k] - actual[k]);
        return sum / predicted.Length;
    }
}
