using RecLab.Internal.Kernels;
using RecLab.Recommenders.Factorization;

namespace RecLab.Tests.Recommenders.Factorization;

public sealed class RowLayoutTests
{
    [Fact]
    public void Groups_become_contiguous_runs_in_id_order_and_rows_come_back_unchanged()
    {
        // Rows 1 and 4 in group 0, row 3 in group 1, rows 0 and 2 in group 2: slots 0-1, 2, 3-4.
        var layout = RowLayout.ByGroup([2, 0, 2, 1, 0], 3);
        Assert.Equal([3, 0, 4, 2, 1], Enumerable.Range(0, 5).Select(layout.Slot));

        var rows = new FactorMatrix(5, 3);
        for (var r = 0; r < 5; r++)
            rows[r].Fill(r + 1);
        var moved = layout.Apply(rows);
        Assert.Equal([2f, 2f, 2f], moved[0].ToArray());
        Assert.Equal([3f, 3f, 3f], moved[4].ToArray());
        var back = new FactorMatrix(5, 3);
        layout.Restore(moved, back);
        Assert.Equal(rows.Data, back.Data);

        float[] values = [10, 11, 12, 13, 14];
        var movedValues = layout.Apply(values);
        Assert.Equal([11f, 14f, 13f, 10f, 12f], movedValues);
        var valuesBack = new float[5];
        layout.Restore(movedValues, valuesBack);
        Assert.Equal(values, valuesBack);
    }

    [Fact]
    public void The_identity_shares_the_arrays()
    {
        var rows = new FactorMatrix(2, 2);
        float[] values = [1, 2];
        Assert.Same(rows, RowLayout.Identity.Apply(rows));
        Assert.Same(values, RowLayout.Identity.Apply(values));
        Assert.Equal(1, RowLayout.Identity.Slot(1));
    }
}
