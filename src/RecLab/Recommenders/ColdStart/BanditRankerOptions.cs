namespace RecLab.Recommenders.ColdStart;

/// <summary>Options of <see cref="BanditRanker"/>: the base recommender its candidates come from, and how it explores them.</summary>
public sealed record BanditRankerOptions : RecommenderOptions
{
    /// <summary>The recommender whose top <see cref="Candidates"/> items the bandit re-ranks: a registered kind with its options, as an algorithm is given.</summary>
    public RecommenderSpec Base { get; init; } = "implicit-als";

    /// <summary>Candidates per user taken from the base recommender's ranking.</summary>
    public int Candidates { get; init; } = 100;

    /// <summary>ε-greedy: share of slots given to a uniformly random candidate.</summary>
    public double Epsilon { get; init; } = 0.1;

    /// <summary>
    /// Thompson and ε-greedy: weight, in impressions, of the prior every candidate starts from, the click rate the arm
    /// measured so far at the candidate's base rank (so a day-0 ranking is the base's, and an item needs that many
    /// impressions of evidence to move far from its rank's rate).
    /// </summary>
    public double PriorStrength { get; init; } = 20;

    /// <summary>LinUCB: width α of the confidence bonus (0 is greedy).</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>LinUCB: ridge λ of the regression.</summary>
    public double Ridge { get; init; } = 1.0;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate() =>
    [
        .. RecommenderSpec.Check(nameof(Base), [Base]),
        .. AtLeast("candidates", Candidates, 1),
        .. Between("epsilon", Epsilon, 0, 1),
        .. AtLeast("prior_strength", PriorStrength, 1e-6),
        .. AtLeast("alpha", Alpha, 0),
        .. AtLeast("ridge", Ridge, 1e-9),
    ];
}
