using RecLab.Data;

namespace RecLab.Recommenders;

/// <summary>
/// Base class for recommenders: checks the feedback kind, cancellation and buffer sizes once, so an algorithm
/// writes one scoring method (<see cref="ScoreCore"/>) and, when it learns anything, <see cref="FitCore"/>.
/// </summary>
/// <typeparam name="TOptions">The algorithm's hyper-parameters.</typeparam>
public abstract class Recommender<TOptions> : IRecommender where TOptions : RecommenderOptions
{
    private TrainingSet? _train;

    /// <summary>Validates and keeps the options.</summary>
    protected Recommender(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        Options = options;
    }

    /// <summary>The hyper-parameters.</summary>
    public TOptions Options { get; }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public virtual FeedbackKinds Accepts => FeedbackKinds.Any;

    /// <inheritdoc/>
    public int ItemCount => _train?.ItemCount ?? 0;

    /// <summary>True after a successful <see cref="Fit"/>.</summary>
    public bool IsFitted => _train is not null;

    /// <summary>The data of the last fit.</summary>
    /// <exception cref="InvalidOperationException">Not fitted yet.</exception>
    protected TrainingSet Train => _train ?? throw new InvalidOperationException($"{Name} is not fitted; call Fit first.");

    /// <inheritdoc/>
    public void Fit(TrainingSet train, FitContext context)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(context);
        var kind = train.Interactions.Kind;
        if (!Accepts.Allows(kind))
            throw new NotSupportedException(
                $"{Name} accepts {Describe(Accepts)} feedback, but the training data is {kind.ToString().ToLowerInvariant()}. " +
                (kind == FeedbackKind.Explicit
                    ? "Convert ratings to implicit interactions (e.g. InteractionData.ToImplicit, or the dataset option 'implicit') or choose another algorithm."
                    : "Choose an algorithm that accepts implicit feedback."));
        context.CancellationToken.ThrowIfCancellationRequested();
        _train = null;
        BeforeFit(train);
        FitCore(train, context);
        _train = train;
    }

    /// <summary>What a family's base learns from every training set before the algorithm's own <see cref="FitCore"/>.</summary>
    private protected virtual void BeforeFit(TrainingSet train) { }

    /// <summary>Learns from the data; the default learns nothing (for scorers that need only the data itself).</summary>
    protected virtual void FitCore(TrainingSet train, FitContext context) { }

    /// <inheritdoc/>
    public void Score(in UserQuery query, Span<float> scores)
    {
        var n = Train.ItemCount;
        if (scores.Length != n)
            throw new ArgumentException($"The score buffer has {scores.Length} slots; {Name} scores {n} items.", nameof(scores));
        ScoreCore(query, scores);
    }

    /// <summary>Writes one score per item (NaN = cannot score); called concurrently, so no shared mutable state.</summary>
    protected abstract void ScoreCore(in UserQuery query, Span<float> scores);

    /// <summary>True when <paramref name="user"/> is a user index of the training data with at least one interaction.</summary>
    protected bool IsKnownUser(int user) =>
        (uint)user < (uint)Train.UserCount && Train.Interactions.ByUser.RowLength(user) > 0;

    /// <summary>True when every one of <paramref name="users"/> is <see cref="IsKnownUser"/> (for <see cref="IBlockScorer"/>).</summary>
    protected bool AreKnownUsers(ReadOnlySpan<int> users)
    {
        foreach (var user in users)
            if (!IsKnownUser(user))
                return false;
        return true;
    }

    private static string Describe(FeedbackKinds kinds) => kinds switch
    {
        FeedbackKinds.Explicit => "only explicit",
        FeedbackKinds.Implicit => "only implicit",
        _ => "no",
    };
}
