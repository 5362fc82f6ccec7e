using Microsoft.Data.Analysis;

namespace RecLab.Data;

public sealed partial class Dataset
{
    /// <summary>
    /// The interactions as a DataFrame (<see cref="InteractionData.ToDataFrame"/>: <c>user</c>, <c>item</c>,
    /// <c>rating</c>, <c>time</c>), plus the item's <c>title</c> when the dataset has titles.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var frame = Interactions.ToDataFrame();
        if (ItemTitles is { } titles)
        {
            var column = new StringDataFrameColumn(FrameColumns.Title, frame.Rows.Count);
            var items = Interactions.ItemColumn;
            for (var row = 0; row < items.Length; row++)
                column[row] = titles[items[row]];
            frame.Columns.Add(column);
        }

        return frame;
    }

    /// <summary>A dataset named <paramref name="name"/> from a DataFrame's interactions (see <see cref="InteractionData.FromDataFrame"/>).</summary>
    /// <exception cref="ArgumentException">A required column is missing or not numeric, or a row lacks a value.</exception>
    public static Dataset FromDataFrame(string name, DataFrame frame, FeedbackKind kind, RatingScale? scale = null) =>
        new(name, InteractionData.FromDataFrame(frame, kind, scale), source: "DataFrame");
}
