using System.Runtime.CompilerServices;
using RecLab.Data;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Pair statistics between all rows x of a sparse matrix over their co-rated ys, computed sparse: for each x (in
/// parallel, one dense accumulator per thread), only the x' that share a y are touched, by walking the columns of
/// x's ys. Work is <c>sum_y |column y|^2</c>, not <c>n^2</c>. Each row is computed whole (both triangles): twice the
/// arithmetic of a triangle, but no transpose afterwards, whose scattered writes cost more than the arithmetic.
/// Every row is computed independently in a fixed order, so results do not depend on the number of threads.
/// Twin: <see cref="PairStatisticsNaive"/> (Surprise's all-pairs loops over a dense n x n matrix).
/// </summary>
internal static class PairStatistics
{
    /// <summary>
    /// Statistics between the rows of <paramref name="rows"/> (x-major: row x lists its ys ascending), whose transpose
    /// is <paramref name="columns"/> (y-major, x ascending). Row x contributes its own values <c>r</c> from
    /// <paramref name="rows"/> and every other x' its values <c>r'</c> from <paramref name="columns"/> (normally equal;
    /// different for an asymmetric measure).
    /// </summary>
    public static PairMatrix Compute(CsrMatrix rows, CsrMatrix columns, PairSettings settings, ParallelOptions parallel) =>
        settings.Measure switch
        {
            PairMeasure.Cosine => Compute<CosineMeasure>(rows, columns, settings, parallel),
            PairMeasure.Msd => Compute<MsdMeasure>(rows, columns, settings, parallel),
            PairMeasure.Pearson => Compute<PearsonMeasure>(rows, columns, settings, parallel),
            PairMeasure.Dot => Compute<DotMeasure>(rows, columns, settings, parallel),
            _ => Compute<MeanDifferenceMeasure>(rows, columns, settings, parallel),
        };

    /// <summary>The same sparsity pattern with other values (e.g. centred ratings), and its transpose with the same values.</summary>
    public static (CsrMatrix Rows, CsrMatrix Columns) WithValues(CsrMatrix rows, CsrMatrix columns, float[] rowValues)
    {
        var positions = ColumnPositions(rows, columns);
        var columnValues = new float[rowValues.Length];
        for (var k = 0; k < rowValues.Length; k++)
            columnValues[positions[k]] = rowValues[k];
        return (new CsrMatrix(rows.RowCount, rows.ColumnCount, rows.OffsetArray, rows.IndexArray, rowValues),
            new CsrMatrix(columns.RowCount, columns.ColumnCount, columns.OffsetArray, columns.IndexArray, columnValues));
    }

    /// <summary>For each entry k of <paramref name="rows"/> (x, y), the position of x within column y of <paramref name="columns"/>.</summary>
    public static int[] ColumnPositions(CsrMatrix rows, CsrMatrix columns)
    {
        if (rows.NonZeroCount != columns.NonZeroCount || rows.RowCount != columns.ColumnCount || rows.ColumnCount != columns.RowCount)
            throw new ArgumentException("The columns matrix must be the transpose of the rows matrix.");
        var next = columns.Offsets[..columns.RowCount].ToArray();
        var positions = new int[rows.NonZeroCount];
        var ys = rows.Indices;
        var xs = columns.Indices;
        for (var x = 0; x < rows.RowCount; x++)
        {
            for (var k = rows.Offsets[x]; k < rows.Offsets[x + 1]; k++)
            {
                // Columns list x ascending, so the entries of x come in the order x is visited.
                var p = next[ys[k]]++;
                if (xs[p] != x)
                    throw new ArgumentException("The columns matrix must be the transpose of the rows matrix.");
                positions[k] = p;
            }
        }
        return positions;
    }

    private static PairMatrix Compute<TMeasure>(CsrMatrix rows, CsrMatrix columns, PairSettings settings, ParallelOptions parallel)
        where TMeasure : struct, IPairMeasure
    {
        var n = rows.RowCount;
        if (rows.NonZeroCount != columns.NonZeroCount || rows.RowCount != columns.ColumnCount || rows.ColumnCount != columns.RowCount)
            throw new ArgumentException("The columns matrix must be the transpose of the rows matrix.");
        var dense = settings.Dense ? new float[(long)n * n] : null;
        var denseCounts = settings.Dense && settings.KeepCounts ? new int[(long)n * n] : null;
        dense?.AsSpan().Fill(float.NaN);
        var rowIndices = settings.Dense ? null : new int[n][];
        var rowValues = settings.Dense ? null : new float[n][];
        var rowCounts = settings.Dense || !settings.KeepCounts ? null : new int[n][];

        var rowStore = settings.Dense ? null : new SparseRows(n, settings.KeepCounts);
        Parallel.For(0, n, parallel, () => new Accumulator(n, TMeasure.Sums, settings.KeepCounts), (x, _, acc) =>
        {
            Accumulate<TMeasure>(rows, columns, x, acc);
            var kept = 0;
            if (acc.TouchedIsDense)
            {
                // Most columns touched: one ordered pass over the accumulators, clearing each entry once read.
                var counts = acc.Count;
                for (var x2 = 0; x2 < counts.Length; x2++)
                {
                    if (counts[x2] > 0)
                    {
                        Emit(x2);
                        acc.Clear(x2);
                    }
                }
                acc.ResetTouched();
            }
            else
            {
                foreach (var x2 in acc.SortedTouched())
                    Emit(x2);
                acc.ClearTouched();
            }
            if (settings.TopK > 0 && kept > settings.TopK)
                kept = acc.KeepLargest(kept, settings.TopK);
            if (dense is not null)
            {
                for (var k = 0; k < kept; k++)
                {
                    dense[(long)x * n + acc.KeptIndices[k]] = acc.KeptValues[k];
                    if (denseCounts is not null)
                        denseCounts[(long)x * n + acc.KeptIndices[k]] = acc.KeptCounts[k];
                }
            }
            rowStore?.Add(x, acc, kept);
            return acc;

            void Emit(int x2)
            {
                var count = acc.Count[x2];
                if (x2 == x || count < settings.MinSupport)
                    return;
                var value = TMeasure.Value(acc.Sums, x2, count);
                if (settings.Shrinkage > 0)
                    value *= (count - 1) / (count - 1 + settings.Shrinkage);
                if (settings.PositiveOnly && !(value > 0))
                    return;
                acc.KeptIndices[kept] = x2;
                acc.KeptValues[kept] = (float)value;
                if (settings.KeepCounts)
                    acc.KeptCounts[kept] = count;
                kept++;
            }
        }, acc => rowStore?.Release(acc));

        return dense is not null
            ? PairMatrix.FromDense(n, dense, denseCounts)
            : rowStore!.ToMatrix();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate<TMeasure>(CsrMatrix rows, CsrMatrix columns, int x, Accumulator acc)
        where TMeasure : struct, IPairMeasure
    {
        var rowOffsets = rows.Offsets;
        var rowValues = rows.Values;
        var columnOffsets = columns.Offsets;
        var columnIndices = columns.Indices;
        var columnValues = columns.Values;
        var ys = rows.Indices;
        var count = acc.Count;
        var sums = acc.Sums;
        for (var k = rowOffsets[x]; k < rowOffsets[x + 1]; k++)
        {
            double ri = rowValues[k];
            var y = ys[k];
            var end = columnOffsets[y + 1];
            for (var q = columnOffsets[y]; q < end; q++)
            {
                var x2 = columnIndices[q];
                if (count[x2]++ == 0)
                    acc.Touch(x2);
                TMeasure.Add(ref sums, x2, ri, columnValues[q]);
            }
        }
    }

    /// <summary>The running sums of one row against every x' (only those a measure needs are allocated).</summary>
    internal struct Sums
    {
        public double[] A;
        public double[] B;
        public double[] C;
        public double[] D;
        public double[] E;
    }

    /// <summary>Per-thread dense accumulators over the columns x', the list of those touched, and room for one output row.</summary>
    internal sealed class Accumulator
    {
        public readonly int[] Count;
        public readonly Sums Sums;
        public readonly int[] KeptIndices;
        public readonly float[] KeptValues;
        public readonly int[] KeptCounts;
        private readonly int[] _touched;
        private int _touchedCount;
        private float[] _top = [];

        public Accumulator(int n, int sums, bool keepCounts)
        {
            Count = new int[n];
            Sums = new Sums
            {
                A = sums > 0 ? new double[n] : [],
                B = sums > 1 ? new double[n] : [],
                C = sums > 2 ? new double[n] : [],
                D = sums > 3 ? new double[n] : [],
                E = sums > 4 ? new double[n] : [],
            };
            _touched = new int[n];
            KeptIndices = new int[n];
            KeptValues = new float[n];
            KeptCounts = keepCounts ? new int[n] : [];
        }

        /// <summary>The thread's current output chunk (see <see cref="SparseRows"/>).</summary>
        public SparseRows.Chunk? Chunk;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Touch(int x2) => _touched[_touchedCount++] = x2;

        /// <summary>True when sorting the touched columns would cost more than scanning all of them.</summary>
        public bool TouchedIsDense =>
            (long)_touchedCount * Math.Max(1, System.Numerics.BitOperations.Log2((uint)_touchedCount)) >= Count.Length;

        /// <summary>Reduces the kept entries to the <paramref name="k"/> largest values, still in ascending index order.</summary>
        public int KeepLargest(int kept, int k)
        {
            var positions = _touched.AsSpan(0, k);
            if (_top.Length < k)
                _top = new float[k];
            var count = TopN.Select(KeptValues.AsSpan(0, kept), positions, _top.AsSpan(0, k));
            positions[..count].Sort();
            for (var j = 0; j < count; j++)
            {
                var p = positions[j];
                KeptIndices[j] = KeptIndices[p];
                KeptValues[j] = KeptValues[p];
                if (KeptCounts.Length > 0)
                    KeptCounts[j] = KeptCounts[p];
            }
            return count;
        }

        /// <summary>The touched columns, ascending.</summary>
        public ReadOnlySpan<int> SortedTouched()
        {
            var touched = _touched.AsSpan(0, _touchedCount);
            touched.Sort();
            return touched;
        }

        public void ClearTouched()
        {
            foreach (var x2 in _touched.AsSpan(0, _touchedCount))
                Clear(x2);
            _touchedCount = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Clear(int x2)
        {
            Count[x2] = 0;
            var s = Sums;
            if (s.A.Length > 0) s.A[x2] = 0;
            if (s.B.Length > 0) s.B[x2] = 0;
            if (s.C.Length > 0) s.C[x2] = 0;
            if (s.D.Length > 0) s.D[x2] = 0;
            if (s.E.Length > 0) s.E[x2] = 0;
        }

        public void ResetTouched() => _touchedCount = 0;
    }

    /// <summary>
    /// Sparse output rows written by many threads: each thread appends its rows to large chunks of its own, so
    /// there is one allocation per megabyte rather than per row, and the GC never copies thousands of row arrays.
    /// </summary>
    internal sealed class SparseRows(int n, bool keepCounts)
    {
        private const int ChunkSize = 1 << 20;
        private readonly int[][] _indices = new int[n][];
        private readonly float[][] _values = new float[n][];
        private readonly int[][]? _counts = keepCounts ? new int[n][] : null;
        private readonly int[] _starts = new int[n];
        private readonly int[] _lengths = new int[n];
        private readonly Stack<Chunk> _spare = new();

        internal sealed class Chunk(int size, bool keepCounts)
        {
            public readonly int[] Indices = GC.AllocateUninitializedArray<int>(size);
            public readonly float[] Values = GC.AllocateUninitializedArray<float>(size);
            public readonly int[] Counts = keepCounts ? GC.AllocateUninitializedArray<int>(size) : [];
            public int Used;
        }

        /// <summary>Appends row <paramref name="x"/> from the accumulator's kept buffers.</summary>
        public void Add(int x, Accumulator acc, int length)
        {
            var chunk = acc.Chunk ??= TakeSpare();
            if (chunk is null || chunk.Used + length > chunk.Indices.Length)
                acc.Chunk = chunk = new Chunk(Math.Max(ChunkSize, length), keepCounts);
            var start = chunk.Used;
            acc.KeptIndices.AsSpan(0, length).CopyTo(chunk.Indices.AsSpan(start));
            acc.KeptValues.AsSpan(0, length).CopyTo(chunk.Values.AsSpan(start));
            if (_counts is not null)
                acc.KeptCounts.AsSpan(0, length).CopyTo(chunk.Counts.AsSpan(start));
            chunk.Used += length;
            _indices[x] = chunk.Indices;
            _values[x] = chunk.Values;
            if (_counts is not null)
                _counts[x] = chunk.Counts;
            _starts[x] = start;
            _lengths[x] = length;
        }

        /// <summary>
        /// Called when a worker finishes (Parallel.For retires and replaces workers, more often on a busy machine):
        /// its partly filled chunk goes back for the next worker, so unused chunk space stays bounded by the threads.
        /// </summary>
        public void Release(Accumulator acc)
        {
            if (acc.Chunk is { } chunk)
                lock (_spare)
                    _spare.Push(chunk);
            acc.Chunk = null;
        }

        private Chunk? TakeSpare()
        {
            lock (_spare)
                return _spare.Count > 0 ? _spare.Pop() : null;
        }

        public PairMatrix ToMatrix() => PairMatrix.FromRows(n, _indices, _values, _counts, _starts, _lengths);
    }

    internal interface IPairMeasure
    {
        static abstract int Sums { get; }
        static abstract void Add(ref Sums sums, int x2, double ri, double rj);
        static abstract double Value(in Sums sums, int x2, int count);
    }

    private readonly struct CosineMeasure : IPairMeasure
    {
        public static int Sums => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Add(ref Sums acc, int x2, double ri, double rj)
        {
            acc.A[x2] += ri * rj;
            acc.B[x2] += ri * ri;
            acc.C[x2] += rj * rj;
        }

        public static double Value(in Sums acc, int x2, int count)
        {
            var denominator = Math.Sqrt(acc.B[x2] * acc.C[x2]);
            return denominator == 0 ? 0 : acc.A[x2] / denominator;
        }
    }

    private readonly struct MsdMeasure : IPairMeasure
    {
        public static int Sums => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Add(ref Sums acc, int x2, double ri, double rj)
        {
            var d = ri - rj;
            acc.A[x2] += d * d;
        }

        public static double Value(in Sums acc, int x2, int count) => 1 / (acc.A[x2] / count + 1);
    }

    private readonly struct PearsonMeasure : IPairMeasure
    {
        public static int Sums => 5;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Add(ref Sums acc, int x2, double ri, double rj)
        {
            acc.A[x2] += ri * rj;
            acc.B[x2] += ri * ri;
            acc.C[x2] += rj * rj;
            acc.D[x2] += ri;
            acc.E[x2] += rj;
        }

        public static double Value(in Sums acc, int x2, int n)
        {
            var si = acc.D[x2];
            var sj = acc.E[x2];
            var numerator = n * acc.A[x2] - si * sj;
            var denominator = Math.Sqrt((n * acc.B[x2] - si * si) * (n * acc.C[x2] - sj * sj));
            return denominator == 0 || double.IsNaN(denominator) ? 0 : numerator / denominator;
        }
    }

    private readonly struct DotMeasure : IPairMeasure
    {
        public static int Sums => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Add(ref Sums acc, int x2, double ri, double rj) => acc.A[x2] += ri * rj;

        public static double Value(in Sums acc, int x2, int count) => acc.A[x2];
    }

    private readonly struct MeanDifferenceMeasure : IPairMeasure
    {
        public static int Sums => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Add(ref Sums acc, int x2, double ri, double rj) => acc.A[x2] += ri - rj;

        public static double Value(in Sums acc, int x2, int count) => acc.A[x2] / count;
    }
}
