using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;
using RecLab.Recommenders.Content;
using RecLab.Recommenders.Factorization;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// Feature-augmented matrix factorization in the manner of LightFM (Kula 2015): an item's vector is the weighted sum of
/// the embeddings of its features plus, for an item with training data, its own offset embedding,
/// <c>q_i = Σ_f w_if e_f</c> (weights normalized to sum 1), and its bias likewise; a user's vector is their offset
/// embedding plus their user feature categories (age band, gender, ...). Score <c>x_ui = p_u·q_i + b_i</c>, trained by
/// Adagrad SGD on WARP or BPR over the training interactions (every interaction a positive; values ignored).
/// </summary>
/// <remarks>
/// A new item (no training interaction) gets its vector from its features alone, so it can be recommended at once. A user
/// without training data starts from their feature categories (zero without any) and is folded in from the query's
/// history by BPR steps on the user vector alone with the items fixed, seeded by the fit seed and the history, so the
/// same query always scores the same. Negatives are drawn uniformly from items with training data. Training is
/// sequential, so results do not depend on the thread count.
/// </remarks>
public sealed class FeatureMf(FeatureMfOptions options) : Recommender<FeatureMfOptions>(options)
{
    private FactorMatrix _items = null!;
    private float[] _itemBias = [];
    private FactorMatrix _users = null!;
    private int[] _negativePool = [];
    private ulong _seed;

    /// <summary>Creates it with default options.</summary>
    public FeatureMf() : this(new FeatureMfOptions()) { }

    /// <inheritdoc/>
    public override string Name => "lightfm";

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => FeedbackKinds.Implicit;

    /// <summary>The vector an item is scored with (from its features alone when it had no training data).</summary>
    public ReadOnlySpan<float> ItemVector(int item) => _items.Row(item)[..Options.Factors];

    /// <summary>The bias an item is scored with.</summary>
    public float ItemBias(int item) => _itemBias[item];

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var o = Options;
        var data = train.Interactions;
        var knownItem = new bool[data.ItemCount];
        var pool = new List<int>();
        for (var i = 0; i < data.ItemCount; i++)
            if (knownItem[i] = data.ByItem.RowLength(i) > 0)
                pool.Add(i);
        var itemRows = ItemRows(train, knownItem, out var itemTableRows);
        var userRows = UserRows(train, out var userTableRows);

        var rng = Seeds.Stream(context.Seed, Seeds.Hash("lightfm/init"));
        var itemTable = new FeatureEmbeddings(itemTableRows, o.Factors, ref rng);
        var userTable = new FeatureEmbeddings(userTableRows, o.Factors, ref rng);
        var negatives = pool.ToArray();
        var order = new int[data.Count];
        var rowUsers = data.UserColumn();
        var positives = data.ItemColumn.ToArray();
        var byUser = data.ByUser;
        var p = new float[o.Factors];
        var qi = new float[o.Factors];
        var qj = new float[o.Factors];
        var gradient = new float[o.Factors];
        EpochLoop.Run(Name, o.Epochs, o.LearningRate, context, epoch =>
        {
            var epochRng = Seeds.Stream(context.Seed, Seeds.Derive(Seeds.Hash("lightfm/epoch"), (ulong)epoch));
            for (var r = 0; r < order.Length; r++)
                order[r] = r;
            epochRng.Shuffle(order.AsSpan());
            var loss = 0.0;
            foreach (var row in order)
            {
                var u = rowUsers[row];
                var i = positives[row];
                loss += Step(u, i, byUser.RowIndices(u), negatives, itemRows, userRows, itemTable, userTable, p, qi, qj, gradient, ref epochRng);
            }
            return order.Length == 0 ? 0 : loss / order.Length;
        }, () => itemTable.AllFinite() && userTable.AllFinite());

