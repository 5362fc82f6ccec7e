namespace RecLab.Evaluation.Metrics;

/// <summary>Checks shared by the rating metrics.</summary>
internal static class RatingErrors
{
    public static void CheckAligned(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        if (predicted.Length != actual.Length)
            throw new ArgumentException($"Got {predicted.Length} predictions for {actual.Length} ratings.", nameof(predicted));
    }
}
