using RecLab.Data;

namespace RecLab.Recommenders.ColdStart;

/// <summary>
/// An exploration policy for the A/B simulator: the base recommender supplies each user's top candidates, and a bandit
/// (<see cref="Kind"/>: ε-greedy, Thompson sampling or LinUCB) re-ranks them online, learning from the clicks of the
/// arm's own users day by day. Offline, where nothing is shown and nothing learnt, it ranks as its base does.
/// </summary>
public sealed class BanditRanker : Recommender<BanditRankerOptions>, IBlockScorer
{
    private readonly IRecommender _base;

    /// <summary>A bandit of <paramref name="kind"/> over the base recommender of <paramref name="options"/>, made by <paramref name="registry"/> (the built-in one when null) now, so a bad name fails early.</summary>
    public BanditRanker(BanditKind kind, BanditRankerOptions options, RecommenderRegistry? registry = null) : base(options)
    {
        Kind = kind;
        _base = (registry ?? RecommenderRegistry.Default).CreateComponent(options.Base, nameof(options.Base));
    }

    /// <summary>How it explores.</summary>
    public BanditKind Kind { get; }

    /// <summary>The fitted base recommender.</summary>
    public IRecommender Base => _base;

    /// <inheritdoc/>
    public override string Name => Kind switch
    {
        BanditKind.EpsilonGreedy => "epsilon-greedy",
        BanditKind.Thompson => "thompson",
        _ => "linucb",
    };

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => _base.Accepts;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context) => _base.Fit(train, context);

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores) => _base.Score(query, scores);

    /// <inheritdoc/>
    public bool TryScoreUsers(ReadOnlySpan<int> users, Span<float> scores) => _base is IBlockScorer block && block.TryScoreUsers(users, scores);
}
