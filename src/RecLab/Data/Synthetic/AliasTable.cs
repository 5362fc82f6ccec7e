using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>
/// Walker's alias method (Vose's construction): O(n) to build, O(1) per draw from a discrete distribution.
/// <see cref="ProbabilityOf"/> is the naive twin the tests compare draws against.
/// </summary>
internal sealed class AliasTable
{
    private readonly double[] _accept;
    private readonly int[] _alias;
    private readonly double[] _probabilities;

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
        _accept = new double[n];
        _alias = new int[n];
        var small = new int[n];
        var large = new int[n];
        int smallCount = 0, largeCount = 0;
        for (var i = 0; i < n; i++)
        {
            _probabilities[i] = weights[i] / total;
            _accept[i] = _probabilities[i] * n;
            _alias[i] = i;
            if (_accept[i] < 1)
                small[smallCount++] = i;
            else
                large[largeCount++] = i;
        }
        while (smallCount > 0 && largeCount > 0)
        {
            var s = small[--smallCount];
            var l = large[--largeCount];
            _alias[s] = l;
            _accept[l] += _accept[s] - 1;
            if (_accept[l] < 1)
                small[smallCount++] = l;
            else
                large[largeCount++] = l;
        }
        // Whatever is left is 1 up to rounding.
        while (largeCount > 0)
            _accept[large[--largeCount]] = 1;
        while (smallCount > 0)
            _accept[small[--smallCount]] = 1;
    }

    /// <summary>Number of outcomes.</summary>
    public int Count => _accept.Length;

    /// <summary>Sum of the weights the table was built from.</summary>
    public double Total { get; }

    /// <summary>An outcome drawn with probability weight/total.</summary>
    public int Sample(ref Rng rng)
    {
        var i = rng.NextInt(_accept.Length);
        return rng.NextDouble() < _accept[i] ? i : _alias[i];
    }

    /// <summary>The exact probability of outcome <paramref name="i"/>: weight/total.</summary>
    public double ProbabilityOf(int i) => _probabilities[i];
}
