namespace RecLab.Evaluation.Metrics;

/// <summary>Checks shared by the catalogue metrics.</summary>
internal static class Exposure
{
    public static void CheckLength(ReadOnlySpan<int> exposures, ListContext context)
    {
        if (exposures.Length != context.ItemCount)
            throw new ArgumentException(
                $"Expected one exposure count per catalogue item ({context.ItemCount}), got {exposures.Length}.", nameof(exposures));
    }
}
