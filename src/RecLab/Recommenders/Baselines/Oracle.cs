using RecLab.Data.Synthetic;

namespace RecLab.Recommenders.Baselines;

/// <summary>
/// The ceiling of a synthetic world: ranks items by the world's true affinity <c>a(u,i) = x_u·v_i + q_i</c>, the utility
/// every click, like and purchase probability rises with. It learns nothing; it needs training data drawn from a
/// synthetic world (<see cref="World.Of"/>), and fails clearly on anything else.
/// </summary>
/// <remarks>
/// Affinity orders items as the click probability of a fresh impression at a given slot does. Offline, on logged clicks
/// that followed exposure, a model that learned the logging policy can still beat it; online, in the simulator, it is
/// the ceiling (fatigue and drift aside).
/// </remarks>
public sealed class Oracle(NoOptions options) : Recommender<NoOptions>(options)
{
    private World? _world;

    /// <summary>An oracle (it has no options).</summary>
    public Oracle() : this(new NoOptions()) { }

    /// <inheritdoc/>
    public override string Name => "oracle";

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context) =>
        _world = World.Of(train.Interactions) ?? throw new NotSupportedException(
            "oracle ranks by a synthetic world's ground truth: fit it on data of a synthetic:PRESET dataset with the world's id maps " +
            "(no preprocessing that drops users or items).");

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        var world = _world!;
        if ((uint)query.User >= (uint)world.Users.Count)
        {
            scores.Fill(float.NaN);
            return;
        }
        world.AffinityScores(query.User, scores);
    }
}
