namespace RecLab.Recommenders.Hybrid;

/// <summary>How a hybrid makes the scores of different recommenders comparable, per query.</summary>
public enum ScoreNormalization
{
    /// <summary><c>(s − mean) / sd</c> over the query's scorable items (sd 0 gives 0).</summary>
    ZScore,

    /// <summary><c>(s − min) / (max − min)</c> over the query's scorable items (max = min gives 0).</summary>
    MinMax,
}
