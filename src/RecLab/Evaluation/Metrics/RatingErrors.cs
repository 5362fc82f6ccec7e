namespace RecLab.Evaluation.Metrics;

/// <summary>The error loop shared by the rating metrics.</summary>
internal static class RatingErrors
{
    /// <summary>Mean of the squared (or absolute) errors; NaN when there are no ratings.</summary>
    public static double Mean(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual, bool squared)
    {
        if (predicted.Length != actual.Length)
            throw new ArgumentException($"Got {predicted.Length} predictions for {actual.Length} ratings.", nameof(predicted));
        if (predicted.IsEmpty)
            return double.NaN;
        var sum = 0.0;
        for (var k = 0; k < predicted.Length; k++)
        {
            var e = (double)predicted[k] - actual[k];
            sum += squared ? e * e : Math.Abs(e);
        }
        return sum / predicted.Length;
    }
}
