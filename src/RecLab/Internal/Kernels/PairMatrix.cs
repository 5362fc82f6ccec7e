using System.Runtime.CompilerServices;
namespace RecLab.Internal.Kernels;

/// <summary>
/// A square matrix of pair statistics (similarities or deviations) over rows 0..n-1, stored either dense
/// (NaN = absent) or as sparse rows with ascending column indices, each row a slice of a shared chunk; the diagonal
/// is never stored.
/// Optionally carries the support (number of common ys) of every stored pair.
/// </summary>
internal sealed class PairMatrix
{
    private readonly float[] _dense;
    private readonly int[] _denseCounts;
    private readonly int[][] _indices;
    private readonly float[][] _values;
    private readonly int[][]? _counts;
    private readonly int[] _starts;
    private readonly int[] _lengths;

    private PairMatrix(int size, bool isDense, float[] dense, int[] denseCounts, int[][] indices, float[][] values, int[][]? counts,
        int[] starts, int[] lengths)
    {
        _starts = starts;
        _lengths = lengths;
        Size = size;
        IsDense = isDense;
        _dense = dense;
        _denseCounts = denseCounts;
        _indices = indices;
        _values = values;
        _counts = counts;
    }

    /// <summary>A dense matrix (row-major, NaN = absent) with optional dense counts.</summary>
    public static PairMatrix FromDense(int size, float[] values, int[]? counts) =>
        new(size, true, values, counts ?? [], [], [], null, [], []);

    /// <summary>
    /// Sparse rows: row r is <c>[starts[r], starts[r] + lengths[r])</c> of its arrays (ascending indices), with optional
    /// counts aligned with values. Rows may share arrays.
    /// </summary>
    public static PairMatrix FromRows(int size, int[][] indices, float[][] values, int[][]? counts, int[] starts, int[] lengths) =>
        new(size, false, [], [], indices, values, counts, starts, lengths);

    /// <summary>Number of rows (and columns).</summary>
    public int Size { get; }

    /// <summary>True for dense storage.</summary>
    public bool IsDense { get; }

    /// <summary>True when supports are stored.</summary>
    public bool HasCounts => IsDense ? _denseCounts.Length > 0 : _counts is not null;

    /// <summary>Number of stored pairs (dense: every non-NaN cell).</summary>
    public long StoredCount
    {
        get
        {
            long n = 0;
            if (!IsDense)
            {
                foreach (var length in _lengths)
                    n += length;
                return n;
            }
            foreach (var v in _dense)
                if (!float.IsNaN(v))
                    n++;
            return n;
        }
    }

    /// <summary>Bytes held by the arrays.</summary>
    public long SizeInBytes
    {
        get
        {
            // Distinct chunks (rows share them), plus the per-row references, starts and lengths.
            var bytes = 4L * (_dense.Length + _denseCounts.Length) + 8L * (_indices.Length * 3 + (_counts?.Length ?? 0)) + 4L * (_starts.Length + _lengths.Length);
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            for (var r = 0; r < _indices.Length; r++)
            {
                if (_indices[r] is { } a && seen.Add(a)) bytes += 4L * a.Length;
                if (_values[r] is { } b && seen.Add(b)) bytes += 4L * b.Length;
                if (_counts?[r] is { } c && seen.Add(c)) bytes += 4L * c.Length;
            }
            return bytes;
        }
    }

    /// <summary>The value at (row, column), NaN when absent.</summary>
    public float Get(int row, int column)
    {
        if (IsDense)
            return _dense[(long)row * Size + column];
        var k = SparseIndices(row).BinarySearch(column);
        return k >= 0 ? SparseValues(row)[k] : float.NaN;
    }

    /// <summary>A dense row (NaN = absent); dense storage only.</summary>
    public ReadOnlySpan<float> DenseRow(int row) => _dense.AsSpan(row * Size, Size);

    /// <summary>The column indices of a sparse row; sparse storage only.</summary>
    public ReadOnlySpan<int> SparseIndices(int row) => _indices[row].AsSpan(_starts[row], _lengths[row]);

    /// <summary>The values of a sparse row; sparse storage only.</summary>
    public ReadOnlySpan<float> SparseValues(int row) => _values[row].AsSpan(_starts[row], _lengths[row]);

    /// <summary>
    /// The values of <paramref name="row"/> at ascending <paramref name="columns"/> (NaN where absent), and their supports
    /// when <paramref name="counts"/> is not empty. Sparse rows are searched by galloping from the previous match,
    /// so a short candidate list costs about <c>|columns| log(row length / |columns|)</c>. Twin: <see cref="PairMatrixNaive.Gather"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gather(int row, ReadOnlySpan<int> columns, Span<float> values, Span<int> counts = default)
    {
        var withCounts = counts.Length > 0;
        if (IsDense)
        {
            var dense = DenseRow(row);
            for (var k = 0; k < columns.Length; k++)
                values[k] = dense[columns[k]];
            if (withCounts)
            {
                var c = _denseCounts.AsSpan(row * Size, Size);
                for (var k = 0; k < columns.Length; k++)
                    counts[k] = c[columns[k]];
            }
            return;
        }
        var indices = SparseIndices(row);
        var rowValues = SparseValues(row);
        var rowCounts = withCounts ? _counts![row].AsSpan(_starts[row], _lengths[row]) : default;
        var p = 0;
        for (var k = 0; k < columns.Length; k++)
        {
            var column = columns[k];
            p = LowerBound(indices, p, column);
            if (p < indices.Length && indices[p] == column)
            {
                values[k] = rowValues[p];
                if (withCounts)
                    counts[k] = rowCounts[p];
            }
            else
            {
                values[k] = float.NaN;
                if (withCounts)
                    counts[k] = 0;
            }
        }
    }

    /// <summary>First position at or after <paramref name="from"/> whose index is at least <paramref name="target"/> (galloping).</summary>
    private static int LowerBound(ReadOnlySpan<int> indices, int from, int target)
    {
        var n = indices.Length;
        if (from >= n || indices[from] >= target)
            return from;
        // Gallop: find hi with indices[hi] >= target, doubling the step; then binary search (lo, hi].
        var lo = from;
        var step = 1;
        var hi = from + 1;
        while (hi < n && indices[hi] < target)
        {
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        if (hi > n)
            hi = n;
        // Invariant: indices[lo] < target, and indices[hi] >= target or hi == n.
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (indices[mid] < target)
                lo = mid;
            else
                hi = mid;
        }
        return hi;
    }
}
