using System.Buffers;
using RecLab.Data;
using RecLab.Evaluation.Metrics;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// Weighted hybrid: <c>s(u,i) = Σ_k w_k ŝ_k(u,i)</c>, where ŝ_k is component k's score normalized per query
/// (z-score by default, or min-max; see <see cref="ScoreNormalization"/>) and the components are any registered
/// recommenders given by kind and options. Weights are fixed, or fitted on a validation split carved from the
/// training data (a seeded per-user holdout; <see cref="WeightFitting"/>), after which the components are refitted on
/// all of it. An item a component cannot score (NaN) gets nothing from it; one no component can score stays NaN.
/// </summary>
public sealed class WeightedHybrid : Recommender<WeightedHybridOptions>
{
    // What the weight grid maximizes on the validation users: the lab's headline metric (WeightFitting.Grid).
    private static readonly IRankingMetric FittingMetric = new Ndcg(10);
    private readonly IRecommender[] _components;
    private float[] _weights = [];

    /// <summary>Creates it with components from <paramref name="registry"/> (the built-in one when null); a bad name fails now.</summary>
    public WeightedHybrid(WeightedHybridOptions options, RecommenderRegistry? registry = null) : base(options) =>
        _components = Components.Create(registry ?? RecommenderRegistry.Default, options.Components, nameof(options.Components));

    /// <summary>Creates it with default options.</summary>
    public WeightedHybrid() : this(new WeightedHybridOptions()) { }

    /// <inheritdoc/>
    public override string Name => "weighted-hybrid";

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => Components.Accepts(_components);

    /// <summary>The components, in the order of <see cref="WeightedHybridOptions.Components"/>.</summary>
    public IReadOnlyList<IRecommender> Parts => _components;

    /// <summary>The weights in use (given, or fitted by the last <see cref="Recommender{TOptions}.Fit"/>).</summary>
    public IReadOnlyList<float> Weights => _weights;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        _weights = Options.Weights.Length > 0 ? [.. Options.Weights]
            : _components.Length == 1 ? [1f]
            : BlendWeightFitter.Fit(_components, train, Options, FittingMetric, context);
        Components.Fit(_components, train, context);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A component that cannot tell items apart for this query (a user with no history, for a collaborative part) drops
    /// out. When the weights leave none that can, the ones that can are weighted equally: weights fitted on users with
    /// five ratings may give popularity nothing, and a user with none must still get popularity, not arbitrary ties.
    /// </remarks>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        var n = scores.Length;
        var rented = ArrayPool<float>.Shared.Rent(n * _components.Length);
        try
        {
            Span<bool> informative = stackalloc bool[_components.Length];
            var weighted = false;
            for (var k = 0; k < _components.Length; k++)
            {
                var row = rented.AsSpan(k * n, n);
                _components[k].Score(query, row);
                informative[k] = ScoreBlend.Normalize(row, Options.Normalization);
                weighted |= informative[k] && _weights[k] != 0;
            }
            scores.Fill(float.NaN);
            for (var k = 0; k < _components.Length; k++)
                ScoreBlend.Add(rented.AsSpan(k * n, n), weighted ? _weights[k] : informative[k] ? 1f : 0f, scores);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }
}
