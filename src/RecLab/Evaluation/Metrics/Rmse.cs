namespace RecLab.Evaluation.Metrics;

/// <summary>Root mean squared error of predicted ratings, <c>RMSE = sqrt((1/n) Σ (r̂ − r)²)</c> over the n test ratings.</summary>
public sealed class Rmse : IRatingMetric
{
    /// <inheritdoc />
    public string Name => "rmse";

    /// <inheritdoc />
    public bool HigherIsBetter => false;

    /// <inheritdoc />
    /// <returns>RMSE; NaN when there are no ratings.</returns>
    public double Measure(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual) =>
        Math.Sqrt(RatingErrors.Mean(predicted, actual, squared: true));
}
