namespace RecLab.Recommenders.Learning;

/// <summary>
/// Training rows for an ML.NET trainer, produced on demand: a label, an optional query group and one sparse float
/// vector per field. Rows are written when a cursor reaches them, so a million impressions never sit in memory as
/// ML.NET row objects.
/// </summary>
internal interface IFeatureRows
{
    /// <summary>Number of rows.</summary>
    int Count { get; }

    /// <summary>Length of each field's vector.</summary>
    IReadOnlyList<int> FieldSizes { get; }

    /// <summary>Most non-zeros a row can have in <paramref name="field"/> (the scratch size).</summary>
    int MaxNonZeros(int field);

    /// <summary>The label of a row: 0 or 1 for a click model, a relevance grade for a ranker.</summary>
    float Label(int row);

    /// <summary>The query group of a row (0-based, rows of a group contiguous), or -1 when rows are not grouped.</summary>
    int Group(int row);

    /// <summary>Writes the row's non-zeros of <paramref name="field"/> with ascending indices; returns how many. Thread-safe.</summary>
    int Write(int row, int field, Span<int> indices, Span<float> values);
}
