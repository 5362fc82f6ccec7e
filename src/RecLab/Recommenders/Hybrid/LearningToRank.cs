using RecLab.Data;
using RecLab.Randomness;
using RecLab.Recommenders.Learning;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// Two-stage learning to rank, as industrial recommenders serve: cheap candidate generators (any registered recommenders)
/// each propose their top <see cref="LearningToRankOptions.Candidates"/> unseen items, and a LambdaMART ranker (ML.NET's
/// FastTree ranking trainer, or LightGBM's lambdarank) orders the union by <see cref="RankingFeatures"/>: every
/// generator's score and rank, item popularity and age, user activity, content similarity to the history, and the follow
/// edge to the item's creator where the world has one. The ranker learns on a validation split carved from the training
/// data only (generators fitted on its training part, labels from its held-out part, one query group per user); then the
/// generators are refitted on all of it.
/// </summary>
/// <remarks>
/// Items no generator proposes score NaN: the second stage ranks candidates only. The ranker trains on one thread with a
/// seeded <c>MLContext</c>, so the same seed gives the same model whatever the thread count.
/// </remarks>
public sealed class LearningToRank : Recommender<LearningToRankOptions>
{
    private readonly IRecommender[] _generators;
    private RankingFeatures? _features;
    private TreeScorer? _ranker;

    /// <summary>Creates it with generators from <paramref name="registry"/> (the built-in one when null); a bad name fails now.</summary>
    public LearningToRank(LearningToRankOptions options, RecommenderRegistry? registry = null) : base(options) =>
        _generators = Components.Create(registry ?? RecommenderRegistry.Default, options.Generators, nameof(options.Generators));

    /// <summary>Creates it with default options.</summary>
    public LearningToRank() : this(new LearningToRankOptions()) { }

    /// <inheritdoc/>
    public override string Name => "ltr";

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => Components.Accepts(_generators);

    /// <summary>The candidate generators, in the order of <see cref="LearningToRankOptions.Generators"/>.</summary>
    public IReadOnlyList<IRecommender> Generators => _generators;

    /// <summary>Query groups and rows the ranker learned from in the last fit.</summary>
    public (int Groups, int Rows) RankerData { get; private set; }

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var o = Options;
        var seed = Seeds.Derive(context.Seed, "ltr/validation");
        var fold = o.ValidationSplit.CreateFold(train.Interactions, 0, seed);
        var validation = train.WithInteractions(fold.Train);
        Components.Fit(_generators, validation, context);
        var features = new RankingFeatures(_generators, o.Candidates, validation);
        var users = ValidationFold.SampleUsers(fold, o.ValidationUsers, o.RelevanceThreshold, seed);
        var groups = new (int[] Items, float[] Features, float[] Labels)?[users.Length];
        Parallel.For(0, users.Length, context.ParallelOptions, slot =>
        {
            var u = users[slot];
            var (items, rows) = features.For(ValidationFold.QueryFor(fold, u));
            var relevant = ValidationFold.Relevant(fold, u, o.RelevanceThreshold);
            var labels = new float[items.Length];
            var any = false;
            for (var c = 0; c < items.Length; c++)
                if (Array.BinarySearch(relevant, items[c]) >= 0)
                    (labels[c], any) = (1, true);
            // A group without a relevant candidate has no pair to order: LambdaMART learns nothing from it.
            groups[slot] = any ? (items, rows, labels) : null;
        });
        var kept = groups.Where(g => g is not null).Select(g => g!.Value).ToArray();
        if (kept.Length == 0)
            throw new InvalidOperationException(
                $"{Name}: no validation user has a relevant item among the generators' candidates; raise Candidates or ValidationUsers, or check the generators.");
        var table = new GroupRows(kept, features.Count);
        RankerData = (kept.Length, table.Count);
        var settings = new TreeSettings(o.Trees, o.Leaves, o.LearningRate, o.MinExamplesPerLeaf);
        _ranker = MlTrainers.Ranker(table, settings, o.Ranker == RankerLearner.LightGbm, Seeds.Derive(context.Seed, "ltr/ranker"), context.CancellationToken).Scorer;
        Components.Fit(_generators, train, context);
        _features = new RankingFeatures(_generators, o.Candidates, train);
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        scores.Fill(float.NaN);
        var (items, features) = _features!.For(query);
        var width = _features.Count;
        for (var c = 0; c < items.Length; c++)
            scores[items[c]] = _ranker!.Margin(features.AsSpan(c * width, width));
    }

    /// <summary>The ranker's rows: one dense field, rows grouped by validation user.</summary>
    private sealed class GroupRows : IFeatureRows
    {
        private readonly float[] _features;
        private readonly float[] _labels;
        private readonly int[] _groups;
        private readonly int _width;

        public GroupRows((int[] Items, float[] Features, float[] Labels)[] groups, int width)
        {
            _width = width;
            _features = [.. groups.SelectMany(g => g.Features)];
            _labels = [.. groups.SelectMany(g => g.Labels)];
            _groups = [.. groups.SelectMany((g, k) => Enumerable.Repeat(k, g.Labels.Length))];
        }

        public int Count => _labels.Length;

        public IReadOnlyList<int> FieldSizes => [_width];

        public int MaxNonZeros(int field) => _width;

        public float Label(int row) => _labels[row];

        public int Group(int row) => _groups[row];

        public int Write(int row, int field, Span<int> indices, Span<float> values)
        {
            _features.AsSpan(row * _width, _width).CopyTo(values);
            for (var k = 0; k < _width; k++)
                indices[k] = k;
            return _width;
        }
    }
}
