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
    private BiasedFactors _model = null!;
    private FactorMatrix _y = null!;

    /// <summary>Creates it with Surprise's defaults.</summary>
    public SvdPlusPlus() : this(new SvdPlusPlusOptions()) { }

    /// <inheritdoc/>
    public override string Name => "svdpp";

    /// <summary>The global mean μ of the training ratings.</summary>
    public float GlobalMean => _model.Mu;

    /// <summary>The user biases b_u.</summary>
    public ReadOnlySpan<float> UserBiases => _model.UserBiases;

    /// <summary>The item biases b_i.</summary>
    public ReadOnlySpan<float> ItemBiases => _model.ItemBiases;

    /// <summary>A user's effective factors <c>p_u + |I_u|^-½ Σ y_j</c> (length <see cref="SgdFactorizationOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> UserFactors(int user) => _model.Users.Row(user)[..Options.Factors];

    /// <summary>An item's factors q_i.</summary>
    public ReadOnlySpan<float> ItemFactors(int item) => _model.Items.Row(item)[..Options.Factors];

    /// <summary>An item's implicit factors y_j.</summary>
    public ReadOnlySpan<float> ImplicitFactors(int item) => _y.Row(item)[..Options.Factors];

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var o = Options;
        var data = train.Interactions;
        var mu = BiasedMf.Mean(data.ValueColumn);
        var rates = o.Rates();
        var yRate = o.ImplicitFactorLearningRate ?? o.LearningRate;
        var yReg = o.ImplicitFactorRegularization ?? o.Regularization;

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
        using var schedule = SgdSchedule.Build(data, SgdOrder.UserBlocks, 1, context.Seed);
        var ratedBy = data.ByUser;
        SgdPass pass = (users, items, values) =>
            SvdPlusPlusKernel.Pass(users, items, values, ratedBy, p, q, y, bu, bi, mu, rates, yRate, yReg);
        EpochLoop.Run(Name, o.Epochs, o.LearningRate, context,
            epoch => schedule.RunEpochRmse(epoch, context, pass),
            () => p.AllFinite() && q.AllFinite() && y.AllFinite() && Dense.AllFinite(bu) && Dense.AllFinite(bi));

        for (var i = 0; i < data.ItemCount; i++)
            if (data.ByItem.RowLength(i) == 0)
                y.Row(i).Clear();
        // z_u = p_u + |I_u|^-½ Σ y_j, cached so scoring costs what biased MF's does.
        var implicitSum = new float[p.Stride];
        for (var u = 0; u < data.UserCount; u++)
        {
            SvdPlusPlusKernel.ImplicitFeedback(ratedBy.RowIndices(u), y, implicitSum);
            var pu = p.Row(u);
            for (var f = 0; f < pu.Length; f++)
                pu[f] += implicitSum[f];
        }
        (_model, _y) = (new BiasedFactors(data, p, q, bu, bi, mu, true, y, rates, o.Epochs, o.InitMean), y);
    }

    /// <inheritdoc/>
    protected override float Estimate(int user, int item) => _model.Estimate(user, IsKnownUser(user), item);

    /// <inheritdoc/>
    /// <remarks>The model's own estimate: μ plus the biases (and factors) it has, as Surprise's algorithms answer an unknown user or item.</remarks>
    protected override float DefaultEstimate(int user, int item) => Estimate(user, item);

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores) => _model.Score(query, IsKnownUser(query.User), scores);
}
