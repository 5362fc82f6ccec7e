namespace RecLab.Recommenders.Content;

/// <summary>Options of <see cref="ContentBased"/>.</summary>
public sealed record ContentBasedOptions : RecommenderOptions
{
    /// <summary>
    /// Item feature fields to use (e.g. <c>genre|tag</c>); empty for all. Fields the data lacks are ignored, but at least
    /// one must be present.
    /// </summary>
    public string[] Fields { get; init; } = [];

    /// <summary>How feature values are weighted in item profiles.</summary>
    public FeatureWeighting Weighting { get; init; } = FeatureWeighting.TfIdf;

    /// <summary>
    /// Explicit data: weight each history item by its rating minus the user's mean rating, so disliked items push their
    /// features down. Ignored for implicit data, whose values are the weights.
    /// </summary>
    public bool CenterRatings { get; init; } = true;
}
