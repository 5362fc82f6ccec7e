using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Biased matrix factorization learned by SGD (Funk; Koren, Bell and Volinsky 2009), as Surprise's <c>SVD</c>:
/// <c>r̂_ui = μ + b_u + b_i + q_iᵀp_u</c>, minimizing <c>Σ (r_ui - r̂_ui)² + λ(b_u² + b_i² + |p_u|² + |q_i|²)</c> with
/// <c>e = r - r̂</c>, <c>b_u += γ(e - λb_u)</c>, <c>b_i += γ(e - λb_i)</c>, <c>p_u += γ(e q_i - λp_u)</c>, <c>q_i += γ(e p_u - λq_i)</c>.
/// Unknown users and items contribute no bias and no factors (Surprise's convention). A query for a user without
/// training data but with a history is folded in: the same SGD on the user's bias and factors with items fixed.
/// </summary>
/// <remarks>
/// Factors are <c>float</c>, user-major, rows padded to 8 lanes and updated with <c>Vector256</c>. One epoch over the
/// 80k ratings of an 80% split of ml-latest-small at 100 factors takes about 3 ms of one core. With
/// <see cref="BiasedMfOptions.Blocks"/> ≥ 2 epochs run in parallel over a LIBMF-style block grid (see SgdSchedule).
/// </remarks>
public sealed class BiasedMf(BiasedMfOptions options) : RatingPredictor<BiasedMfOptions>(options), IBlockScorer
{
    private BiasedFactors _model = null!;

    /// <summary>Creates it with Surprise's defaults.</summary>
    public BiasedMf() : this(new BiasedMfOptions()) { }

    /// <inheritdoc/>
    public override string Name => "biased-mf";

    /// <summary>The global mean μ of the training ratings (0 when not <see cref="BiasedMfOptions.Biased"/>).</summary>
    public float GlobalMean => _model.Mu;

    /// <summary>The learned factors of a user (length <see cref="SgdFactorizationOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> UserFactors(int user) => _model.Users.Row(user)[..Options.Factors];

    /// <summary>The learned factors of an item (length <see cref="SgdFactorizationOptions.Factors"/>).</summary>
    public ReadOnlySpan<float> ItemFactors(int item) => _model.Items.Row(item)[..Options.Factors];

    /// <summary>The learned user biases b_u.</summary>
    public ReadOnlySpan<float> UserBiases => _model.UserBiases;

    /// <summary>The learned item biases b_i.</summary>
    public ReadOnlySpan<float> ItemBiases => _model.ItemBiases;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var o = Options;
        var data = train.Interactions;
        var mu = o.Biased ? Mean(data.ValueColumn) : 0f;
        var rates = o.Rates(o.Biased);

        // Surprise draws the user factors, then the item factors, from one generator.
        var rng = Seeds.Stream(context.Seed, Seeds.Hash("biased-mf/init"));
        var p = new FactorMatrix(data.UserCount, o.Factors);
        var q = new FactorMatrix(data.ItemCount, o.Factors);
        p.FillGaussian(ref rng, o.InitMean, o.InitStdDev);
        q.FillGaussian(ref rng, o.InitMean, o.InitStdDev);
        var bu = new float[data.UserCount];
        var bi = new float[data.ItemCount];

        var schedule = SgdSchedule.Build(data, o.Order, o.Blocks, context.Seed);
        var (userRows, itemRows) = (schedule.UserLayout, schedule.ItemLayout);
        var (sp, sq, sbu, sbi) = (userRows.Apply(p), itemRows.Apply(q), userRows.Apply(bu), itemRows.Apply(bi));
        SgdPass pass = (users, items, values) => SgdKernel.Pass(users, items, values, sp, sq, sbu, sbi, mu, rates);
        EpochLoop.Run(Name, o.Epochs, o.LearningRate, context,
            epoch => schedule.RunEpochRmse(epoch, context, pass),
            () => sp.AllFinite() && sq.AllFinite() && Dense.AllFinite(sbu) && Dense.AllFinite(sbi));
        userRows.Restore(sp, p);
        itemRows.Restore(sq, q);
        userRows.Restore(sbu, bu);
        itemRows.Restore(sbi, bi);
        _model = new BiasedFactors(data, p, q, bu, bi, mu, o.Biased, null, rates, o.Epochs, o.InitMean);
    }

    /// <inheritdoc/>
    protected override float Estimate(int user, int item) => _model.Estimate(user, IsKnownUser(user), item);

    /// <inheritdoc/>
    /// <remarks>The model's own estimate: μ plus the biases (and factors) it has, as Surprise's algorithms answer an unknown user or item.</remarks>
    protected override float DefaultEstimate(int user, int item) => Estimate(user, item);

    /// <inheritdoc/>
    public bool TryScoreUsers(ReadOnlySpan<int> users, Span<float> scores)
    {
        if (!AreKnownUsers(users))
            return false;
        _model.ScoreKnownUsers(users, scores);
        return true;
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores) => _model.Score(query, IsKnownUser(query.User), scores);

    internal static float Mean(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values)
            sum += v;
        return values.Length == 0 ? 0f : (float)(sum / values.Length);
    }
}
