namespace RecLab.Data;

/// <summary>
/// An immutable sparse matrix in compressed sparse row form: the non-zeros of row <c>r</c> are
/// <c>Indices[Offsets[r]..Offsets[r+1]]</c> with <c>Values</c> alongside, column indices ascending within a row.
/// </summary>
/// <remarks>Rows are contiguous slices, so a loop over a row touches two sequential arrays.</remarks>
public sealed class CsrMatrix
{
    private readonly int[] _offsets;
    private readonly int[] _indices;
    private readonly float[] _values;

    /// <summary>Wraps existing arrays (not copied); indices must be ascending within each row.</summary>
    public CsrMatrix(int rowCount, int columnCount, int[] offsets, int[] indices, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        if (offsets.Length != rowCount + 1)
            throw new ArgumentException($"Expected {rowCount + 1} offsets, got {offsets.Length}.", nameof(offsets));
        if (indices.Length != values.Length || offsets[^1] != indices.Length)
            throw new ArgumentException("Offsets, indices and values disagree on the number of non-zeros.");
        RowCount = rowCount;
        ColumnCount = columnCount;
        _offsets = offsets;
        _indices = indices;
        _values = values;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeroCount => _indices.Length;

    /// <summary>Row start positions; length <see cref="RowCount"/> + 1.</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>Column index of every stored entry, row by row.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>Value of every stored entry, row by row.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Number of entries in a row.</summary>
    public int RowLength(int row) => _offsets[row + 1] - _offsets[row];

    /// <summary>Column indices of a row (ascending).</summary>
    public ReadOnlySpan<int> RowIndices(int row) => _indices.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    /// <summary>Values of a row, aligned with <see cref="RowIndices"/>.</summary>
    public ReadOnlySpan<float> RowValues(int row) => _values.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    /// <summary>The stored value at (row, column), or <paramref name="missing"/> when absent (binary search).</summary>
    public float Get(int row, int column, float missing = 0f)
    {
        var k = RowIndices(row).BinarySearch(column);
        return k >= 0 ? _values[_offsets[row] + k] : missing;
    }

    /// <summary>Bytes held by the three arrays.</summary>
    public long SizeInBytes => 4L * (_offsets.Length + _indices.Length + _values.Length);

    /// <summary>The transpose, built by a counting sort (column indices of the result are ascending).</summary>
    public CsrMatrix Transpose()
    {
        var offsets = new int[ColumnCount + 1];
        foreach (var c in _indices)
            offsets[c + 1]++;
        for (var c = 0; c < ColumnCount; c++)
            offsets[c + 1] += offsets[c];
        var next = offsets.AsSpan(0, ColumnCount).ToArray();
        var indices = new int[_indices.Length];
        var values = new float[_values.Length];
        for (var r = 0; r < RowCount; r++)
        {
            for (var k = _offsets[r]; k < _offsets[r + 1]; k++)
            {
                var slot = next[_indices[k]]++;
                indices[slot] = r;
                values[slot] = _values[k];
            }
        }
        return new CsrMatrix(ColumnCount, RowCount, offsets, indices, values);
    }

    internal int[] OffsetArray => _offsets;
    internal int[] IndexArray => _indices;
    internal float[] ValueArray => _values;
}
