using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// SVD++ (Koren 2008), as Surprise's <c>SVDpp</c>: <c>r̂_ui = μ + b_u + b_i + q_iᵀ(p_u + |I_u|^-½ Σ_(j ∈ I_u) y_j)</c>, where
/// I_u is the set of items u rated (the implicit feedback of having rated at all), learned by SGD over the ratings in
/// Surprise's user-by-user order. A query for a user without training data but with a history uses that history as
/// I_u and folds in b_u and p_u by SGD with the item side fixed, so onboarding users get the implicit term at once.
/// </summary>
/// <remarks>
/// Surprise recomputes the implicit sum and updates every y_j for every rating (quadratic in history length; 45 s per
/// fold on ml-latest-small). The kernel composes those per-rating updates per user instead (see
/// <see cref="SvdPlusPlusKernel"/>), which is the same computation up to float rounding at linear cost.
/// </remarks>
public sealed class SvdPlusPlus(SvdPlusPlusOptions options) : RatingPredictor<SvdPlusPlusOptions>(options)
{
    private FactorMatrix _q = null!;
    private FactorMatrix _y = null!;
    private FactorMatrix _z = null!;
    private float[] _bu = [];
    private float[] _bi = [];
    private bool[] _knownItem = [];
    private float _mu;
    private SgdRates _rates;

    /// <summary>Creates it with Surprise's defaults.</summary>
    public SvdPlusPlus() : this(new SvdPlusPlusOptions()) { }

    /// <inheritdoc/>
    public override string Name => "svdpp";

    /// <summary>The global mean μ of the training ratings.</summary>
    public float GlobalMean => _mu;

    /// <summary>The user biases b_u.</summary>
    public ReadOnlySpan<float> UserBiases => _bu;

    /// <summary>The item biases b_i.</summary>
    public ReadOnlySpan<float> ItemBiases => _bi;

    /// <summary>A user's effective factors <c>p_u + |I_u|^-½ Σ y_j</c> (length <see cref="SvdPlusPlusOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> UserFactors(int user) => _z.Row(user)[..Options.Factors];

    /// <summary>An item's factors q_i.</summary>
    public ReadOnlySpan<float> ItemFactors(int item) => _q.Row(item)[..Options.Factors];

    /// <summary>An item's implicit factors y_j.</summary>
    public ReadOnlySpan<float> ImplicitFactors(int item) => _y.Row(item)[..Options.Factors];

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var o = Options;
        var data = train.Interactions;
        var mu = BiasedMf.Mean(data.ValueColumn);
        var lr = o.LearningRate;
        var reg = o.Regularization;
        var rates = new SgdRates(
            o.UserBiasLearningRate ?? lr, o.ItemBiasLearningRate ?? lr, o.UserFactorLearningRate ?? lr, o.ItemFactorLearningRate ?? lr,
            o.UserBiasRegularization ?? reg, o.ItemBiasRegularization ?? reg, o.UserFactorRegularization ?? reg, o.ItemFactorRegularization ?? reg);
        var yRate = o.ImplicitFactorLearningRate ?? lr;
        var yReg = o.ImplicitFactorRegularization ?? reg;

        // Surprise's draw order: p, then q, then y.
        var rng = Seeds.Stream(context.Seed, Seeds.Hash("svdpp/init"));
        var p = new FactorMatrix(data.UserCount, o.Factors);
        var q = new FactorMatrix(data.ItemCount, o.Factors);
        var y = new FactorMatrix(data.ItemCount, o.Factors);
        p.FillGaussian(ref rng, o.InitMean, o.InitStdDev);
        q.FillGaussian(ref rng, o.InitMean, o.InitStdDev);
        y.FillGaussian(ref rng, o.InitMean, o.InitStdDev);
        var bu = new float[data.UserCount];
        var bi = new float[data.ItemCount];

