using System.Runtime.CompilerServices;
using RecLab.Data;
using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// SAR, Microsoft Recommenders' "Simple Algorithm for Recommendation" (<c>SARSingleNode</c>): user-item affinities
/// <c>a_uj</c> = the training values (ratings, or 1 for implicit data), optionally decayed by their age; item-item
/// similarities from the co-occurrence counts <c>C_ij</c> of the training data (users who have both, counts below
/// <see cref="SarOptions.Threshold"/> dropped) by <see cref="SarOptions.Similarity"/>; scores
/// <c>s_ui = Σ_j a_uj S_ji</c> over the user's items. Known users score with their fitted affinities; a query for an
/// unknown user uses its history's values (no decay), as SAR's <c>get_item_based_topk</c>.
/// </summary>
/// <remarks>
/// The co-occurrence counts are computed sparse and in parallel (a dense n x n matrix up to 4,096 items), without the
/// diagonal: <c>S_jj</c> only ever scores the user's own items, which are never candidates.
/// </remarks>
public sealed class Sar(SarOptions options) : Recommender<SarOptions>(options)
{
    private PairMatrix? _cooccurrence;
    private int[] _itemUsers = [];
    private float[] _affinity = [];

    /// <summary>Creates it with SAR's defaults.</summary>
    public Sar() : this(new SarOptions()) { }

    /// <inheritdoc/>
    public override string Name => "sar";

    /// <summary>The similarity <c>S_ij</c> of two different items (0 when they never co-occur).</summary>
    public float SimilarityOf(int item, int other)
    {
        var c = (_cooccurrence ?? throw new InvalidOperationException($"{Name} is not fitted; call Fit first.")).Get(item, other);
        return float.IsNaN(c) ? 0 : Similarity(c, _itemUsers[item], _itemUsers[other]);
    }

    /// <summary>
    /// The fitted affinity of each training interaction, in row order. With <see cref="SarOptions.TimeDecay"/> a user's
    /// affinities are SAR's divided by the decay factor of that user's latest interaction (the same ranking, no underflow).
    /// </summary>
    public ReadOnlySpan<float> Affinities => _affinity;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var data = train.Interactions;
        var affinity = data.ValueColumn.ToArray();
        if (Options.TimeDecay)
        {
            if (!data.HasTimestamps)
                throw new InvalidOperationException($"{Name}: time_decay needs timestamps and this training data has none; set time_decay: false or use data with times.");
            // SAR decays towards the latest training time. Each user's weights are scaled here by the decay of their
            // own latest interaction, a constant per user that leaves their ranking as it is: 22 years of
            // ml-latest-small at a 30-day half-life are 2^-267, which a float cannot hold.
            var halfLife = Options.HalfLifeDays * 24 * 60 * 60;
            for (var u = 0; u < data.UserCount; u++)
            {
                var own = data.RowsOf(u);
                var (start, end) = (own.Start.Value, own.End.Value);
                if (start == end)
                    continue;
                var latest = long.MinValue;
                for (var r = start; r < end; r++)
                    latest = Math.Max(latest, data.TimestampAt(r));
                for (var r = start; r < end; r++)
                    affinity[r] = (float)(affinity[r] * Math.Pow(0.5, (latest - data.TimestampAt(r)) / halfLife));
            }
        }

        // Co-occurrence: the dot products of the items' binary user vectors.
        var ones = new float[data.Count];
        Array.Fill(ones, 1f);
        var (rows, columns) = PairStatistics.WithValues(data.ByItem, data.ByUser, ones);
        var settings = new PairSettings(PairMeasure.Dot, MinSupport: Options.Threshold, Dense: data.ItemCount <= PairSettings.DenseLimit);
        _cooccurrence = PairStatistics.Compute(rows, columns, settings, context.ParallelOptions);
        _itemUsers = new int[data.ItemCount];
        for (var i = 0; i < _itemUsers.Length; i++)
            _itemUsers[i] = data.ByItem.RowLength(i);
        _affinity = affinity;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        scores.Clear();
        var known = IsKnownUser(query.User);
        var history = known ? Train.Interactions.ByUser.RowIndices(query.User) : query.History.Span;
        ReadOnlySpan<float> weights = known ? _affinity.AsSpan(Train.Interactions.RowsOf(query.User)) : query.Values.Span;
        var cooccurrence = _cooccurrence!;
        for (var h = 0; h < history.Length; h++)
        {
            var j = history[h];
            if ((uint)j >= (uint)cooccurrence.Size)
                continue;
            var a = weights.Length > h ? weights[h] : 1f;
            var nj = _itemUsers[j];
            if (cooccurrence.IsDense)
            {
                var row = cooccurrence.DenseRow(j);
                for (var i = 0; i < row.Length; i++)
                    if (!float.IsNaN(row[i]))
                        scores[i] += a * Similarity(row[i], nj, _itemUsers[i]);
            }
            else
            {
                var items = cooccurrence.SparseIndices(j);
                var counts = cooccurrence.SparseValues(j);
                for (var k = 0; k < items.Length; k++)
                    scores[items[k]] += a * Similarity(counts[k], nj, _itemUsers[items[k]]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Similarity(float c, int ni, int nj) => Options.Similarity switch
    {
        SarSimilarity.Jaccard => c / (ni + nj - c),
        SarSimilarity.Lift => c / ((float)ni * nj),
        _ => c,
    };
}
