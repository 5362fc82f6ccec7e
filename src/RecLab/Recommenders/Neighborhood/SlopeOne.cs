using System.Runtime.CompilerServices;
using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// Slope One (Lemire and Maclachlan): item-to-item deviations <c>dev(i, j) = mean_{u in U_ij} (r_ui - r_uj)</c> over the
/// users who rated both; a prediction averages them over the items u rated that share a user with i,
/// <c>R_i(u)</c>: <c>mu_u + sum_{j in R_i(u)} dev(i, j) / |R_i(u)|</c> as Surprise does, or the weighted form
/// (<see cref="SlopeOneOptions.Weighted"/>). Unknown users or items, and an empty <c>R_i(u)</c> in the weighted form,
/// get the global mean (Surprise: the user mean when <c>R_i(u)</c> is empty).
/// </summary>
/// <remarks>Deviations are computed sparse and in parallel by the same kernel as kNN similarities, and stored as full sparse rows.</remarks>
public sealed class SlopeOne(SlopeOneOptions options) : RatingPredictor<SlopeOneOptions>(options)
{
    private PairMatrix? _deviations;
    private float[] _userMeans = [];

    /// <summary>Creates it with default options.</summary>
    public SlopeOne() : this(new SlopeOneOptions()) { }

    /// <inheritdoc/>
    public override string Name => "slope-one";

    /// <summary>The fitted deviation <c>dev(i, j)</c>, or NaN when no user rated both.</summary>
    public float Deviation(int item, int other) =>
        (_deviations ?? throw new InvalidOperationException($"{Name} is not fitted; call Fit first.")).Get(item, other);

    /// <summary>Bytes held by the deviation matrix.</summary>
    public long DeviationBytes => _deviations?.SizeInBytes ?? 0;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var data = train.Interactions;
        var settings = new PairSettings(PairMeasure.MeanDifference, KeepCounts: Options.Weighted,
            Dense: data.ItemCount <= PairSettings.DenseLimit);
        _deviations = PairStatistics.Compute(data.ByItem, data.ByUser, settings, context.ParallelOptions);
        var means = new float[data.UserCount];
        for (var u = 0; u < means.Length; u++)
            means[u] = (float)ValueMean.Of(data.ByUser.RowValues(u));
        _userMeans = means;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override float Estimate(int user, int item)
    {
        var rated = Train.Interactions.ByUser.RowIndices(user);
        var ratings = Train.Interactions.ByUser.RowValues(user);
        var scratch = NeighborScratch.For(rated.Length, 0);
        var devs = scratch.Values.AsSpan(0, rated.Length);
        var counts = Options.Weighted ? scratch.Counts.AsSpan(0, rated.Length) : default;
        _deviations!.Gather(item, rated, devs, counts);
        double sum = 0, weight = 0;
        var relevant = 0;
        for (var k = 0; k < devs.Length; k++)
        {
            if (float.IsNaN(devs[k]))
                continue;
            relevant++;
            if (Options.Weighted)
            {
                sum += (devs[k] + ratings[k]) * counts[k];
                weight += counts[k];
            }
            else
            {
                sum += devs[k];
            }
        }
        if (Options.Weighted)
            return weight > 0 ? (float)(sum / weight) : TrainingMean;
        return relevant > 0 ? (float)(_userMeans[user] + sum / relevant) : _userMeans[user];
    }
}
