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
/// which the full scan reaches through the product's tail), so the lists are bit-identical to selecting over every score.
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
        Span<bool> done = users <= 64 ? stackalloc bool[users] : new bool[users];
        Span<float> tileScores = stackalloc float[Tile];
        var stride = _sorted.Stride;
        for (var k = 0; k < users; k++)
        {
            var x = vectors.Row(vectorRows[k]);
            var sum = 0.0;
            foreach (var v in x)
                sum += (double)v * v;
            reach[k] = Math.Sqrt(sum) * (1 + Slack);
            counts[k] = 0;
            done[k] = depth == 0;
        }
        for (var start = 0; start < _rows; start += Tile)
        {
            var n = Math.Min(Tile, _rows - start);
            var padded = (n + 3) / 4 * 4;
            var tile = _sorted.Data.AsSpan(start * stride, padded * stride);
            var remaining = 0;
            for (var k = 0; k < users; k++)
            {
                if (done[k])
                    continue;
                var heapScores = scores.Slice(k * depth, depth);
                var heapItems = items.Slice(k * depth, depth);
                ref var count = ref counts[k];
                if (count == depth && _norms[start] * reach[k] < heapScores[0])
                {
                    done[k] = true;
                    continue;
                }
                remaining++;
                var x = vectors.Row(vectorRows[k]);
                var row = tileScores[..padded];
                Dense.MatVec(tile, padded, stride, x, row);
                foreach (var p in _tailPositions)
                    if (p >= start && p < start + n)
                        row[p - start] = Dense.Dot(ref MemoryMarshal.GetReference(tile.Slice((p - start) * stride, stride)), ref MemoryMarshal.GetReference(x), stride);
                var history = excluded[excludeStarts[k]..excludeStarts[k + 1]];
                var r = 0;
                for (; r < n && count < depth; r++)
                {
                    var item = _order[start + r];
                    if (float.IsNaN(row[r]) || history.BinarySearch(item) >= 0)
                        continue;
                    heapScores[count] = row[r];
                    heapItems[count] = item;
                    WorstFirstHeap.SiftUp(heapScores, heapItems, count);
                    count++;
                }
                // The heap is full: only a score at least the root's can enter (an equal one when its index is lower),
                // so whole vectors below it are skipped; NaN compares false and is never offered.
                var threshold = Vector256.Create(heapScores[0]);
                for (; r + Dense.Lanes <= n; r += Dense.Lanes)
                {
                    if (!Vector256.GreaterThanOrEqualAny(Vector256.Create<float>(row.Slice(r, Dense.Lanes)), threshold))
                        continue;
                    for (var j = r; j < r + Dense.Lanes; j++)
                        Offer(heapScores, heapItems, history, row[j], _order[start + j]);
                    threshold = Vector256.Create(heapScores[0]);
                }
                for (; r < n; r++)
                    Offer(heapScores, heapItems, history, row[r], _order[start + r]);
            }
            if (remaining == 0)
                break;
        }
        for (var k = 0; k < users; k++)
            TopN.SortBestFirst(scores.Slice(k * depth, counts[k]), items.Slice(k * depth, counts[k]));
    }

    /// <summary>Offers a score to a full heap: it replaces the root when it ranks above it and is not excluded.</summary>
    private static void Offer(Span<float> heapScores, Span<int> heapItems, ReadOnlySpan<int> history, float score, int item)
    {
        if (WorstFirstHeap.Worse(heapScores[0], heapItems[0], score, item) && history.BinarySearch(item) < 0)
            WorstFirstHeap.ReplaceRoot(heapScores, heapItems, score, item);
    }
}
