using RecLab.Data;
using RecLab.Evaluation.Metrics;
using RecLab.Randomness;
using RecLab.Recommenders.Learning;

namespace RecLab.Recommenders.Content;

/// <summary>
/// Click-through model <c>P(click | u, i, k)</c> learned from an impression log (shown, clicked or not) by one of ML.NET's
/// learners (<see cref="ClickModelOptions.Learner"/>): logistic regression <c>σ(θᵀφ)</c> on hashed user, item, cross and
/// position features (<see cref="HashedClickFeatures"/>); a field-aware factorization machine over user, demographics,
/// item, content, creator and context fields; or gradient-boosted trees (FastTree or LightGBM) on position, counting
/// features taken in time order (<see cref="ClickHistory"/>), demographics and small item fields. Without an
/// impression log, every interaction is a click and sampled unobserved items are non-clicks.
/// </summary>
/// <remarks>
/// Position is a training feature and scoring always asks for the top slot, so the ranking is by position-debiased
/// click-through. As a recommender it serves cold users from their features and new items from theirs. Every learner
/// trains on one thread with a seeded <c>MLContext</c> (<see cref="MlTrainers"/>): the same seed gives the same model
/// whatever the thread count. <see cref="Evaluate"/> gives log-loss and AUC on held-out impressions.
/// </remarks>
public sealed class ClickModel(ClickModelOptions options) : Recommender<ClickModelOptions>(options)
{
    /// <summary>Folds of users for the out-of-fold creator factors of the training rows.</summary>
    private const int TasteFolds = 4;

    private HashedClickFeatures? _hashed;
    private ClickFields? _fields;
    private ClickHistory? _now;
    private Func<bool, ClickHistory>? _newHistory;
    private LinearScorer? _linear;
    private FfmScorer? _ffm;
    private TreeScorer? _trees;
    private Platt _platt;

    /// <summary>Creates it with default options.</summary>
    public ClickModel() : this(new ClickModelOptions()) { }

    /// <inheritdoc/>
    public override string Name => "click-model";

