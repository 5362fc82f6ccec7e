using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RecLab.Internal.Kernels;

/// <summary>
/// The item factors of a model without item biases, re-ordered by descending norm, for exact top-N by pruning: a
/// user's score for an item is at most <c>‖x‖·‖y_i‖</c>, so once the user's N-th best score beats that bound for the
/// next item in norm order it beats it for every item left, and the scan stops. In a fitted ALS model the norms follow
/// popularity, so most of a large catalogue is never scored.
/// </summary>
/// <remarks>
/// Scores are computed exactly as <see cref="FactorMatrix.ScoreMany"/> computes them (<see cref="Dense.MatVec(ReadOnlySpan{float}, int, int, ReadOnlySpan{float}, Span{float})"/>
/// over groups of four rows, <see cref="Dense.Dot(ref float, ref float, int)"/> for the last <c>Rows % 4</c> items,
/// which the full scan reaches through the product's tail; <see cref="Dense.MatVec2"/> gives two users those same bits
/// in one pass), so the lists are bit-identical to selecting over every score. The heaps hold
/// <see cref="BestFirstKeys"/>, which read −0 back as +0; these sums start from +0 and so are never −0.
/// </remarks>
internal sealed class NormOrderedItems
{
    /// <summary>Rows scored per step for every user of a block: 256 rows of 64 factors (64 KB) stay in a core's L2 cache.</summary>
    private const int Tile = 256;

    /// <summary>
    /// Relative slack on the bound. A float dot product of k terms errs by at most about <c>k·2⁻²⁴·Σ|x_f·y_f|</c>
    /// (4·10⁻⁶ of <c>‖x‖·‖y‖</c> at 64 factors); the norms are computed in double.
    /// </summary>
    private const double Slack = 1e-4;

    private readonly FactorMatrix _sorted;
    private readonly int[] _order;
    private readonly double[] _norms;

    /// <summary>Where each item sits in norm order (the inverse of <see cref="_order"/>).</summary>
    private readonly int[] _positionOf;
    private readonly int _rows;

    /// <summary>Where the last <c>Rows % 4</c> items, which the full scan scores one by one, sit in norm order.</summary>
    private readonly int[] _tailPositions;

    public NormOrderedItems(FactorMatrix items)
    {
        _rows = items.Rows;
        var norms = new double[_rows];
        for (var r = 0; r < _rows; r++)
        {
            var row = items[r];
            var sum = 0.0;
            foreach (var v in row)
                sum += (double)v * v;
            norms[r] = Math.Sqrt(sum);
        }
        _order = new int[_rows];
        for (var r = 0; r < _rows; r++)
            _order[r] = r;
        // Descending norm, ties by index: a stable, machine-independent order.
        var keys = new double[_rows];
        for (var r = 0; r < _rows; r++)
            keys[r] = -norms[r];
        Array.Sort(keys, _order);
        for (var start = 0; start < _rows;)
        {
            var end = start + 1;
            while (end < _rows && keys[end] == keys[start])
                end++;
            Array.Sort(_order, start, end - start);
            start = end;
        }
        _positionOf = new int[_rows];
        for (var p = 0; p < _rows; p++)
            _positionOf[_order[p]] = p;
        // Padded to whole groups of four rows (zeros, never offered), so every tile is a multiple of four rows.
        _sorted = new FactorMatrix((_rows + 3) / 4 * 4, items.Factors);
        _norms = new double[_rows];
        var tail = new List<int>(3);
        for (var p = 0; p < _rows; p++)
        {
            if (_order[p] >= _rows - _rows % 4)
                tail.Add(p);
            items.Row(_order[p]).CopyTo(_sorted.Row(p));
            _norms[p] = norms[_order[p]];
        }
        _tailPositions = [.. tail];
    }

