namespace RecLab.Data;

/// <summary>
/// The column names of interactions as a <c>Microsoft.Data.Analysis.DataFrame</c>
/// (<see cref="InteractionData.ToDataFrame"/>, <see cref="InteractionData.FromDataFrame"/>).
/// </summary>
public static class FrameColumns
{
    /// <summary>The user's external id.</summary>
    public const string User = "user";

    /// <summary>The item's external id.</summary>
    public const string Item = "item";

    /// <summary>The value: a rating for explicit feedback, a weight (1 unless counted) for implicit feedback.</summary>
    public const string Rating = "rating";

    /// <summary>The timestamp (unix seconds for MovieLens), when the data has one.</summary>
    public const string Time = "time";

    /// <summary>The item's display title (<see cref="Dataset.ToDataFrame"/>), when the dataset has titles.</summary>
    public const string Title = "title";
}
