using RecLab.Data;
using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// A fitted <c>r̂_ui = μ + b_u + b_i + x_u·q_i</c> model shared by <see cref="BiasedMf"/> (x_u = p_u) and
/// <see cref="SvdPlusPlus"/> (x_u = p_u + |I_u|^-½ Σ y_j): Surprise's unknown-user and unknown-item rules, scoring,
/// and the fold-in of a user known only by a history (<see cref="FoldIn"/>).
/// </summary>
internal sealed class BiasedFactors
{
    private readonly FactorMatrix _users;
    private readonly FactorMatrix _items;
    private readonly float[] _bu;
    private readonly float[] _bi;
    private readonly bool[] _knownItem;
    private readonly float _mu;
    private readonly float _fallback;
    private readonly bool _biased;
    private readonly FactorMatrix? _implicit;
    private readonly SgdRates _rates;
    private readonly int _epochs;
    private readonly float _initMean;

    /// <summary>
    /// Keeps the parameters; rows of users and items without training data are zeroed (they stay unknown).
    /// <paramref name="implicitFactors"/> are SVD++'s y_j (null for biased MF); <paramref name="rates"/>,
    /// <paramref name="epochs"/> and <paramref name="initMean"/> are the training settings fold-in repeats.
    /// </summary>
    public BiasedFactors(InteractionData train, FactorMatrix users, FactorMatrix items, float[] bu, float[] bi, float mu, bool biased,
        FactorMatrix? implicitFactors, in SgdRates rates, int epochs, float initMean)
    {
        _knownItem = new bool[train.ItemCount];
        for (var i = 0; i < train.ItemCount; i++)
        {
            _knownItem[i] = train.ByItem.RowLength(i) > 0;
            if (!_knownItem[i])
                items.Row(i).Clear();
        }
        for (var u = 0; u < train.UserCount; u++)
            if (train.ByUser.RowLength(u) == 0)
                users.Row(u).Clear();
        (_users, _items, _bu, _bi, _biased, _implicit, _rates, _epochs, _initMean) = (users, items, bu, bi, biased, implicitFactors, rates, epochs, initMean);
        _fallback = BiasedMf.Mean(train.ValueColumn);
        _mu = biased ? mu : 0f;
    }

    public float Mu => _mu;

    public FactorMatrix Users => _users;

    public FactorMatrix Items => _items;

    public ReadOnlySpan<float> UserBiases => _bu;

    public ReadOnlySpan<float> ItemBiases => _bi;

    public bool IsKnownItem(int item) => (uint)item < (uint)_knownItem.Length && _knownItem[item];

    /// <summary>Surprise's estimate: bias and factors only where known; unbiased models fall back to the global mean.</summary>
    public float Estimate(int user, bool knownUser, int item)
    {
        var knownItem = IsKnownItem(item);
        if (!_biased)
            return knownUser && knownItem ? Dense.Dot(_users.Row(user), _items.Row(item)) : _fallback;
        var estimate = _mu;
        if (knownUser)
            estimate += _bu[user];
        if (knownItem)
            estimate += _bi[item];
        if (knownUser && knownItem)
            estimate += Dense.Dot(_users.Row(user), _items.Row(item));
        return estimate;
    }

    /// <summary><see cref="Score"/> of several known users at once (<see cref="FactorMatrix.ScoreMany"/>).</summary>
    public void ScoreKnownUsers(ReadOnlySpan<int> users, Span<float> scores)
    {
        var constants = new float[users.Length];
        for (var k = 0; k < users.Length; k++)
            constants[k] = _mu + _bu[users[k]];
        _items.ScoreMany(_users, users, _bi, constants, scores);
    }

    /// <summary>Scores for a query: a known user's learned vector, else the fold-in of the query's history.</summary>
    public void Score(in UserQuery query, bool knownUser, Span<float> scores)
    {
        if (knownUser)
        {
            _items.Score(_users.Row(query.User), _bi, _mu + _bu[query.User], scores);
            return;
        }
        var (bias, factors) = FoldIn(query);
        _items.Score(factors, _bi, _mu + bias, scores);
    }

    /// <summary>
    /// The bias and padded vector x_u of a user known only by a history: the history's known items are I_u (for SVD++
    /// the implicit term comes from them), and b_u and p_u are learned by the training updates, repeated for as many
    /// epochs as the fit ran, with the item side fixed, from zero bias and <c>InitMean</c> factors. An empty history
    /// gives the unknown-user estimate <c>μ + b_i</c> (with the default InitMean 0).
    /// </summary>
    public (float Bias, float[] Factors) FoldIn(in UserQuery query)
    {
        var (items, targets) = FoldInHistory.Known(query.History.Span, query.Values.Span, IsKnownItem, valuesRequired: true);
        var implicitSum = new float[_items.Stride];
        if (_implicit is not null)
        {
            SvdPlusPlusKernel.ImplicitFeedback(items, _implicit, implicitSum);
            // Ratings minus the fixed implicit part turn SVD++'s fold-in into biased MF's.
            for (var k = 0; k < items.Length; k++)
                targets[k] -= Dense.Dot(_items.Row(items[k]), implicitSum);
        }
        var factors = new float[_items.Stride];
        factors.AsSpan(0, _items.Factors).Fill(_initMean);
        var bias = 0f;
        SgdKernel.FoldIn(items, targets, _items, _bi, _mu, _rates, _epochs, factors, ref bias);
        for (var f = 0; f < factors.Length; f++)
            factors[f] += implicitSum[f];
        return (bias, factors);
    }
}
