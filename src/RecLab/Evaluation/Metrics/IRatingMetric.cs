namespace RecLab.Evaluation.Metrics;

/// <summary>An error metric of predicted against true ratings (RMSE, MAE), computed over all test ratings.</summary>
public interface IRatingMetric : IMetric
{
    /// <summary>The value over aligned predictions and truths (also used per user for paired tests).</summary>
    double Measure(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual);
}
