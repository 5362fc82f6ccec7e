using RecLab.Data;

namespace RecLab.Recommenders.Content;

/// <summary>Feature-based models' shared checks: the data must have item features, and a field list picks some of them.</summary>
internal static class FeatureFields
{
    /// <summary>The training set's item features, or a clear refusal.</summary>
    public static ItemFeatures Require(TrainingSet train, string algorithm) =>
        train.ItemFeatures ?? throw new NotSupportedException(
            $"{algorithm} needs item features (MovieLens genres and tags, the synthetic world's topics and tokens); the training data has none.");

    /// <summary>
    /// Only the features of <paramref name="fields"/> that the data has (all features when the list is empty); at least one
    /// listed field must be present, so a list can name the fields of several datasets (e.g. <c>genre|topic</c>).
    /// </summary>
    public static ItemFeatures Select(ItemFeatures features, IReadOnlyList<string> fields, string algorithm)
    {
        if (fields.Count == 0)
            return features;
        var available = features.FieldCounts().Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var present = fields.Where(available.Contains).ToArray();
        if (present.Length == 0)
            throw new ArgumentException(
                $"{algorithm}: none of the fields {string.Join("|", fields)} is among the item features' fields ({string.Join(", ", available.Order())}).");
        return features.OnlyFields(present);
    }

    /// <summary>Item profiles: the selected features weighted as asked, rows L2-normalized.</summary>
    public static CsrMatrix Profiles(ItemFeatures features, IReadOnlyList<string> fields, FeatureWeighting weighting, string algorithm)
    {
        var selected = Select(features, fields, algorithm);
        return (weighting == FeatureWeighting.TfIdf ? selected.TfIdf(normalize: true) : selected.Normalized()).Matrix;
    }
}