    /// <summary>
    /// Ranks the rows <paramref name="vectorRows"/> of <paramref name="vectors"/> (see <see cref="Recommenders.IBlockRanker"/>
    /// for the layout of exclusions and results).
    /// </summary>
    public void Rank(FactorMatrix vectors, ReadOnlySpan<int> vectorRows, ReadOnlySpan<int> excludeStarts, ReadOnlySpan<int> excluded,
        Span<int> items, Span<float> scores, Span<int> counts)
    {
        var users = vectorRows.Length;
        if (users == 0)
            return;
        var depth = items.Length / users;
        if (vectors.Stride != _sorted.Stride || excludeStarts.Length != users + 1 || items.Length != (long)users * depth
            || scores.Length != items.Length || counts.Length != users)
            throw new ArgumentException("The vectors, exclusions and result buffers do not match.");
        Span<double> reach = users <= 64 ? stackalloc double[users] : new double[users];
        // Each user's kept entries as a heap of best-first keys (see BestFirstKeys) and the score of its worst entry.
        var heaps = ArrayPool<ulong>.Shared.Rent(Math.Max(1, users * depth));
        Span<float> worst = users <= 64 ? stackalloc float[users] : new float[users];
        Span<bool> done = users <= 64 ? stackalloc bool[users] : new bool[users];
        Span<int> active = users <= 64 ? stackalloc int[users] : new int[users];
        Span<float> first = stackalloc float[Tile];
        Span<float> second = stackalloc float[Tile];
        // Each user's exclusions as norm positions, ascending: the scan visits positions in ascending order, so one
        // cursor per user walks them (see Excludes) instead of a binary search over the user's items for every item
        // that enters the heap (ab-large's first ALS ranking: 10.8 s with the search, 8.9 s with the cursor).
        var excludedPositions = ArrayPool<int>.Shared.Rent(Math.Max(1, excluded.Length));
        Span<int> cursors = users <= 64 ? stackalloc int[users] : new int[users];
        for (var e = 0; e < excluded.Length; e++)
            excludedPositions[e] = (uint)excluded[e] < (uint)_rows ? _positionOf[excluded[e]] : int.MaxValue;
        for (var k = 0; k < users; k++)
        {
            excludedPositions.AsSpan(excludeStarts[k], excludeStarts[k + 1] - excludeStarts[k]).Sort();
            cursors[k] = excludeStarts[k];
            var x = vectors.Row(vectorRows[k]);
            var sum = 0.0;
            foreach (var v in x)
                sum += (double)v * v;
            reach[k] = Math.Sqrt(sum) * (1 + Slack);
            counts[k] = 0;
            done[k] = depth == 0;
        }
        var stride = _sorted.Stride;
        for (var start = 0; start < _rows; start += Tile)
        {
            var n = Math.Min(Tile, _rows - start);
            var padded = (n + 3) / 4 * 4;
            var tile = _sorted.Data.AsSpan(start * stride, padded * stride);
            // A user's bound depends only on their own heap, so who still needs this tile is known before any is scored.
            var remaining = 0;
            for (var k = 0; k < users; k++)
            {
                if (done[k])
                    continue;
                if (counts[k] == depth && _norms[start] * reach[k] < worst[k])
                    done[k] = true;
                else
                    active[remaining++] = k;
            }
            if (remaining == 0)
                break;
            // Two users per pass over the tile: each row is loaded once for both.
            for (var a = 0; a < remaining; a += 2)
            {
                var k0 = active[a];
                var row0 = first[..padded];
                if (a + 1 < remaining)
                {
                    var k1 = active[a + 1];
                    var row1 = second[..padded];
                    Dense.MatVec2(tile, padded, stride, vectors.Row(vectorRows[k0]), vectors.Row(vectorRows[k1]), row0, row1);
                    Select(start, n, tile, vectors.Row(vectorRows[k1]), row1, heaps.AsSpan(k1 * depth, depth), ref counts[k1], ref worst[k1],
                        excludedPositions.AsSpan(0, excludeStarts[k1 + 1]), ref cursors[k1]);
                }
                else
                    Dense.MatVec(tile, padded, stride, vectors.Row(vectorRows[k0]), row0);
                Select(start, n, tile, vectors.Row(vectorRows[k0]), row0, heaps.AsSpan(k0 * depth, depth), ref counts[k0], ref worst[k0],
                    excludedPositions.AsSpan(0, excludeStarts[k0 + 1]), ref cursors[k0]);
            }
        }
        ArrayPool<int>.Shared.Return(excludedPositions);
        for (var k = 0; k < users; k++)
            BestFirstKeys.SortInto(heaps.AsSpan(k * depth, counts[k]), scores.Slice(k * depth, depth), items.Slice(k * depth, depth));
        ArrayPool<ulong>.Shared.Return(heaps);
    }

