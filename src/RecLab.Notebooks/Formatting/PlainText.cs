using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using Plotly.NET;
using RecLab.Charts.Html;

namespace RecLab.Notebooks.Formatting;

/// <summary>
/// The <c>text/plain</c> form of a displayed value: what a console shows, and what a notebook front end shows
/// when it cannot render the richer forms. Charts are summarized; tables and DataFrames are aligned in columns.
/// </summary>
internal static class PlainText
{
    private const int MaxItems = 20;

    public static string Format(object? value) => value switch
    {
        null => "<null>",
        string text => text,
        GenericChart chart => Describe(chart),
        HtmlTable table => Describe(table),
        DataFrame frame => Describe(FrameTable.Of(frame)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dictionary => Join("{", dictionary.Cast<DictionaryEntry>().Select(e => Format(e.Key) + ": " + Format(e.Value)), "}"),
        IEnumerable sequence => Join("[", sequence.Cast<object?>().Select(Format), "]"),
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static string Join(string open, IEnumerable<string> items, string close)
    {
        var taken = items.Take(MaxItems + 1).ToList();
        var more = taken.Count > MaxItems ? ", ..." : "";
        return open + string.Join(", ", taken.Take(MaxItems)) + more + close;
    }

    private static string Describe(GenericChart chart)
    {
        var title = GenericChart.getLayout(chart).TryGetTypedPropertyValue<Title>("title")?.Value.TryGetTypedPropertyValue<string>("text")?.Value;
        var traces = GenericChart.getTraces(chart).Select(t =>
            t.TryGetTypedPropertyValue<string>("type")?.Value + (t.TryGetTypedPropertyValue<string>("name")?.Value is { } name ? " '" + name + "'" : ""));
        return $"[chart{(title is null ? "" : " '" + title + "'")}: {string.Join(", ", traces)}; drawn in the notebook's HTML]";
    }

    private static string Describe(HtmlTable table)
    {
        var rows = new List<IReadOnlyList<string>> { table.Columns };
        rows.AddRange(table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => c.Text)]));
        var widths = new int[table.Columns.Count];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count && c < widths.Length; c++)
                widths[c] = Math.Max(widths[c], row[c].Length);
        }

        var text = new StringBuilder();
        if (table.Caption is not null)
            text.Append(table.Caption).Append('\n');
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Take(widths.Length).Select((cell, c) =>
                r > 0 && table.Rows[r - 1][c].Numeric ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            text.Append(string.Join("  ", cells).TrimEnd()).Append('\n');
            if (r == 0)
                text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        }

        return text.ToString().TrimEnd();
    }
}
