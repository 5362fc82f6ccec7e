using System.Globalization;
using Microsoft.Data.Analysis;

namespace RecLab.Data;

public sealed partial class InteractionData
{
    /// <summary>
    /// The interactions as a DataFrame with the columns <c>user</c> and <c>item</c> (external ids), <c>rating</c>
    /// (the value) and, when the data has timestamps, <c>time</c>: one row per interaction, by user then item.
    /// For slicing and grouping in a notebook; algorithms keep working on this data's arrays.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var users = new StringDataFrameColumn(FrameColumns.User, Count);
        var items = new StringDataFrameColumn(FrameColumns.Item, Count);
        var ratings = new SingleDataFrameColumn(FrameColumns.Rating, _values);
        for (var u = 0; u < UserCount; u++)
        {
            for (var row = _userOffsets[u]; row < _userOffsets[u + 1]; row++)
            {
                users[row] = Users[u];
                items[row] = Items[_items[row]];
            }
        }

        var frame = new DataFrame(users, items, ratings);
        if (HasTimestamps)
            frame.Columns.Add(new Int64DataFrameColumn(FrameColumns.Time, TimestampColumn()));
        return frame;
    }

    /// <summary>
    /// Interactions from a DataFrame with a <c>user</c> and an <c>item</c> column (ids of any type, written in the
    /// invariant culture), a numeric <c>rating</c> column (optional for implicit feedback: 1 when absent) and an
    /// optional <c>time</c> column (whole numbers, or dates taken as unix seconds). Duplicates are resolved as
    /// <paramref name="duplicates"/> says, as when loading a file.
    /// </summary>
    /// <param name="frame">The frame; other columns are ignored.</param>
    /// <param name="kind">Explicit ratings or implicit feedback.</param>
    /// <param name="scale">The rating scale; required for explicit feedback.</param>
    /// <param name="duplicates">What to do with a (user, item) pair that occurs more than once.</param>
    /// <exception cref="ArgumentException">A required column is missing or not numeric, or a row lacks a value; the message names the column and row.</exception>
    public static InteractionData FromDataFrame(DataFrame frame, FeedbackKind kind, RatingScale? scale = null,
        DuplicatePolicy duplicates = DuplicatePolicy.LastByTimestamp)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var user = Column(frame, FrameColumns.User, required: true)!;
        var item = Column(frame, FrameColumns.Item, required: true)!;
        var rating = Column(frame, FrameColumns.Rating, required: kind == FeedbackKind.Explicit);
        var time = Column(frame, FrameColumns.Time, required: false);
        if (rating is not null && !IsNumeric(rating))
            throw new ArgumentException($"Column '{FrameColumns.Rating}' holds {rating.DataType.Name} values; it must be numeric.", nameof(frame));
        if (time is not null && !IsNumeric(time) && time.DataType != typeof(DateTime))
            throw new ArgumentException($"Column '{FrameColumns.Time}' holds {time.DataType.Name} values; it must be whole numbers or dates.", nameof(frame));

        var builder = new InteractionDataBuilder(capacity: (int)Math.Min(frame.Rows.Count, int.MaxValue));
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            var value = rating is null ? 1f : Convert.ToSingle(Required(rating, row), CultureInfo.InvariantCulture);
            long? stamp = time is null ? null : Required(time, row) switch
            {
                DateTime date => new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)).ToUnixTimeSeconds(),
                var number => Convert.ToInt64(number, CultureInfo.InvariantCulture),
            };
            builder.Add(Id(Required(user, row)), Id(Required(item, row)), value, stamp);
        }

        return builder.Build(kind, scale, duplicates);
    }

    private static DataFrameColumn? Column(DataFrame frame, string name, bool required)
    {
        var index = frame.Columns.IndexOf(name);
        if (index >= 0)
            return frame.Columns[index];
        if (!required)
            return null;
        var present = string.Join(", ", frame.Columns.Select(c => c.Name));
        throw new ArgumentException($"The DataFrame has no '{name}' column (it has: {present}); rename a column to '{name}' first.", nameof(frame));
    }

    private static object Required(DataFrameColumn column, long row) =>
        column[row] ?? throw new ArgumentException($"Row {row} has no '{column.Name}' (null); drop or fill such rows first (DataFrame.DropNulls).");

    private static string Id(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static bool IsNumeric(DataFrameColumn column) =>
        Type.GetTypeCode(column.DataType) is >= TypeCode.SByte and <= TypeCode.Decimal;
}
