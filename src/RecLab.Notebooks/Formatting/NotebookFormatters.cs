using System.Text.Json;
using Microsoft.DotNet.Interactive.Formatting;
using RecLab.Charts.Html;

namespace RecLab.Notebooks.Formatting;

/// <summary>
/// RecLab's formatters, registered with .NET Interactive's <see cref="Formatter"/> (the bootstrap does it through
/// <see cref="Notebook.Setup"/>): charts as interactive HTML with a text summary, tables as HTML and aligned text,
/// recorded results as text and a scrapbook scrap. The same in VS Code, Jupyter and <c>reclab notebook run</c>.
/// </summary>
internal static class NotebookFormatters
{
    public const string Html = "text/html";
    public const string Text = "text/plain";

    private static readonly Lock Gate = new();

    /// <summary>Registers the formatters unless they already are (a kernel keeps them until it is reset).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (Formatter.RegisteredFormatters(includeDefaults: false).Any(f => f.Type == typeof(RecordedResult)))
                return;
            // Charts and tables also name their HTML formatter by convention (TypeFormatterSourceAttribute), which the
            // Formatter reads the first time it meets the type, with HTML as the only preferred form. Reading it now
            // puts the preferences set below after it, so they win.
            foreach (var type in ChartOutput.Types.Append(typeof(HtmlTable)))
                _ = Formatter.GetPreferredMimeTypesFor(type);
            foreach (var chart in ChartOutput.Types)
            {
                Formatter.Register(chart, (value, writer) => writer.Write(ChartOutput.Html(value)), Html);
                Formatter.Register(chart, (value, writer) => writer.Write(PlainText.Format(value)), Text);
                Formatter.SetPreferredMimeTypesFor(chart, Html, Text);
            }

            Formatter.Register<HtmlTable>((table, writer) => writer.Write(table.ToHtml()), Html);
            Formatter.Register<HtmlTable>((table, writer) => writer.Write(PlainText.Format(table)), Text);
            Formatter.SetPreferredMimeTypesFor(typeof(HtmlTable), Html, Text);

            Formatter.Register<RecordedResult>((result, writer) => writer.Write(result.ToString()), Text);
            Formatter.Register<RecordedResult>((result, writer) => writer.Write(Scrap(result)), RecordedResult.ScrapMimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(RecordedResult), Text, RecordedResult.ScrapMimeType);
        }
    }

    /// <summary>scrapbook's JSON scrap: name, data, encoder and version.</summary>
    private static string Scrap(RecordedResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("name", result.Name);
            json.WritePropertyName("data");
            if (result.Value is double number && double.IsFinite(number))
                json.WriteNumberValue(number);
            else
                json.WriteStringValue(result.ValueText);
            json.WriteString("encoder", "json");
            json.WriteNumber("version", 1);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
