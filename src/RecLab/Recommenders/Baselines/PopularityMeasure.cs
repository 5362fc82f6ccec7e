namespace RecLab.Recommenders.Baselines;

/// <summary>How <see cref="MostPopular"/> ranks items.</summary>
public enum PopularityMeasure
{
    /// <summary>Number of users who interacted with the item.</summary>
    Count,

    /// <summary>Mean value shrunk towards the global mean: <c>(sum + damping * mu) / (count + damping)</c>.</summary>
    DampedMean,
}