        var items = new FactorMatrix(data.ItemCount, o.Factors);
        var itemBias = new float[data.ItemCount];
        for (var i = 0; i < data.ItemCount; i++)
            itemBias[i] = itemTable.Compose(itemRows.Rows(i), itemRows.Weights(i), items.Row(i)[..o.Factors]);
        // Scoring users: known ones with their offsets, cold ones from their feature categories alone.
        var scoringUsers = UserRows(train, out _, withOffsets: false);
        var users = new FactorMatrix(data.UserCount, o.Factors);
        for (var u = 0; u < data.UserCount; u++)
        {
            var rows = byUser.RowLength(u) > 0 ? userRows : scoringUsers;
            userTable.Compose(rows.Rows(u), rows.Weights(u), users.Row(u)[..o.Factors]);
        }
        (_items, _itemBias, _users, _negativePool, _seed) = (items, itemBias, users, negatives, context.Seed);
    }

    /// <summary>One positive (u, i): a BPR step with one negative, or WARP draws until a margin violation. Returns the loss.</summary>
    private double Step(int u, int i, ReadOnlySpan<int> seen, int[] negatives, FeatureRows itemRows, FeatureRows userRows,
        FeatureEmbeddings itemTable, FeatureEmbeddings userTable, float[] p, float[] qi, float[] qj, float[] gradient, ref Rng rng)
    {
        var o = Options;
        userTable.Compose(userRows.Rows(u), userRows.Weights(u), p);
        var bi = itemTable.Compose(itemRows.Rows(i), itemRows.Weights(i), qi);
        var xi = System.Numerics.Tensors.TensorPrimitives.Dot(p, qi) + bi;
        var draws = o.Loss == FeatureMfLoss.Bpr ? 1 : o.MaxSampled;
        for (var n = 1; n <= draws; n++)
        {
            var j = negatives[rng.NextInt(negatives.Length)];
            var bj = itemTable.Compose(itemRows.Rows(j), itemRows.Weights(j), qj);
            var xj = System.Numerics.Tensors.TensorPrimitives.Dot(p, qj) + bj;
            float weight;
            double loss;
            if (o.Loss == FeatureMfLoss.Bpr)
            {
                if (seen.BinarySearch(j) >= 0)
                    return 0;
                var x = xi - xj;
                weight = 1f / (1f + MathF.Exp(x)); // −d/dx ln σ(x)
                loss = x > 0 ? Math.Log(1 + Math.Exp(-x)) : -x + Math.Log(1 + Math.Exp(x));
            }
            else
            {
                if (xj <= xi - 1 || seen.BinarySearch(j) >= 0)
                    continue;
                weight = MathF.Log(MathF.Max(1f, MathF.Floor((negatives.Length - 1f) / n)));
                loss = weight * (1 - xi + xj);
            }
            // d loss / d x_ui = −weight and d loss / d x_uj = +weight, through x = p·q + b.
            for (var f = 0; f < gradient.Length; f++)
                gradient[f] = -weight * (qi[f] - qj[f]);
            userTable.Step(userRows.Rows(u), userRows.Weights(u), gradient, 0, withBias: false, o.LearningRate, o.Regularization);
            for (var f = 0; f < gradient.Length; f++)
                gradient[f] = -weight * p[f];
            itemTable.Step(itemRows.Rows(i), itemRows.Weights(i), gradient, -weight, withBias: true, o.LearningRate, o.Regularization);
            for (var f = 0; f < gradient.Length; f++)
                gradient[f] = weight * p[f];
            itemTable.Step(itemRows.Rows(j), itemRows.Weights(j), gradient, weight, withBias: true, o.LearningRate, o.Regularization);
            return loss;
        }
        return 0;
    }

    /// <summary>Item table: rows 0..m-1 are item offsets, then one row per selected item feature.</summary>
    private FeatureRows ItemRows(TrainingSet train, bool[] knownItem, out int tableRows)
    {
        var m = train.ItemCount;
        var features = train.ItemFeatures is { } all ? FeatureFields.Select(all, Options.Fields, Name) : null;
        if (features is null && !Options.ItemOffsets)
            throw new NotSupportedException($"{Name} without item offsets needs item features; the training data has none.");
        tableRows = m + (features?.FeatureCount ?? 0);
        var matrix = features?.Matrix;
        var offsets = Options.ItemOffsets;
        return FeatureRows.Build(m, i =>
        {
            var entries = new List<(int, float)>();
            if (offsets && knownItem[i])
                entries.Add((i, 1f));
            if (matrix is not null)
            {
                var idx = matrix.RowIndices(i);
                var val = matrix.RowValues(i);
                for (var k = 0; k < idx.Length; k++)
                    entries.Add((m + idx[k], val[k]));
            }
            return entries;
        });
    }

    /// <summary>User table: rows 0..n-1 are user offsets, then one row per category of every user feature field.</summary>
    private FeatureRows UserRows(TrainingSet train, out int tableRows, bool withOffsets = true)
    {
        var n = train.UserCount;
        var features = Options.UserFeatures ? train.UserFeatures : null;
        var fieldStart = new List<int>();
        tableRows = n;
        if (features is not null)
        {
            for (var f = 0; f < features.Fields.Count; f++)
            {
                fieldStart.Add(tableRows);
                tableRows += features.Categories(f).Count;
            }
        }
        var byUser = train.Interactions.ByUser;
        return FeatureRows.Build(n, u =>
        {
            var entries = new List<(int, float)>();
            if (withOffsets && byUser.RowLength(u) > 0)
                entries.Add((u, 1f));
            if (features is not null)
                for (var f = 0; f < fieldStart.Count; f++)
                    if (features.ValueOf(f, u) is var code and >= 0)
                        entries.Add((fieldStart[f] + code, 1f));
            return entries;
        });
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        var user = new float[_users.Stride];
        if ((uint)query.User < (uint)_users.Rows)
            _users.Row(query.User).CopyTo(user);
        if (!IsKnownUser(query.User))
            FoldIn(query, user);
        _items.Score(user, _itemBias, 0f, scores);
    }

    /// <summary>
    /// BPR steps on the user vector alone (<c>Epochs x |history|</c> draws, items fixed), starting from the feature-based
    /// vector; the draws come from the fit seed and the history.
    /// </summary>
    private void FoldIn(in UserQuery query, float[] user)
    {
        var history = new SortedSet<int>();
        foreach (var i in query.History.Span)
            if ((uint)i < (uint)_items.Rows)
                history.Add(i);
        if (history.Count == 0)
            return;
        var items = history.ToArray();
        var key = 0xCBF29CE484222325UL;
        foreach (var i in items)
            key = Seeds.Derive(key, (ulong)i);
        var rng = Seeds.Stream(_seed, key);
        BprKernel.FoldIn(ref rng, Options.Epochs * items.Length, items, _negativePool, _items, _itemBias, Options.LearningRate, Options.Regularization, user);
    }
}
