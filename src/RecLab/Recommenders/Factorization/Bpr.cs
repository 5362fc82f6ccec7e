using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// BPR-MF (Rendle, Freudenthaler, Gantner and Schmidt-Thieme 2009): scores <c>x_ui = b_i + p_u·q_i</c> learned by SGD on
/// <c>Σ ln σ(x_ui - x_uj) - λ|Θ|²</c> over triples of a user, an item they have and one they have not, as implicit's
/// <c>BayesianPersonalizedRanking</c> does (same defaults, update, initialisation and popularity-proportional negatives);
/// <c>sampling: uniform, initialization: cornac</c> make it cornac's <c>BPR</c> (see <see cref="BprOptions"/>).
/// Implicit feedback only; values are ignored. A user without training data but with a history is folded in by the
/// same SGD on the user vector alone (items fixed), with draws seeded from the fit seed and the history.
/// </summary>
/// <remarks>
/// Sequential SGD, bit-exact by seed (implicit runs Hogwild threads, whose result depends on timing). One epoch of
/// the ~80k interactions of ml-latest-small at 100 factors takes a few milliseconds.
/// </remarks>
public sealed class Bpr(BprOptions options) : Recommender<BprOptions>(options), IBlockScorer
{
    private FactorMatrix _p = null!;
    private FactorMatrix _q = null!;
    private float[] _itemBias = [];
    private int[] _negativePool = [];
    private ulong _seed;

    /// <summary>Creates it with implicit's defaults.</summary>
    public Bpr() : this(new BprOptions()) { }

    /// <inheritdoc/>
    public override string Name => "bpr";

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => FeedbackKinds.Implicit;

    /// <summary>A user's factors.</summary>
    public ReadOnlySpan<float> UserFactors(int user) => _p.Row(user)[..Options.Factors];

    /// <summary>An item's factors.</summary>
    public ReadOnlySpan<float> ItemFactors(int item) => _q.Row(item)[..Options.Factors];

    /// <summary>The item biases b_i.</summary>
    public ReadOnlySpan<float> ItemBiases => _itemBias;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var o = Options;
        var data = train.Interactions;
        var byUser = data.ByUser;
        var rng = Seeds.Stream(context.Seed, Seeds.Hash("bpr/init"));
        // Uniform in [-0.5, 0.5) / factors for items and users (implicit's bias column too, cornac's biases start at
        // zero), zero for empty rows.
        var scale = 1f / o.Factors;
        var q = new FactorMatrix(data.ItemCount, o.Factors);
        q.FillUniform(ref rng, -0.5f * scale, 0.5f * scale);
        var itemBias = new float[data.ItemCount];
        if (o.Initialization == BprInitialization.Implicit)
            for (var i = 0; i < itemBias.Length; i++)
                itemBias[i] = (rng.NextFloat() - 0.5f) * scale;
        var p = new FactorMatrix(data.UserCount, o.Factors);
        p.FillUniform(ref rng, -0.5f * scale, 0.5f * scale);
        for (var i = 0; i < data.ItemCount; i++)
        {
            if (data.ByItem.RowLength(i) == 0)
            {
                q.Row(i).Clear();
                itemBias[i] = 0;
            }
        }
        for (var u = 0; u < data.UserCount; u++)
            if (byUser.RowLength(u) == 0)
                p.Row(u).Clear();

        var rowUsers = data.UserColumn();
        var negatives = NegativePool(data, o.Sampling);
        var samples = data.Count;
        EpochLoop.Run(Name, o.Epochs, o.LearningRate, context,
            epoch =>
            {
                var epochRng = Seeds.Stream(context.Seed, Seeds.Derive(Seeds.Hash("bpr/epoch"), (ulong)epoch));
                var result = BprKernel.Epoch(ref epochRng, samples, rowUsers, byUser, negatives, o.VerifyNegatives,
                    p, q, itemBias, o.LearningRate, o.Regularization);
                var used = samples - result.Skipped;
                return used == 0 ? 0 : result.Loss / used;
            },
            () => p.AllFinite() && q.AllFinite() && Dense.AllFinite(itemBias));

        (_p, _q, _itemBias, _seed, _negativePool) = (p, q, itemBias, context.Seed, negatives);
    }

    /// <summary>
    /// The items a negative is drawn from uniformly: every interaction's item (so in proportion to popularity), or
    /// every item with training data once (items the model never saw are not negatives, as in cornac).
    /// </summary>
    private static int[] NegativePool(InteractionData data, NegativeSampling sampling)
    {
        if (sampling == NegativeSampling.Popularity)
            return data.ItemColumn.ToArray();
        var trained = new List<int>(data.ItemCount);
        for (var i = 0; i < data.ItemCount; i++)
            if (data.ByItem.RowLength(i) > 0)
                trained.Add(i);
        return [.. trained];
    }

    /// <inheritdoc/>
    public bool TryScoreUsers(ReadOnlySpan<int> users, Span<float> scores)
    {
        if (!AreKnownUsers(users))
            return false;
        _q.ScoreMany(_p, users, _itemBias, [], scores);
        return true;
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        var user = IsKnownUser(query.User) ? _p.Row(query.User) : FoldIn(query);
        _q.Score(user, _itemBias, 0f, scores);
    }

    /// <summary>
    /// The vector of a user known only by a history: <c>Epochs x |history|</c> BPR steps on a zero vector with the
    /// items fixed; the draws come from the fit seed and the history, so the same query always scores the same.
    /// An empty history gives the zero vector (items ranked by bias).
    /// </summary>
    internal float[] FoldIn(in UserQuery query)
    {
        var pu = new float[_q.Stride];
        var itemCount = _q.Rows;
        // Distinct and ascending: positives are drawn from it, and negatives checked against it by binary search.
        var items = FoldInHistory.Known(query.History.Span, [], i => (uint)i < (uint)itemCount, valuesRequired: false).Items
            .Distinct().Order().ToArray();
        if (items.Length == 0)
            return pu;
        var key = 0xCBF29CE484222325UL;
        foreach (var i in items)
            key = Seeds.Derive(key, (ulong)i);
        var rng = Seeds.Stream(_seed, key);
        BprKernel.FoldIn(ref rng, Options.Epochs * items.Length, items, _negativePool, _q, _itemBias, Options.LearningRate, Options.Regularization, pu);
        return pu;
    }
}
