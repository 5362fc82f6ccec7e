using RecLab.Data;

namespace RecLab.Recommenders.ColdStart;

/// <summary>
/// LinUCB with one linear model shared by all items over their features x_i (Li et al. 2010): shows the item with the
/// largest upper confidence bound <c>θᵀx_i + α·sqrt(x_iᵀA⁻¹x_i)</c>, where <c>A = λI + Σ x xᵀ</c> and
/// <c>θ = A⁻¹ Σ r x</c> over the items shown so far (r = 1 for a click). An item never shown is scored from its
/// features alone, so what was learnt about its topics carries over to it.
/// </summary>
/// <remarks>A⁻¹ is kept by Sherman–Morrison updates: O(d²) per update, O(k²) per item scored (k = its non-zero features).</remarks>
public sealed class LinUcb : IBandit
{
    private readonly CsrMatrix _features;
    private readonly double _alpha;
    private readonly int _d;
    private readonly double[] _inverse;
    private readonly double[] _b;
    private readonly double[] _theta;
    private readonly double[] _scratch;

    /// <summary>A policy over the rows of <paramref name="features"/> (one per item, e.g. L2-normalized topic weights).</summary>
    /// <param name="features">Item feature rows.</param>
    /// <param name="alpha">Width of the confidence bonus (0 is greedy).</param>
    /// <param name="ridge">λ, the ridge of A.</param>
    public LinUcb(CsrMatrix features, double alpha = 1, double ridge = 1)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (alpha < 0)
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be at least 0.");
        if (!(ridge > 0))
            throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "The ridge λ must be positive.");
        _features = features;
        _alpha = alpha;
        _d = features.ColumnCount;
        _inverse = new double[_d * _d];
        for (var j = 0; j < _d; j++)
            _inverse[j * _d + j] = 1 / ridge;
        _b = new double[_d];
        _theta = new double[_d];
        _scratch = new double[_d];
    }

    /// <inheritdoc/>
    public string Name => FormattableString.Invariant($"linucb α={_alpha}");

    /// <summary>The upper confidence bound of an item.</summary>
    public double Score(int item)
    {
        var idx = _features.RowIndices(item);
        var val = _features.RowValues(item);
        double mean = 0, variance = 0;
        for (var p = 0; p < idx.Length; p++)
        {
            mean += _theta[idx[p]] * val[p];
            var row = idx[p] * _d;
            for (var q = 0; q < idx.Length; q++)
                variance += val[p] * _inverse[row + idx[q]] * val[q];
        }
        return mean + _alpha * Math.Sqrt(Math.Max(variance, 0));
    }

    /// <inheritdoc/>
    public int Choose(int user, ReadOnlySpan<int> arms)
    {
        if (arms.IsEmpty)
            throw new ArgumentException("There must be an item to choose from.", nameof(arms));
        var best = arms[0];
        var bestScore = Score(best);
        foreach (var item in arms[1..])
        {
            var score = Score(item);
            if (score > bestScore)
                (best, bestScore) = (item, score);
        }
        return best;
    }

    /// <inheritdoc/>
    public void Update(int user, int item, bool clicked)
    {
        var idx = _features.RowIndices(item);
        var val = _features.RowValues(item);
        // u = A⁻¹x (A⁻¹ is symmetric); A⁻¹ -= u uᵀ / (1 + xᵀu).
        var u = _scratch;
        Array.Clear(u);
        for (var p = 0; p < idx.Length; p++)
            for (var j = 0; j < _d; j++)
                u[j] += _inverse[idx[p] * _d + j] * val[p];
        var denominator = 1.0;
        for (var p = 0; p < idx.Length; p++)
            denominator += val[p] * u[idx[p]];
        for (var i = 0; i < _d; i++)
            for (var j = 0; j < _d; j++)
                _inverse[i * _d + j] -= u[i] * u[j] / denominator;
        if (clicked)
            for (var p = 0; p < idx.Length; p++)
                _b[idx[p]] += val[p];
        for (var i = 0; i < _d; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < _d; j++)
                sum += _inverse[i * _d + j] * _b[j];
            _theta[i] = sum;
        }
    }
}
