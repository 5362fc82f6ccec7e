using RecLab.Randomness;

namespace RecLab.Recommenders.ColdStart;

/// <summary>
/// ε-greedy: with probability ε a uniformly random offered item, otherwise the one with the highest posterior mean
/// click rate <c>(α + clicks) / (α + β + impressions)</c> (the first on ties). The prior gives a never-shown item a
/// mean of α / (α + β).
/// </summary>
public sealed class EpsilonGreedy : IBandit
{
    private readonly BetaArms _arms;
    private readonly double _epsilon;
    private Rng _rng;

    /// <summary>A policy over <paramref name="itemCount"/> items.</summary>
    public EpsilonGreedy(int itemCount, double epsilon, ulong seed, double alpha = 1, double beta = 1)
    {
        if (epsilon is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be between 0 and 1.");
        _arms = new BetaArms(itemCount, alpha, beta);
        _epsilon = epsilon;
        _rng = new Rng(seed);
    }

    /// <inheritdoc/>
    public string Name => FormattableString.Invariant($"epsilon-greedy ε={_epsilon}");

    /// <inheritdoc/>
    public int Choose(int user, ReadOnlySpan<int> arms)
    {
        if (arms.IsEmpty)
            throw new ArgumentException("There must be an item to choose from.", nameof(arms));
        if (_epsilon > 0 && _rng.NextBool(_epsilon))
            return arms[_rng.NextInt(arms.Length)];
        var best = arms[0];
        var bestMean = _arms.Mean(best);
        foreach (var item in arms[1..])
        {
            var mean = _arms.Mean(item);
            if (mean > bestMean)
                (best, bestMean) = (item, mean);
        }
        return best;
    }

    /// <inheritdoc/>
    public void Update(int user, int item, bool clicked) => _arms.Update(item, clicked);
}
