using System.Runtime.CompilerServices;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>
/// Walker's alias method (Vose's construction): O(n) to build, O(1) per draw from a discrete distribution.
/// <see cref="ProbabilityOf"/> is the naive twin the tests compare draws against.
/// </summary>
internal sealed class AliasTable
{
    // A draw reads one random cell, and on large tables (the logging policy's daily popularity pools) that read is a
    // cache miss: 8-byte cells (the threshold rounded down to a float, and the alias) halve the memory draws touch.
    // The exact double threshold decides only when the uniform falls within a float step of it (about 1 draw in 2^24),
    // so draws are exactly those of the double thresholds.
    private readonly Cell[] _cells;
    private readonly double[] _accept;
    private readonly double[] _probabilities;

    private struct Cell
    {
        public float AcceptFloor;
        public int Alias;
    }

    /// <summary>Builds a table over non-negative weights with a positive sum.</summary>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0)
            throw new ArgumentException("An alias table needs at least one weight.", nameof(weights));
        var total = 0.0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w))
                throw new ArgumentException("Weights must be finite and non-negative.", nameof(weights));
            total += w;
        }
        if (total <= 0)
            throw new ArgumentException("Weights must have a positive sum.", nameof(weights));
        Total = total;
        _probabilities = new double[n];
        var accept = new double[n];
        var alias = new int[n];
        var small = new int[n];
        var large = new int[n];
        int smallCount = 0, largeCount = 0;
        for (var i = 0; i < n; i++)
        {
            _probabilities[i] = weights[i] / total;
            accept[i] = _probabilities[i] * n;
            alias[i] = i;
            if (accept[i] < 1)
                small[smallCount++] = i;
            else
                large[largeCount++] = i;
        }
        while (smallCount > 0 && largeCount > 0)
        {
            var s = small[--smallCount];
            var l = large[--largeCount];
            alias[s] = l;
            accept[l] += accept[s] - 1;
            if (accept[l] < 1)
                small[smallCount++] = l;
            else
                large[largeCount++] = l;
        }
        // Whatever is left is 1 up to rounding.
        while (largeCount > 0)
            accept[large[--largeCount]] = 1;
        while (smallCount > 0)
            accept[small[--smallCount]] = 1;
        _accept = accept;
        _cells = new Cell[n];
        for (var i = 0; i < n; i++)
            _cells[i] = new Cell { AcceptFloor = FloorToFloat(accept[i]), Alias = alias[i] };
    }

    /// <summary>Number of outcomes.</summary>
    public int Count => _cells.Length;

    /// <summary>Sum of the weights the table was built from.</summary>
    public double Total { get; }

    /// <summary>An outcome drawn with probability weight/total.</summary>
    public int Sample(ref Rng rng) => Resolve(DrawCell(ref rng, out var u), u);

    /// <summary>
    /// The random half of <see cref="Sample"/>: the cell and the uniform that decides between the cell and its alias,
    /// with the cell's load started. A caller drawing many outcomes draws every cell first and then resolves them, so
    /// that the cache misses of the cells (one each, on a large table) overlap instead of coming one after another.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int DrawCell(ref Rng rng, out double u)
    {
        var i = rng.NextInt(_cells.Length);
        u = rng.NextDouble();
        CachePrefetch.Element(_cells, i);
        return i;
    }

    /// <summary>The outcome of cell <paramref name="i"/> for the uniform <paramref name="u"/> drawn with it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Resolve(int i, double u)
    {
        var cell = _cells[i];
        return Accepts(u, cell.AcceptFloor, _accept, i) ? i : cell.Alias;
    }

    /// <summary>Starts loading <see cref="ProbabilityOf"/>'s entry for <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void PrefetchProbability(int i) => CachePrefetch.Element(_probabilities, i);

    /// <summary>
    /// <c>u &lt; thresholds[i]</c>, deciding on <paramref name="floor"/> (the largest float at most that threshold) and
    /// reading the exact threshold only when <paramref name="u"/> lies within a float step above the floor.
    /// </summary>
    internal static bool Accepts(double u, float floor, ReadOnlySpan<double> thresholds, int i) =>
        u < floor || (u < MathF.BitIncrement(floor) && u < thresholds[i]);

    /// <summary>The largest float at most <paramref name="threshold"/>.</summary>
    internal static float FloorToFloat(double threshold)
    {
        var floor = (float)threshold;
        return floor > threshold ? MathF.BitDecrement(floor) : floor;
    }

    /// <summary>The exact probability of outcome <paramref name="i"/>: weight/total.</summary>
    public double ProbabilityOf(int i) => _probabilities[i];
}