    /// <summary>
    /// Offers the scores <paramref name="row"/> of the tile that starts at norm position <paramref name="start"/> to one
    /// user's heap of keys (filling it first), after scoring the tile's tail items as the full scan does;
    /// <paramref name="worst"/> follows the score of the heap's worst entry once it is full. The user's excluded
    /// positions end where <paramref name="excludedPositions"/> ends; <paramref name="cursor"/> is the first one not passed.
    /// </summary>
    private void Select(int start, int n, ReadOnlySpan<float> tile, ReadOnlySpan<float> x, Span<float> row,
        Span<ulong> heap, ref int count, ref float worst, ReadOnlySpan<int> excludedPositions, ref int cursor)
    {
        var stride = _sorted.Stride;
        foreach (var p in _tailPositions)
            if (p >= start && p < start + n)
                row[p - start] = Dense.Dot(ref MemoryMarshal.GetReference(tile.Slice((p - start) * stride, stride)), ref MemoryMarshal.GetReference(x), stride);
        var depth = heap.Length;
        var r = 0;
        if (count < depth)
        {
            for (; r < n && count < depth; r++)
            {
                if (float.IsNaN(row[r]) || Excludes(excludedPositions, ref cursor, start + r))
                    continue;
                BestFirstKeys.Push(heap, count, BestFirstKeys.Pack(row[r], _order[start + r]));
                count++;
            }
            if (count < depth)
                return;
            worst = BestFirstKeys.Score(heap[0]);
        }
        // The heap is full: only a score at least the worst one's can enter (an equal one when its index is lower),
        // so whole vectors below it are skipped; NaN compares false and is never offered.
        var threshold = Vector256.Create(worst);
        for (; r + Dense.Lanes <= n; r += Dense.Lanes)
        {
            if (!Vector256.GreaterThanOrEqualAny(Vector256.Create<float>(row.Slice(r, Dense.Lanes)), threshold))
                continue;
            for (var j = r; j < r + Dense.Lanes; j++)
                Offer(heap, ref worst, excludedPositions, ref cursor, row[j], start + j);
            threshold = Vector256.Create(worst);
        }
        for (; r < n; r++)
            Offer(heap, ref worst, excludedPositions, ref cursor, row[r], start + r);
    }

    /// <summary>
    /// Whether norm position <paramref name="position"/> is excluded, for positions asked in ascending order: the cursor
    /// only moves forward, past the excluded positions below it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Excludes(ReadOnlySpan<int> excludedPositions, ref int cursor, int position)
    {
        while (cursor < excludedPositions.Length && excludedPositions[cursor] < position)
            cursor++;
        return cursor < excludedPositions.Length && excludedPositions[cursor] == position;
    }

    /// <summary>Offers the item at norm position <paramref name="position"/> to a full heap: it replaces the worst entry when it ranks above it and is not excluded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Offer(Span<ulong> heap, ref float worst, ReadOnlySpan<int> excludedPositions, ref int cursor, float score, int position)
    {
        if (!(score >= worst))
            return;
        var key = BestFirstKeys.Pack(score, _order[position]);
        if (key >= heap[0] || Excludes(excludedPositions, ref cursor, position))
            return;
        BestFirstKeys.ReplaceWorst(heap, key);
        worst = BestFirstKeys.Score(heap[0]);
    }
}
