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
    public double Measure(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual) =>
        RatingErrors.Mean(predicted, actual, squared: false);
}
