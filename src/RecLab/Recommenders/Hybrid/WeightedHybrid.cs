using System.Buffers;
using RecLab.Data;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// Weighted hybrid: <c>s(u,i) = Σ_k w_k ŝ_k(u,i)</c>, where ŝ_k is component k's score normalized per query
/// (z-score by default, or min-max; see <see cref="ScoreNormalization"/>) and the components are any registered
/// recommenders given by name and options. Weights are fixed, or fitted on a validation split carved from the
/// training data (a seeded per-user holdout; <see cref="WeightFitting"/>), after which the components are refitted on
/// all of it. An item a component cannot score (NaN) gets nothing from it; one no component can score stays NaN.
/// </summary>
public sealed class WeightedHybrid : Recommender<WeightedHybridOptions>
{
    private readonly IRecommender[] _components;
    private float[] _weights = [];

    /// <summary>Creates it; every component is parsed now, so a bad name fails early.</summary>
    public WeightedHybrid(WeightedHybridOptions options) : base(options) =>
        _components = options.Components.Select(Components.Create).ToArray();

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
            : BlendWeightFitter.Fit(_components, train, Options, context);
        Components.Fit(_components, train, context);
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        var rented = ArrayPool<float>.Shared.Rent(scores.Length);
        try
        {
            var row = rented.AsSpan(0, scores.Length);
            scores.Fill(float.NaN);
            for (var k = 0; k < _components.Length; k++)
            {
                _components[k].Score(query, row);
                ScoreBlend.Normalize(row, Options.Normalization);
                ScoreBlend.Add(row, _weights[k], scores);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }
}
