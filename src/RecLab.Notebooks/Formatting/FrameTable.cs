using System.Globalization;
using Microsoft.Data.Analysis;
using RecLab.Charts.Html;

namespace RecLab.Notebooks.Formatting;

/// <summary>
/// A <see cref="DataFrame"/> as a notebook table, the way pandas shows one: a row index, every column, and beyond
/// <see cref="MaxRows"/> rows the first and last <see cref="EdgeRows"/> with an ellipsis row between, under a caption
/// giving the shape. Every row a viewer is meant to see is in the HTML itself, so a viewer without JavaScript (a code
/// host) shows the same table as the kernel.
/// </summary>
internal static class FrameTable
{
    /// <summary>pandas' <c>display.max_rows</c>: frames up to this many rows are shown whole.</summary>
    public const int MaxRows = 60;

    /// <summary>pandas' <c>display.min_rows</c> split in two: rows shown at each end of a longer frame.</summary>
    public const int EdgeRows = 5;

    public static HtmlTable Of(DataFrame frame)
    {
        var rows = frame.Rows.Count;
        var shown = rows <= MaxRows
            ? Enumerable.Range(0, (int)rows).Select(r => (long)r)
            : Enumerable.Range(0, EdgeRows).Select(r => (long)r).Append(-1).Concat(Enumerable.Range(0, EdgeRows).Select(r => rows - EdgeRows + r));
        var columns = frame.Columns;
        return new HtmlTable
        {
            Caption = $"DataFrame: {rows.ToString("N0", CultureInfo.InvariantCulture)} rows \u00d7 {columns.Count.ToString(CultureInfo.InvariantCulture)} columns",
            Columns = ["", .. columns.Select(c => c.Name)],
            Rows = [.. shown.Select(r => r < 0
                ? (IReadOnlyList<TableCell>)[.. Enumerable.Repeat<TableCell>("\u2026", columns.Count + 1)]
                : [TableCell.Number(r, "0"), .. columns.Select(c => Cell(c[r]))])],
        };
    }

    /// <summary>Numbers right-aligned with six significant digits (pandas' precision), nulls shown as pandas shows them.</summary>
    private static TableCell Cell(object? value) => value switch
    {
        null => new TableCell { Text = "null" },
        double d => TableCell.Number(d, "G6"),
        float f => TableCell.Number(f, "G6"),
        decimal m => TableCell.Number((double)m, "G6"),
        IFormattable number and (int or long or short or byte or uint or ulong or ushort or sbyte) =>
            new TableCell { Text = number.ToString(null, CultureInfo.InvariantCulture), Numeric = true },
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
