using RecLab.Data;
using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// A fitted <c>r̂_ui = μ + b_u + b_i + x_u·q_i</c> model shared by <see cref="BiasedMf"/> (x_u = p_u) and
/// <see cref="SvdPlusPlus"/> (x_u = p_u + implicit term): Surprise's unknown-user and unknown-item rules, scoring,
/// and the fold-in of a user known only by a history.
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

    /// <summary>Keeps the parameters; rows of users and items without training data are zeroed (they stay unknown).</summary>
    public BiasedFactors(InteractionData train, FactorMatrix users, FactorMatrix items, float[] bu, float[] bi, float mu, bool biased)
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
        (_users, _items, _bu, _bi, _biased) = (users, items, bu, bi, biased);
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
            return knownUser && knownItem ? VectorMath.Dot(_users.Row(user), _items.Row(item)) : _fallback;
        var estimate = _mu;
        if (knownUser)
            estimate += _bu[user];
        if (knownItem)
            estimate += _bi[item];
        if (knownUser && knownItem)
            estimate += VectorMath.Dot(_users.Row(user), _items.Row(item));
        return estimate;
    }

    /// <summary>Scores of a known user.</summary>
    public void Score(int user, Span<float> scores) => FactorScoring.ScoreAll(_items, _users.Row(user), _bi, _mu + _bu[user], scores);

    /// <summary>Scores of a user given by a bias and a padded factor row.</summary>
    public void Score(float userBias, ReadOnlySpan<float> userFactors, Span<float> scores) =>
        FactorScoring.ScoreAll(_items, userFactors, _bi, _mu + userBias, scores);

    /// <summary>The history's items that have training data, with their values.</summary>
    public (int[] Items, float[] Values) KnownHistory(in UserQuery query)
    {
        var history = query.History.Span;
        var values = query.Values.Span;
        if (values.Length != history.Length)
            throw new ArgumentException($"The query has {history.Length} history items but {values.Length} values; fold-in needs one rating per item.");
        var count = 0;
        foreach (var i in history)
            if (IsKnownItem(i))
                count++;
        var items = new int[count];
        var targets = new float[count];
        count = 0;
        for (var k = 0; k < history.Length; k++)
        {
            if (IsKnownItem(history[k]))
            {
                items[count] = history[k];
                targets[count++] = values[k];
            }
        }
        return (items, targets);
    }

    /// <summary>
    /// A new user's bias and padded factor row: <paramref name="epochs"/> passes of the training updates over
    /// (item, target) pairs with the item side fixed, from zero bias and <paramref name="initMean"/> factors.
    /// </summary>
    public (float Bias, float[] Factors) FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> targets, in SgdRates rates, int epochs, float initMean)
    {
        var factors = new float[_items.Stride];
        factors.AsSpan(0, _items.Factors).Fill(initMean);
        var bias = 0f;
        SgdKernel.FoldIn(items, targets, _items, _bi, _mu, rates, epochs, factors, ref bias);
        return (bias, factors);
    }
}
