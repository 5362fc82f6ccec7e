namespace RecLab.Recommenders.Content;

/// <summary>How item feature values become item profile weights (rows are L2-normalized either way).</summary>
public enum FeatureWeighting
{
    /// <summary><c>tf · ln(N / df)</c> (see <see cref="Data.ItemFeatures.TfIdf"/>): rare features weigh more.</summary>
    TfIdf,

    /// <summary>The feature values as given (flags, counts, topic weights).</summary>
    Raw,
}
