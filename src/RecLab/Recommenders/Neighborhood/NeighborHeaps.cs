namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// One bounded min-heap of k neighbours per target, in flat per-thread arrays: the root is the worst kept neighbour
/// (lowest similarity, and among equal similarities the highest neighbour index), so pushing neighbours in
/// ascending index order keeps the same k as <c>TopN</c> over all of them.
/// </summary>
internal sealed class NeighborHeaps
{
    [ThreadStatic]
    private static NeighborHeaps? _current;

    private int _k;
    private int[] _size = [];
    private float[] _sim = [];
    private float[] _value = [];
    private int[] _neighbor = [];

    /// <summary>This thread's heaps for <paramref name="n"/> targets of <paramref name="k"/> neighbours, all empty.</summary>
    public static NeighborHeaps For(int n, int k)
    {
        var h = _current ??= new NeighborHeaps();
        if (h._size.Length < n || h._k != k)
        {
            h._size = new int[Math.Max(n, h._size.Length)];
            h._sim = new float[h._size.Length * k];
            h._value = new float[h._size.Length * k];
            h._neighbor = new int[h._size.Length * k];
        }
        h._k = k;
        return h;
    }

    /// <summary>Offers neighbour <paramref name="neighbor"/> with similarity <paramref name="sim"/> and its value to target <paramref name="target"/>.</summary>
    public void Push(int target, float sim, float value, int neighbor)
    {
        var k = _k;
        var b = target * k;
        var size = _size[target];
        if (size < k)
        {
            // Sift up.
            var at = size;
            while (at > 0)
            {
                var parent = (at - 1) >> 1;
                if (!Worse(sim, neighbor, _sim[b + parent], _neighbor[b + parent]))
                    break;
                Move(b + parent, b + at);
                at = parent;
            }
            Set(b + at, sim, value, neighbor);
            _size[target] = size + 1;
            return;
        }
        if (!Worse(_sim[b], _neighbor[b], sim, neighbor))
            return;
        // Replace the root and sift down.
        var i = 0;
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= k)
                break;
            var worst = left;
            if (left + 1 < k && Worse(_sim[b + left + 1], _neighbor[b + left + 1], _sim[b + left], _neighbor[b + left]))
                worst = left + 1;
            if (!Worse(_sim[b + worst], _neighbor[b + worst], sim, neighbor))
                break;
            Move(b + worst, b + i);
            i = worst;
        }
        Set(b + i, sim, value, neighbor);
    }

    /// <summary>Number of kept neighbours of a target, the sum of their similarities, and of similarity times value.</summary>
    public (int Count, double SumSim, double SumWeighted) Sum(int target)
    {
        var b = target * _k;
        var size = _size[target];
        double sumSim = 0, sumWeighted = 0;
        for (var p = 0; p < size; p++)
        {
            sumSim += _sim[b + p];
            sumWeighted += (double)_sim[b + p] * _value[b + p];
        }
        return (size, sumSim, sumWeighted);
    }

    /// <summary>Empties every heap for the next query on this thread.</summary>
    public void Clear(int n) => Array.Clear(_size, 0, n);

    private static bool Worse(float simA, int neighborA, float simB, int neighborB) =>
        simA < simB || (simA == simB && neighborA > neighborB);

    private void Move(int from, int to)
    {
        _sim[to] = _sim[from];
        _value[to] = _value[from];
        _neighbor[to] = _neighbor[from];
    }

    private void Set(int at, float sim, float value, int neighbor)
    {
        _sim[at] = sim;
        _value[at] = value;
        _neighbor[at] = neighbor;
    }
}
