using System.Runtime.CompilerServices;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Item-kNN's aggregation for every target item at once: for each target i, among the history items j with positive
/// similarity s(i, j) (j = i counts with s = 1, the diagonal of Surprise's matrix), the k most similar (ties to the
/// lower item index), and their count, Σ s and Σ s·d_j for per-item deviations d. The same neighbours and sums as
/// selecting per target (<see cref="NeighborSumsNaive"/>), at the cost of reading the history's similarity rows
/// once or twice instead of once per target.
/// </summary>
/// <remarks>
/// A history of at most k items needs no selection: one pass adds every candidate. Otherwise a first pass counts
/// each target's candidates in <see cref="Buckets"/> similarity buckets (monotone in s); per target the bucket that
/// holds the k-th best candidate follows, and a second pass adds every candidate above it and, when that bucket
/// holds more candidates than places left, keeps the best of its candidates in a small heap. Per-thread scratch,
/// no allocation once warm.
/// </remarks>
internal static class NeighborSums
{
    /// <summary>Similarity buckets of the counting pass; the top one holds exactly s ≥ 1.</summary>
    public const int Buckets = 32;

    /// <summary>Computes the counts and sums of every target (all outputs have one slot per item).</summary>
    /// <param name="similarities">Item-item similarities (the diagonal is not stored).</param>
    /// <param name="history">The user's items, ascending and distinct.</param>
    /// <param name="deviations">d_j, aligned with <paramref name="history"/>.</param>
    /// <param name="k">Most neighbours per target.</param>
    /// <param name="counts">Receives the number of neighbours kept per target (at most k).</param>
    /// <param name="sumSimilarity">Receives Σ s over the kept neighbours.</param>
    /// <param name="sumWeighted">Receives Σ s·d over the kept neighbours.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(PairMatrix similarities, ReadOnlySpan<int> history, ReadOnlySpan<double> deviations, int k,
        Span<int> counts, Span<double> sumSimilarity, Span<double> sumWeighted)
    {
        var n = similarities.Size;
        if (history.Length != deviations.Length || counts.Length < n || sumSimilarity.Length < n || sumWeighted.Length < n)
            throw new ArgumentException("History and deviations must align, and every output must have one slot per item.");
        for (var p = 1; p < history.Length; p++)
            if (history[p] <= history[p - 1])
                throw new ArgumentException("History items must be ascending and distinct.", nameof(history));
        counts[..n].Clear();
        sumSimilarity[..n].Clear();
        sumWeighted[..n].Clear();
        if (history.Length <= k)
        {
            // At most k candidates per target: every one is a neighbour.
            for (var p = 0; p < history.Length; p++)
                ForEachCandidate(similarities, history[p], new AddAll(counts, sumSimilarity, sumWeighted, deviations[p]));
            return;
        }

        var scratch = Scratch.For(n, k);
        var histogram = scratch.Histogram.AsSpan(0, n * Buckets);
        histogram.Clear();
        for (var p = 0; p < history.Length; p++)
            ForEachCandidate(similarities, history[p], new Count(counts, histogram));

        // Per target: the bucket of its k-th best candidate (-1: take all), and how many of that bucket to keep
        // (-1: all of it; else the best `need` by a heap).
        var level = scratch.Level.AsSpan(0, n);
        var need = scratch.Need.AsSpan(0, n);
        var heapSize = scratch.HeapSize.AsSpan(0, n);
        heapSize.Clear();
        for (var i = 0; i < n; i++)
        {
            need[i] = -1;
            if (counts[i] <= k)
            {
                level[i] = -1;
                continue;
            }
            var bins = histogram.Slice(i * Buckets, Buckets);
            var above = 0;
            var b = Buckets - 1;
            while (above + bins[b] < k)
                above += bins[b--];
            level[i] = b;
            if (above + bins[b] > k)
                need[i] = k - above;
            counts[i] = k;
        }

        var select = new Select(sumSimilarity, sumWeighted, level, need, heapSize, scratch.HeapSimilarity, scratch.HeapPosition, k, deviations);
        for (var p = 0; p < history.Length; p++)
        {
            select.Position = p;
            ForEachCandidate(similarities, history[p], select);
        }
        for (var i = 0; i < n; i++)
        {
            for (var h = 0; h < heapSize[i]; h++)
            {
                var s = scratch.HeapSimilarity[i * k + h];
                sumSimilarity[i] += s;
                sumWeighted[i] += s * deviations[scratch.HeapPosition[i * k + h]];
            }
        }
    }

    /// <summary>The bucket of a positive similarity: monotone in s, the top bucket for s ≥ 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(float s) => s >= 1f ? Buckets - 1 : (int)(s * (Buckets - 1));

    private interface ICandidate
    {
        void Add(int target, float similarity);
    }

    // Every target j's row reaches, plus j itself with similarity 1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForEachCandidate<T>(PairMatrix similarities, int j, T sink) where T : ICandidate, allows ref struct
    {
        if (similarities.IsDense)
        {
            var row = similarities.DenseRow(j);
            for (var i = 0; i < row.Length; i++)
                if (row[i] > 0)
                    sink.Add(i, row[i]);
        }
        else
        {
            var targets = similarities.SparseIndices(j);
            var sims = similarities.SparseValues(j);
            for (var t = 0; t < targets.Length; t++)
                if (sims[t] > 0)
                    sink.Add(targets[t], sims[t]);
        }
        sink.Add(j, 1f);
    }

    private readonly ref struct AddAll(Span<int> counts, Span<double> sumSimilarity, Span<double> sumWeighted, double deviation) : ICandidate
    {
        private readonly Span<int> _counts = counts;
        private readonly Span<double> _sumSimilarity = sumSimilarity;
        private readonly Span<double> _sumWeighted = sumWeighted;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int target, float similarity)
        {
            _counts[target]++;
            _sumSimilarity[target] += similarity;
            _sumWeighted[target] += similarity * deviation;
        }
    }

    private readonly ref struct Count(Span<int> counts, Span<int> histogram) : ICandidate
    {
        private readonly Span<int> _counts = counts;
        private readonly Span<int> _histogram = histogram;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int target, float similarity)
        {
            _counts[target]++;
            _histogram[target * Buckets + Bucket(similarity)]++;
        }
    }

    private ref struct Select(Span<double> sumSimilarity, Span<double> sumWeighted, Span<int> level, Span<int> need, Span<int> heapSize,
        float[] heapSimilarity, int[] heapPosition, int k, ReadOnlySpan<double> deviations) : ICandidate
    {
        private readonly Span<double> _sumSimilarity = sumSimilarity;
        private readonly Span<double> _sumWeighted = sumWeighted;
        private readonly Span<int> _level = level;
        private readonly Span<int> _need = need;
        private readonly Span<int> _heapSize = heapSize;
        private readonly ReadOnlySpan<double> _deviations = deviations;

        /// <summary>The history position of the item whose row is being read.</summary>
        public int Position;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int target, float similarity)
        {
            var b = Bucket(similarity);
            var lv = _level[target];
            if (b < lv)
                return;
            if (b > lv || _need[target] < 0)
            {
                _sumSimilarity[target] += similarity;
                _sumWeighted[target] += similarity * _deviations[Position];
                return;
            }
            Push(target, similarity);
        }

        // The `need` best boundary candidates, ranked by similarity then history position (= item order).
        private void Push(int target, float similarity)
        {
            var capacity = _need[target];
            var start = target * k;
            var size = _heapSize[target];
            WorstFirstHeap.Offer(heapSimilarity.AsSpan(start, capacity), heapPosition.AsSpan(start, capacity), ref size, similarity, Position);
            _heapSize[target] = size;
        }
    }

    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        public int[] Histogram = [];
        public int[] Level = [];
        public int[] Need = [];
        public int[] HeapSize = [];
        public float[] HeapSimilarity = [];
        public int[] HeapPosition = [];

        public static Scratch For(int n, int k)
        {
            var s = _current ??= new Scratch();
            if (s.Level.Length < n)
            {
                s.Histogram = new int[n * Buckets];
                s.Level = new int[n];
                s.Need = new int[n];
                s.HeapSize = new int[n];
            }
            if (s.HeapSimilarity.Length < (long)n * k)
            {
                s.HeapSimilarity = new float[n * k];
                s.HeapPosition = new int[n * k];
            }
            return s;
        }
    }
}