        // The composed y-update needs each user's ratings together: Surprise's order, never the grid.
        var schedule = SgdSchedule.Build(data, SgdOrder.UserBlocks, 1, context.Seed);
        var ratedBy = data.ByUser;
        SgdPass pass = (users, items, values) =>
            SvdPlusPlusKernel.Pass(users, items, values, ratedBy, p, q, y, bu, bi, mu, rates, yRate, yReg);
        EpochLoop.Run(Name, o.Epochs, lr, context,
            epoch => Math.Sqrt(schedule.RunEpoch(epoch, context, pass) / Math.Max(1, schedule.Count)),
            () => p.AllFinite() && q.AllFinite() && y.AllFinite() && VectorMath.AllFinite(bu) && VectorMath.AllFinite(bi));

        _knownItem = new bool[data.ItemCount];
        for (var i = 0; i < data.ItemCount; i++)
        {
            _knownItem[i] = data.ByItem.RowLength(i) > 0;
            if (!_knownItem[i])
            {
                q.Row(i).Clear();
                y.Row(i).Clear();
            }
        }
        // z_u = p_u + |I_u|^-½ Σ y_j, cached so scoring costs what biased MF's does.
        var z = new FactorMatrix(data.UserCount, o.Factors);
        var implicitSum = new float[z.Stride];
        for (var u = 0; u < data.UserCount; u++)
        {
            if (ratedBy.RowLength(u) == 0)
                continue;
            SvdPlusPlusKernel.ImplicitFeedback(ratedBy.RowIndices(u), y, implicitSum);
            var zu = z.Row(u);
            var pu = p.Row(u);
            for (var f = 0; f < zu.Length; f++)
                zu[f] = pu[f] + implicitSum[f];
        }
        (_q, _y, _z, _bu, _bi, _mu, _rates) = (q, y, z, bu, bi, mu, rates);
    }

    /// <inheritdoc/>
    protected override float Estimate(int user, int item)
    {
        var knownUser = IsKnownUser(user);
        var knownItem = (uint)item < (uint)_knownItem.Length && _knownItem[item];
        var estimate = _mu;
        if (knownUser)
            estimate += _bu[user];
        if (knownItem)
            estimate += _bi[item];
        if (knownUser && knownItem)
            estimate += VectorMath.Dot(_z.Row(user), _q.Row(item));
        return estimate;
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        if (IsKnownUser(query.User))
        {
            FactorScoring.ScoreAll(_q, _z.Row(query.User), _bi, _mu + _bu[query.User], scores);
            return;
        }
        var (bias, factors) = FoldIn(query);
        FactorScoring.ScoreAll(_q, factors, _bi, _mu + bias, scores);
    }

    /// <summary>
    /// A user known only by a history: the history's known items are I_u; b_u and p_u are learned by
    /// <see cref="SvdPlusPlusOptions.Epochs"/> passes of SGD with q, y and b_i fixed. Returns b_u and p_u + the implicit term.
    /// </summary>
    internal (float Bias, float[] Factors) FoldIn(in UserQuery query)
    {
        var (items, ratings) = BiasedMf.KnownHistory(query, _knownItem);
        var implicitSum = new float[_q.Stride];
        SvdPlusPlusKernel.ImplicitFeedback(items, _y, implicitSum);
        // Targets minus the fixed implicit part turn this into biased MF's fold-in of (b_u, p_u).
        var targets = new float[items.Length];
        for (var k = 0; k < items.Length; k++)
            targets[k] = ratings[k] - VectorMath.Dot(_q.Row(items[k]), implicitSum);
        var factors = new float[_q.Stride];
        factors.AsSpan(0, Options.Factors).Fill(Options.InitMean);
        var bias = 0f;
        SgdKernel.FoldIn(items, targets, _q, _bi, _mu, _rates, Options.Epochs, factors, ref bias);
        for (var f = 0; f < factors.Length; f++)
            factors[f] += implicitSum[f];
        return (bias, factors);
    }
}
