using System.Collections;
using RecLab.Charts.Html;

namespace RecLab.Charts.Interactive;

/// <summary>The formatter .NET Interactive uses for RecLab.Charts' table: HTML (Plotly.NET formats its charts itself).</summary>
internal sealed class HtmlFormatterSource
{
    /// <summary>Called by reflection, by name: keep it public, parameterless and returning <see cref="IEnumerable"/>.</summary>
    public IEnumerable CreateTypeFormatters() => new[]
    {
        new HtmlFormatter(typeof(HtmlTable), value => ((HtmlTable)value).ToHtml()),
    };
}
