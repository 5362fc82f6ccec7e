using RecLab.Data;

namespace RecLab.Tests.Data;

public sealed class CsrMatrixTests
{
    [Fact]
    public void Transpose_keeps_values_and_sorts_column_indices()
    {
        // [[0, 2, 0], [1, 0, 3]]
        var m = new CsrMatrix(2, 3, [0, 1, 3], [1, 0, 2], [2f, 1f, 3f]);
        var t = m.Transpose();
        Assert.Equal(3, t.RowCount);
        Assert.Equal(2, t.ColumnCount);
        Assert.Equal([1], t.RowIndices(0).ToArray());
        Assert.Equal([1f], t.RowValues(0).ToArray());
        Assert.Equal([0], t.RowIndices(1).ToArray());
        Assert.Equal([2f], t.RowValues(1).ToArray());
        Assert.Equal([1], t.RowIndices(2).ToArray());
        Assert.Equal(3f, t.Get(2, 1));
        Assert.Equal(0f, t.Get(2, 0));
    }
}
