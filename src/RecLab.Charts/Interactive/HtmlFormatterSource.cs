using System.Collections;
using RecLab.Charts.Html;

namespace RecLab.Charts.Interactive;

/// <summary>The formatters .NET Interactive uses for RecLab.Charts types: figures and tables as HTML.</summary>
internal sealed class HtmlFormatterSource
{
    /// <summary>Called by reflection, by name: keep it public, parameterless and returning <see cref="IEnumerable"/>.</summary>
    public IEnumerable CreateTypeFormatters() => new[]
    {
        new HtmlFormatter(typeof(Figure), value => ((Figure)value).ToNotebookHtml()),
        new HtmlFormatter(typeof(HtmlTable), value => ((HtmlTable)value).ToHtml()),
    };
}
