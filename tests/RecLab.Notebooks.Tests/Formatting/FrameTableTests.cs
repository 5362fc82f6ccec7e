using Microsoft.Data.Analysis;
using RecLab.Notebooks.Formatting;

namespace RecLab.Notebooks.Tests.Formatting;

public sealed class FrameTableTests
{
    [Fact]
    public void A_short_frame_shows_every_row_with_its_index_numbers_right_aligned_and_nulls_named()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("algorithm", ["als", "knn"]),
            new DoubleDataFrameColumn("ndcg@10", [0.123456789, double.NaN]),
            new Int32DataFrameColumn("n", [610, null]));

        var table = FrameTable.Of(frame);

        Assert.Equal("DataFrame: 2 rows \u00d7 3 columns", table.Caption);
        Assert.Equal(["", "algorithm", "ndcg@10", "n"], table.Columns);
        Assert.Equal([["0", "als", "0.123457", "610"], ["1", "knn", "\u2013", "null"]], table.Rows.Select(r => r.Select(c => c.Text)));
        Assert.Equal([true, false, true, true], table.Rows[0].Select(c => c.Numeric));
        Assert.Equal("DataFrame: 2 rows \u00d7 3 columns\n   algorithm  ndcg@10   n\n-  ---------  --------  ----\n0  als        0.123457   610\n1  knn" + new string(' ', 15) + "\u2013  null",
            PlainText.Format(frame));
    }

    [Fact]
    public void A_long_frame_shows_its_first_and_last_five_rows_as_pandas_does()
    {
        var frame = new DataFrame(new Int64DataFrameColumn("x", Enumerable.Range(0, FrameTable.MaxRows + 1).Select(i => (long)i * 10)));

        var table = FrameTable.Of(frame);

        Assert.Equal("DataFrame: 61 rows \u00d7 1 columns", table.Caption);
        Assert.Equal(["0", "1", "2", "3", "4", "\u2026", "56", "57", "58", "59", "60"], table.Rows.Select(r => r[0].Text));
        Assert.Equal("600", table.Rows[^1][1].Text);
        // At the limit, whole.
        Assert.Equal(FrameTable.MaxRows, FrameTable.Of(frame.Head(FrameTable.MaxRows)).Rows.Count);
    }
}
