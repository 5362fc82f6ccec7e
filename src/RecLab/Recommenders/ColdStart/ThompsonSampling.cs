using MathNet.Numerics.Distributions;
using RecLab.Randomness;

namespace RecLab.Recommenders.ColdStart;

/// <summary>
/// Thompson sampling for Bernoulli clicks: each offered item's click rate is drawn from its posterior
/// <c>Beta(α + clicks, β + impressions − clicks)</c> and the largest draw is shown, so uncertain (new) items are tried
/// in proportion to their chance of being the best.
/// </summary>
public sealed class ThompsonSampling : IBandit
{
    private readonly BetaArms _arms;
    private readonly Random _random;

    /// <summary>A policy over <paramref name="itemCount"/> items with a Beta(<paramref name="alpha"/>, <paramref name="beta"/>) prior.</summary>
    public ThompsonSampling(int itemCount, ulong seed, double alpha = 1, double beta = 1)
    {
        _arms = new BetaArms(itemCount, alpha, beta);
        // MathNet's samplers take a System.Random; seeded from ours, so runs repeat.
        _random = new Random(unchecked((int)Seeds.Derive(seed, "thompson")));
    }

    /// <inheritdoc/>
    public string Name => FormattableString.Invariant($"thompson α={_arms.Alpha} β={_arms.Beta}");

    /// <inheritdoc/>
    public int Choose(int user, ReadOnlySpan<int> arms)
    {
        if (arms.IsEmpty)
            throw new ArgumentException("There must be an item to choose from.", nameof(arms));
        var best = -1;
        var bestDraw = double.NegativeInfinity;
        foreach (var item in arms)
        {
            var (a, b) = _arms.Posterior(item);
            var draw = Beta.Sample(_random, a, b);
            if (draw > bestDraw)
                (best, bestDraw) = (item, draw);
        }
        return best;
    }

    /// <inheritdoc/>
    public void Update(int user, int item, bool clicked) => _arms.Update(item, clicked);
}
