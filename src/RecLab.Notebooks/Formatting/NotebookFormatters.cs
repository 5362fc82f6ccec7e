using System.Text.Json;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using Plotly.NET.Interactive;
using RecLab.Charts.Html;

namespace RecLab.Notebooks.Formatting;

/// <summary>
/// The formatters RecLab notebooks display through, registered with .NET Interactive's <see cref="Formatter"/> (the
/// bootstrap does it through <see cref="Notebook.Setup"/>): Plotly.NET's charts by Plotly.NET.Interactive's own kernel
/// extension, with a text summary beside; RecLab's tables and DataFrames as HTML and aligned text; recorded results as
/// text and a scrapbook scrap. The same in VS Code, Jupyter and <c>reclab notebook run</c>.
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
            LoadPlotlyExtension();
            // Plotly.NET names a formatter source of its own on GenericChart (which the Formatter cannot create); reading
            // its preferences now puts the ones set below after them, so they win.
            _ = Formatter.GetPreferredMimeTypesFor(typeof(GenericChart));
            Formatter.Register<GenericChart>((chart, writer) => writer.Write(PlainText.Format(chart)), Text);
            Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), Html, Text);

            Formatter.Register<HtmlTable>((table, writer) => writer.Write(table.ToHtml()), Html);
            Formatter.Register<HtmlTable>((table, writer) => writer.Write(PlainText.Format(table)), Text);
            Formatter.SetPreferredMimeTypesFor(typeof(HtmlTable), Html, Text);

            Formatter.Register<DataFrame>((frame, writer) => writer.Write(FrameTable.Of(frame).ToHtml()), Html);
            Formatter.Register<DataFrame>((frame, writer) => writer.Write(PlainText.Format(frame)), Text);
            Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), Html, Text);

            Formatter.Register<RecordedResult>((result, writer) => writer.Write(result.ToString()), Text);
            Formatter.Register<RecordedResult>((result, writer) => writer.Write(Scrap(result)), RecordedResult.ScrapMimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(RecordedResult), Text, RecordedResult.ScrapMimeType);
        }
    }

    /// <summary>
    /// Loads Plotly.NET.Interactive's kernel extension as the kernel loads a package's extensions after
    /// <c>#r "nuget: Plotly.NET.Interactive"</c>: its <see cref="IKernelExtension.OnLoadAsync"/> registers the
    /// chart's HTML formatter. From the build rather than a package restore, so it works offline and in process.
    /// </summary>
    private static void LoadPlotlyExtension()
    {
        IKernelExtension extension = new FormatterKernelExtension();
        // Its formatter is global; the kernel argument is where a kernel-specific extension would hook in.
        extension.OnLoadAsync(KernelInvocationContext.Current?.HandlingKernel!).GetAwaiter().GetResult();
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