    /// <summary>Training rows of the last fit (after down-sampling non-clicks).</summary>
    public int RowsTrained { get; private set; }

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var o = Options;
        var ct = context.CancellationToken;
        ct.ThrowIfCancellationRequested();
        var features = FeatureFields.Require(train, Name);
        var selected = FeatureFields.Select(features, o.Fields, Name);
        var cross = CrossFeatures(features, o.CrossFields);
        var creators = CreatorLinks.Of(train);
        var rows = Rows(train, context.Seed);
        RowsTrained = rows.Count;
        (_hashed, _fields, _linear, _ffm, _trees) = (null, null, null, null, null);
        var seed = Seeds.Derive(context.Seed, "click-model/learner");
        var trees = o.Learner is ClickLearner.Gbdt or ClickLearner.LightGbm;
        var (outOfFold, allFolds) = trees && o.CreatorFactors > 0 && creators.Count > 0 && train.Impressions is { Count: > 0, HasTimestamps: true } log
            ? (CreatorTaste.Fit(log, train.UserCount, creators, o.CreatorFactors, TasteFolds, seed, ct),
               CreatorTaste.Fit(log, train.UserCount, creators, o.CreatorFactors, 1, seed, ct))
            : (null, null);
        // Training rows take the creator taste cross-fitted on other users; held-out rows and scoring, the fit on all.
        _newHistory = exposeLog => new ClickHistory(train.Interactions, train.Impressions, exposeLog, cross, creators,
            (exposeLog ? allFolds : outOfFold)?.Restart());
        switch (o.Learner)
        {
            case ClickLearner.Logistic:
                _hashed = new HashedClickFeatures(train, o, selected.Normalized().Matrix, cross);
                var linear = MlTrainers.Logistic(new HashedRows(this, rows), o.Regularization, o.Iterations, seed, ct);
                (_linear, _platt) = (linear.Scorer, linear.Calibration);
                break;
            case ClickLearner.Ffm:
                _fields = Fields(train, selected, creators, rows);
                var ffm = MlTrainers.Ffm(new FieldRows(this, rows), new FfmSettings(o.Factors, o.Epochs, o.LearningRate, o.FactorRegularization, o.FactorRegularization), seed, ct);
                (_ffm, _platt) = (ffm.Scorer, ffm.Calibration);
                break;
            default:
                _fields = Fields(train, selected, creators, rows);
                var counts = Counts(_newHistory(false), rows, train.Impressions);
                var settings = new TreeSettings(o.Trees, o.Leaves, o.LearningRate, MinExamplesPerLeaf: 20);
                var boosted = MlTrainers.BoostedTrees(new DenseRows(this, rows, counts), settings, o.Learner == ClickLearner.LightGbm, seed, ct);
                (_trees, _platt) = (boosted.Scorer, boosted.Calibration);
                break;
        }
        _now = _newHistory(true);
        _now.AdvanceToEnd();
    }

    /// <summary>Click probability of showing <paramref name="item"/> to <paramref name="user"/> (-1 = anonymous) at <paramref name="position"/>, as of the end of training.</summary>
    public float Predict(int user, int item, int position = 0)
    {
        if (_now is null)
            throw new InvalidOperationException($"{Name} is not fitted; call Fit first.");
        return Probability(user, item, position, _now, _now.Latest, context: false);
    }

    /// <summary>
    /// Log-loss and AUC of the predicted click probabilities on logged impressions (e.g. held-out users' or later days');
    /// counting features are taken as of each impression's time from the training data before it, and the exposure
    /// context from every impression (training or given) shown to the user before it.
    /// </summary>
    public ClickModelReport Evaluate(ImpressionLog impressions)
    {
        ArgumentNullException.ThrowIfNull(impressions);
        if (impressions.Items.Count != ItemCount)
            throw new ArgumentException("The impressions must use the training data's item id map.", nameof(impressions));
        var predicted = new float[impressions.Count];
        var users = impressions.UserColumn;
        var items = impressions.ItemColumn;
        var positions = impressions.Positions;
        var history = _newHistory!(true);
        foreach (var r in impressions.TimeOrder())
        {
            var time = impressions.HasTimestamps ? impressions.Timestamps[r] : long.MaxValue;
            if (_trees is not null)
                history.AdvanceTo(time);
            predicted[r] = Probability(users[r], items[r], positions[r], history, time, context: true);
            if (_trees is not null)
                history.Expose(users[r], items[r], time);
        }
        var clicked = impressions.Clicked;
        return new ClickModelReport(impressions.Count, impressions.ClickCount,
            BinaryClassification.LogLoss(predicted, clicked), BinaryClassification.Auc(predicted, clicked));
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        for (var i = 0; i < scores.Length; i++)
            scores[i] = Probability(query.User, i, 0, _now!, _now!.Latest, context: false);
    }

    private float Probability(int user, int item, int position, ClickHistory history, long time, bool context)
    {
        float p;
        if (_linear is not null)
        {
            Span<int> idx = stackalloc int[_hashed!.MaxFeatures];
            Span<float> val = stackalloc float[_hashed.MaxFeatures];
            var n = _hashed.Write(user, item, position, idx, val);
            p = _platt.Probability(_linear.Margin(idx[..n], val[..n]));
        }
        else if (_ffm is not null)
        {
            var f = _fields!;
            var most = 0;
            for (var k = 0; k < f.FieldSizes.Count; k++)
                most += f.MaxNonZeros(k);
            Span<int> field = stackalloc int[most];
            Span<int> feature = stackalloc int[most];
            Span<float> value = stackalloc float[most];
            Span<float> scratch = stackalloc float[_ffm.Fields * _ffm.Fields * Options.Factors];
            var n = 0;
            var offset = 0;
            for (var k = 0; k < f.FieldSizes.Count; k++)
            {
                var m = f.Write(user, item, position, k, feature[n..], value[n..]);
                for (var j = n; j < n + m; j++)
                {
                    field[j] = k;
                    feature[j] += offset;
                }
                n += m;
                offset += f.FieldSizes[k];
            }
            p = _platt.Probability(_ffm.Margin(field[..n], feature[..n], value[..n], scratch));
        }
        else
        {
            Span<float> counts = stackalloc float[ClickHistory.Count];
            Span<float> row = stackalloc float[_fields!.DenseSize];
            history.Write(user, item, time, context, counts);
            _fields.WriteDense(user, item, position, counts, row);
            p = _platt.Probability(_trees!.Margin(row));
        }
        var rate = (float)Options.NegativeRate;
        return rate >= 1 ? p : p / (p + (1 - p) / rate);
    }

    private ClickFields Fields(TrainingSet train, ItemFeatures selected, CreatorLinks creators, TrainingRows rows)
    {
        var knownUsers = new bool[train.UserCount];
        var knownItems = new bool[train.ItemCount];
        for (var r = 0; r < rows.Count; r++)
        {
            knownUsers[rows.Users[r]] = true;
            knownItems[rows.Items[r]] = Options.ItemIds;
        }
        var content = selected.OnlyFields([.. selected.FieldCounts().Select(f => f.Key).Where(f => f != CreatorLinks.CreatorField)]);
        var small = content.OnlyFields([.. content.FieldCounts().Where(f => f.Value <= ClickFields.SmallField).Select(f => f.Key)]);
        return new ClickFields(train, content.Normalized().Matrix, small.Matrix, creators, knownUsers, knownItems, Options.Position);
    }

    /// <summary>
    /// Each training row's counting features as of its time: the whole training log swept in time order (equal times in
    /// slate order), each impression exposed after its own features are taken, so a row sees the slots shown before it.
    /// </summary>
    private static float[] Counts(ClickHistory history, TrainingRows rows, ImpressionLog? log)
    {
        var counts = new float[(long)rows.Count * ClickHistory.Count];
        if (log is { Count: > 0 } && rows.Source.Length > 0)
        {
            var rowOf = new int[log.Count];
            Array.Fill(rowOf, -1);
            for (var r = 0; r < rows.Count; r++)
                rowOf[rows.Source[r]] = r;
            foreach (var l in log.TimeOrder())
            {
                var time = log.HasTimestamps ? log.Timestamps[l] : long.MaxValue;
                history.AdvanceTo(time);
                if (rowOf[l] is var r and >= 0)
                    history.Write(rows.Users[r], rows.Items[r], time, context: true, counts.AsSpan(r * ClickHistory.Count, ClickHistory.Count));
                history.Expose(log.UserColumn[l], log.ItemColumn[l], time);
            }
            return counts;
        }
        var order = new int[rows.Count];
        for (var r = 0; r < order.Length; r++)
            order[r] = r;
        Array.Sort((long[])rows.Times.Clone(), order);
        foreach (var r in order)
        {
            history.AdvanceTo(rows.Times[r]);
            history.Write(rows.Users[r], rows.Items[r], rows.Times[r], context: false, counts.AsSpan(r * ClickHistory.Count, ClickHistory.Count));
        }
        return counts;
    }

    /// <summary>Training rows; <paramref name="Source"/> is each row's impression log row (empty for sampled rows).</summary>
    private sealed record TrainingRows(int[] Users, int[] Items, int[] Positions, bool[] Clicked, long[] Times, int[] Source)
    {
        public int Count => Users.Length;
    }

    /// <summary>
    /// The impressions, or every interaction as a click plus sampled unobserved items as non-clicks (at the click's
    /// time); then non-clicks kept with probability <see cref="ClickModelOptions.NegativeRate"/>.
    /// </summary>
    private TrainingRows Rows(TrainingSet train, ulong seed)
    {
        TrainingRows all;
        if (train.Impressions is { Count: > 0 } log)
        {
            var times = log.HasTimestamps ? log.Timestamps.ToArray() : new long[log.Count];
            if (!log.HasTimestamps)
                Array.Fill(times, long.MaxValue);
            all = new TrainingRows(log.UserColumn.ToArray(), log.ItemColumn.ToArray(), log.Positions.ToArray(), log.Clicked.ToArray(), times,
                [.. Enumerable.Range(0, log.Count)]);
        }
        else
            all = SampledRows(train.Interactions, seed);
        if (Options.NegativeRate >= 1)
            return all;
        var rng = Seeds.Stream(seed, Seeds.Hash("click-model/down-sampling"));
        var keep = new List<int>();
        for (var r = 0; r < all.Count; r++)
            if (rng.NextDouble() < Options.NegativeRate | all.Clicked[r])
                keep.Add(r);
        return new TrainingRows([.. keep.Select(r => all.Users[r])], [.. keep.Select(r => all.Items[r])],
            [.. keep.Select(r => all.Positions[r])], [.. keep.Select(r => all.Clicked[r])], [.. keep.Select(r => all.Times[r])],
            all.Source.Length == 0 ? [] : [.. keep.Select(r => all.Source[r])]);
    }

    private TrainingRows SampledRows(InteractionData data, ulong seed)
    {
        var negatives = Options.Negatives;
        var n = data.Count * (1 + negatives);
        var rows = new TrainingRows(new int[n], new int[n], new int[n], new bool[n], new long[n], []);
        var rng = Seeds.Stream(seed, Seeds.Hash("click-model/negatives"));
        var at = 0;
        for (var u = 0; u < data.UserCount; u++)
        {
            var seen = data.ByUser.RowIndices(u);
            var (offset, _) = data.RowsOf(u).GetOffsetAndLength(data.Count);
            for (var k0 = 0; k0 < seen.Length; k0++)
            {
                var time = data.HasTimestamps ? data.TimestampAt(offset + k0) : long.MaxValue;
                (rows.Users[at], rows.Items[at], rows.Clicked[at], rows.Times[at]) = (u, seen[k0], true, time);
                at++;
                for (var k = 0; k < negatives; k++)
                {
                    var j = rng.NextInt(data.ItemCount);
                    for (var attempt = 0; attempt < 10 && seen.BinarySearch(j) >= 0; attempt++)
                        j = rng.NextInt(data.ItemCount);
                    (rows.Users[at], rows.Items[at], rows.Clicked[at], rows.Times[at]) = (u, j, seen.BinarySearch(j) >= 0, time);
                    at++;
                }
            }
        }
        return rows;
    }

    /// <summary>The logistic learner's rows: one hashed field.</summary>
    private sealed class HashedRows(ClickModel model, TrainingRows rows) : IFeatureRows
    {
        private readonly HashedClickFeatures _hashed = model._hashed!;
        private readonly int _position = model.Options.Position ? 1 : 0;

        public int Count => rows.Count;

        public IReadOnlyList<int> FieldSizes => [_hashed.Dimension];

        public int MaxNonZeros(int field) => _hashed.MaxFeatures;

        public float Label(int row) => rows.Clicked[row] ? 1 : 0;

        public int Group(int row) => -1;

        public int Write(int row, int field, Span<int> indices, Span<float> values) =>
            _hashed.Write(rows.Users[row], rows.Items[row], rows.Positions[row] * _position, indices, values);
    }

    /// <summary>The factorization machine's rows: one field per <see cref="ClickFields"/> field.</summary>
    private sealed class FieldRows(ClickModel model, TrainingRows rows) : IFeatureRows
    {
        private readonly ClickFields _fields = model._fields!;

        public int Count => rows.Count;

        public IReadOnlyList<int> FieldSizes => _fields.FieldSizes;

        public int MaxNonZeros(int field) => _fields.MaxNonZeros(field);

        public float Label(int row) => rows.Clicked[row] ? 1 : 0;

        public int Group(int row) => -1;

        public int Write(int row, int field, Span<int> indices, Span<float> values) =>
            _fields.Write(rows.Users[row], rows.Items[row], rows.Positions[row], field, indices, values);
    }

    /// <summary>The boosted trees' rows: one dense field.</summary>
    private sealed class DenseRows(ClickModel model, TrainingRows rows, float[] counts) : IFeatureRows
    {
        private readonly ClickFields _fields = model._fields!;

        public int Count => rows.Count;

        public IReadOnlyList<int> FieldSizes => [_fields.DenseSize];

        public int MaxNonZeros(int field) => _fields.DenseSize;

        public float Label(int row) => rows.Clicked[row] ? 1 : 0;

        public int Group(int row) => -1;

        public int Write(int row, int field, Span<int> indices, Span<float> values)
        {
            _fields.WriteDense(rows.Users[row], rows.Items[row], rows.Positions[row], counts.AsSpan(row * ClickHistory.Count, ClickHistory.Count), values);
            for (var k = 0; k < _fields.DenseSize; k++)
                indices[k] = k;
            return _fields.DenseSize;
        }
    }

    /// <summary>The item features of the cross fields that the data has (none when it has none of them).</summary>
    private static CsrMatrix CrossFeatures(ItemFeatures features, IReadOnlyList<string> fields)
    {
        var present = features.FieldCounts().Select(f => f.Key).Intersect(fields).ToArray();
        var selected = features.OnlyFields(present).Normalized();
        // Keys of the full vocabulary, so cross features never collide with each other across fields.
        var names = selected.Features;
        var offsets = selected.Matrix.Offsets.ToArray();
        var indices = selected.Matrix.Indices.ToArray();
        for (var k = 0; k < indices.Length; k++)
            indices[k] = features.Features.IndexOf(names[indices[k]]);
        return new CsrMatrix(selected.Matrix.RowCount, features.FeatureCount, offsets, indices, selected.Matrix.Values.ToArray());
    }
}
