using System.Collections;
using RecLab.Charts.Html;
using RecLab.Charts.Plots;
using RecLab.Notebooks.Formatting;

namespace RecLab.Notebooks.Tests.Formatting;

public sealed class ConventionFormatterTests
{
    [Fact]
    public void Charts_tables_format_as_html_through_their_own_attribute()
    {
        var table = new HtmlTable { Columns = ["a"], Rows = [["1"]] };

        var forms = ConventionFormatter.Format(table);

        var (mime, html) = Assert.Single(forms);
        Assert.Equal("text/html", mime);
        Assert.Contains("class=\"reclab-table\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plotly_net_charts_display_as_a_notebook_chart_fragment_and_a_text_summary()
    {
        var chart = StandardPlots.MetricBars([new MetricEstimate("als", "ndcg@10", 0.3)]);

        var forms = Representations.Of(chart, []);

        Assert.Equal(["text/html", "text/plain"], forms.Keys);
        Assert.Contains("class=\"reclab-chart\"", forms["text/html"], StringComparison.Ordinal);
        Assert.Equal("[chart 'Accuracy by algorithm': bar 'ndcg@10'; drawn in the notebook's HTML]", forms["text/plain"]);
    }

    [Fact]
    public void A_type_without_the_attribute_has_no_formatted_forms()
    {
        Assert.Empty(ConventionFormatter.Format(new Version(1, 2)));
    }

    [Fact]
    public void A_formatter_that_breaks_the_convention_is_named_in_the_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ConventionFormatter.Format(new Ambiguous()));

        Assert.Contains(nameof(OverloadedFormatter), e.Message, StringComparison.Ordinal);
    }

    [TypeFormatterSource(typeof(OverloadedSource))]
    private sealed class Ambiguous;

    private sealed class OverloadedSource
    {
        public IEnumerable CreateTypeFormatters() => new[] { new OverloadedFormatter() };
    }

    /// <summary>Two Format methods: .NET Interactive's lookup by name would be ambiguous, so this is refused.</summary>
    private sealed class OverloadedFormatter
    {
        public string MimeType => "text/html";

        public bool Format(object instance, TextWriter writer) => true;

        public bool Format(string instance, TextWriter writer) => true;
    }

    [AttributeUsage(AttributeTargets.Class)]
    private sealed class TypeFormatterSourceAttribute(Type source) : Attribute
    {
        public Type FormatterSourceType { get; } = source;
    }
}
