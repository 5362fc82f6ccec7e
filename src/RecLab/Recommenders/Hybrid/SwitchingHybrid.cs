using RecLab.Data;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// Switching hybrid by history length: a query whose history has fewer than <c>Thresholds[0]</c> items goes to the
/// first component, fewer than <c>Thresholds[1]</c> to the second, and so on; the last serves the rest (e.g. popularity
/// below 3 interactions, content-based below 20, a collaborative model above). Every component is fitted on all the
/// training data; the query's own history decides, so an onboarding user moves up as they tell us more.
/// </summary>
public sealed class SwitchingHybrid : Recommender<SwitchingHybridOptions>
{
    private readonly IRecommender[] _components;

    /// <summary>Creates it with components from <paramref name="registry"/> (the built-in one when null); a bad name fails now.</summary>
    public SwitchingHybrid(SwitchingHybridOptions options, RecommenderRegistry? registry = null) : base(options) =>
        _components = Components.Create(registry ?? RecommenderRegistry.Default, options.Components, nameof(options.Components));

    /// <summary>Creates it with default options.</summary>
    public SwitchingHybrid() : this(new SwitchingHybridOptions()) { }

    /// <inheritdoc/>
    public override string Name => "switching-hybrid";

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => Components.Accepts(_components);

    /// <summary>The components, in the order of <see cref="SwitchingHybridOptions.Components"/>.</summary>
    public IReadOnlyList<IRecommender> Parts => _components;

    /// <summary>The index of the component that serves a history of this length.</summary>
    public int ComponentFor(int historyLength)
    {
        var thresholds = Options.Thresholds;
        var k = 0;
        while (k < thresholds.Length && historyLength >= thresholds[k])
            k++;
        return k;
    }

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context) => Components.Fit(_components, train, context);

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores) =>
        _components[ComponentFor(query.HistoryLength)].Score(query, scores);
}
