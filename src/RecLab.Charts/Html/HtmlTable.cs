using System.Globalization;

namespace RecLab.Charts.Html;

/// <summary>
/// A simple results table for reports and notebooks (RecLab.Notebooks registers its notebook formatters).
/// </summary>
public sealed record HtmlTable
{
    /// <summary>A caption above the table.</summary>
    public string? Caption { get; init; }

    /// <summary>The column headers; when all are empty the table has no header row.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The rows; each has one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<TableCell>> Rows { get; init; } = [];

    /// <summary>The table as an HTML <c>&lt;table&gt;</c> element with escaped text.</summary>
    /// <exception cref="InvalidOperationException">A row does not have one cell per column.</exception>
    public string ToHtml()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteTo(writer);
        return writer.ToString();
    }

    internal void WriteTo(TextWriter writer)
    {
        for (var r = 0; r < Rows.Count; r++)
        {
            if (Rows[r].Count != Columns.Count)
                throw new InvalidOperationException($"Table row {r + 1} has {Rows[r].Count} cells but the table has {Columns.Count} columns.");
        }

        writer.WriteLine("<table class=\"reclab-table\">");
        if (Caption is not null)
            writer.WriteLine("<caption>" + HtmlText.Encode(Caption) + "</caption>");
        // A key-value table has nothing to say in a header row.
        if (Columns.Any(c => c.Length > 0))
        {
            writer.Write("<thead><tr>");
            foreach (var column in Columns)
                writer.Write("<th>" + HtmlText.Encode(column) + "</th>");
            writer.WriteLine("</tr></thead>");
        }
        writer.WriteLine("<tbody>");
        foreach (var row in Rows)
        {
            writer.Write("<tr>");
            foreach (var cell in row)
                WriteCell(writer, cell);
            writer.WriteLine("</tr>");
        }

        writer.WriteLine("</tbody>");
        writer.WriteLine("</table>");
    }

    private static void WriteCell(TextWriter writer, TableCell cell)
    {
        writer.Write("<td");
        if (cell.Numeric)
            writer.Write(" class=\"num\"");
        if (cell.Tooltip is not null)
            writer.Write(" title=\"" + HtmlText.Encode(cell.Tooltip) + "\"");
        writer.Write('>');
        var text = HtmlText.Encode(cell.Text);
        writer.Write(cell.Strong ? "<strong>" + text + "</strong>" : text);
        writer.Write("</td>");
    }
}
