namespace RecLab.Recommenders.ColdStart;

/// <summary>Clicks and impressions per item with a Beta(α, β) prior: the state of the Bernoulli bandits.</summary>
internal sealed class BetaArms
{
    private readonly int[] _clicks;
    private readonly int[] _shown;

    public BetaArms(int itemCount, double alpha, double beta)
    {
        if (!(alpha > 0) || !(beta > 0))
            throw new ArgumentOutOfRangeException(nameof(alpha), "The Beta prior's α and β must be positive.");
        _clicks = new int[itemCount];
        _shown = new int[itemCount];
        (Alpha, Beta) = (alpha, beta);
    }

    public double Alpha { get; }

    public double Beta { get; }

    /// <summary>Posterior parameters of an item: α + clicks, β + impressions without a click.</summary>
    public (double A, double B) Posterior(int item) => (Alpha + _clicks[item], Beta + _shown[item] - _clicks[item]);

    /// <summary>Posterior mean (α + clicks) / (α + β + impressions).</summary>
    public double Mean(int item) => (Alpha + _clicks[item]) / (Alpha + Beta + _shown[item]);

    public void Update(int item, bool clicked)
    {
        _shown[item]++;
        if (clicked)
            _clicks[item]++;
    }
}
