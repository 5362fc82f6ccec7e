using System.Collections;
using RecLab.Charts;
using RecLab.Charts.Html;
using Chart = Plotly.NET.CSharp.Chart;
using RecLab.Notebooks.Formatting;

namespace RecLab.Notebooks.Tests.Formatting;

public sealed class PlainTextTests
{
    [Fact]
    public void A_table_is_aligned_in_columns_with_numbers_to_the_right()
    {
        var table = new HtmlTable
        {
            Caption = "Results",
            Columns = ["algorithm", "ndcg@10"],
            Rows = [["most-popular", TableCell.Number(0.18)], ["knn", TableCell.Number(0.274)]],
        };

        Assert.Equal("Results\nalgorithm     ndcg@10\n------------  -------\nmost-popular   0.1800\nknn            0.2740", PlainText.Format(table));
    }

    [Fact]
    public void A_chart_is_summarized_in_a_line()
    {
        var chart = Chart.Combine([
            Chart.Column<double, string, string>([0.3], Keys: new[] { "a" }, Name: "ALS", UseDefaults: false),
            Chart.Scatter<double, double, string>([1.0], [2.0], Plotly.NET.StyleParam.Mode.Markers, UseDefaults: false),
        ]).WithTitle("nDCG");

        Assert.Equal("[chart 'nDCG': bar 'ALS', scatter; drawn in the notebook's HTML]", PlainText.Format(chart));
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_and_long_sequences_are_cut()
    {
        Assert.Equal("0.5", PlainText.Format(0.5));
        Assert.Equal("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, ...]", PlainText.Format(Enumerable.Range(0, 100)));
        Assert.Equal("{a: 1}", PlainText.Format(new Hashtable { ["a"] = 1 }));
        Assert.Equal("<null>", PlainText.Format(null));
    }
}
