using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Recommenders.Baselines;

namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// kNN rating prediction as Surprise's <c>knns.py</c>, for either orientation: x is the row whose neighbours are
/// sought (the user for user-kNN, the item for item-kNN) and y the other side. To predict <c>r_ui</c>, the candidates
/// are the x' that rated y; the k with the highest positive similarity to x are aggregated
/// (<see cref="KnnPrediction"/>). Unknown users or items get the global mean (the baseline for
/// <see cref="KnnPrediction.Baseline"/>), as Surprise's <c>PredictionImpossible</c> does.
/// </summary>
/// <remarks>
/// Similarities are computed sparse (co-rated pairs only, in parallel) and only positive ones are stored: Surprise
/// skips non-positive neighbours after taking the top k, which selects the same set as taking the top k positive
/// ones, so storing full positive rows reproduces it exactly (a truncated per-row neighbour list would not: the k
/// best neighbours who rated a given y are not in general among a row's global top M). Rows are stored dense when
/// there are at most 4,096 of them (a 64 MiB matrix), sparse otherwise. Ties between equal similarities go to the
/// lower index (Surprise keeps the earlier rating in its shuffled training order).
/// </remarks>
/// <typeparam name="TOptions">The options record of the concrete class.</typeparam>
public abstract class KnnRatingPredictor<TOptions> : RatingPredictor<TOptions> where TOptions : KnnOptions
{
    private PairMatrix? _similarities;
    private CsrMatrix? _columns;
    private float[] _means = [];
    private Biases? _biases;

    /// <summary>Validates and keeps the options.</summary>
    protected KnnRatingPredictor(TOptions options) : base(options) { }

    /// <summary>True for user-kNN (neighbours are users), false for item-kNN.</summary>
    protected abstract bool UserBased { get; }

    /// <summary>Bytes held by the similarity matrix after fit.</summary>
    public long SimilarityBytes => _similarities?.SizeInBytes ?? 0;

    /// <summary>Number of stored (positive) similarities, each pair counted in both directions.</summary>
    public long StoredSimilarities => _similarities?.StoredCount ?? 0;

    /// <summary>The fitted similarity of two users (user-kNN) or items (item-kNN); 0 when not positive or not co-rated.</summary>
    public float SimilarityOf(int x, int other)
    {
        var s = (_similarities ?? throw new InvalidOperationException($"{Name} is not fitted; call Fit first.")).Get(x, other);
        return x == other ? 1f : float.IsNaN(s) ? 0f : s;
    }

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var clock = Stopwatch.StartNew();
        var o = Options;
        var data = train.Interactions;
        var rows = UserBased ? data.ByUser : data.ByItem;
        var columns = UserBased ? data.ByItem : data.ByUser;
        var needsBaselines = o.Prediction == KnnPrediction.Baseline || o.Similarity == Similarity.PearsonBaseline;
        var biases = needsBaselines
            ? BiasFitter.Als(data, o.BaselineEpochs, o.BaselineUserRegularization, o.BaselineItemRegularization, context.CancellationToken)
            : null;
        var means = RowMeans(rows);

        var (simRows, simColumns) = o.Similarity switch
        {
            Similarity.AdjustedCosine => PairStatistics.WithValues(rows, columns, Centred(rows, RowMeans(columns), byRow: false)),
            Similarity.PearsonBaseline => PairStatistics.WithValues(rows, columns, Residuals(rows, biases!)),
            Similarity.CenteredCosine => PairStatistics.WithValues(rows, columns, UnitRows(rows, Centred(rows, means, byRow: true))),
            _ => (rows, columns),
        };
        var settings = new PairSettings(
            Measure: o.Similarity switch
            {
                Similarity.Msd => PairMeasure.Msd,
                Similarity.Pearson => PairMeasure.Pearson,
                Similarity.CenteredCosine => PairMeasure.Dot,
                _ => PairMeasure.Cosine,
            },
            MinSupport: o.Similarity == Similarity.PearsonBaseline ? Math.Max(2, o.MinSupport) : o.MinSupport,
            Shrinkage: o.Shrinkage ?? (o.Similarity == Similarity.PearsonBaseline ? 100f : 0f),
            PositiveOnly: true,
            Dense: rows.RowCount <= PairSettings.DenseLimit);
        context.CancellationToken.ThrowIfCancellationRequested();
        var similarities = PairStatistics.Compute(simRows, simColumns, settings, context.ParallelOptions);
        context.Progress?.Report(new FitProgress("similarities", 1, 1, null, clock.Elapsed));

        _similarities = similarities;
        _columns = columns;
        _means = means;
        _biases = biases;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override float Estimate(int user, int item)
    {

        var (x, y) = UserBased ? (user, item) : (item, user);
        var candidates = _columns!.RowIndices(y);
        var ratings = _columns.RowValues(y);
        var k = Options.Neighbors;
        var scratch = NeighborScratch.For(candidates.Length, k);
        var sims = scratch.Values.AsSpan(0, candidates.Length);
        _similarities!.Gather(x, candidates, sims);
        // A training pair: x is its own candidate, with similarity 1 as on Surprise's diagonal.
        var self = candidates.BinarySearch(x);
        if (self >= 0)
            sims[self] = 1f;

        var positive = 0;
        for (var c = 0; c < sims.Length; c++)
        {
            if (sims[c] > 0)
                positive++;
            else
                sims[c] = float.NaN;
        }

        // The neighbours: every positive candidate when there are at most k, else the k most similar.
        var selected = scratch.Selected.AsSpan(0, k);
        int count;
        if (positive <= k)
        {
            count = 0;
            for (var c = 0; c < sims.Length; c++)
                if (sims[c] > 0)
                    selected[count++] = c;
        }
        else
        {
            count = TopN.Select(sims, selected, scratch.SelectedValues.AsSpan(0, k));
        }

        var biases = _biases;
        var prediction = Options.Prediction;
        double sumSim = 0, sumRatings = 0;
        for (var s = 0; s < count; s++)
        {
            var c = selected[s];
            var neighbor = candidates[c];
            double deviation = prediction switch
            {
                KnnPrediction.Basic => ratings[c],
                KnnPrediction.WithMeans => ratings[c] - _means[neighbor],
                _ => ratings[c] - (UserBased ? biases!.Of(neighbor, item) : biases!.Of(user, neighbor)),
            };
            sumSim += sims[c];
            sumRatings += sims[c] * deviation;
        }

        double estimate = prediction switch
        {
            KnnPrediction.Basic => TrainingMean,
            KnnPrediction.WithMeans => _means[x],
            _ => biases!.Of(user, item),
        };
        if (count == 0 || count < Options.MinNeighbors)
            return Options.Fallback ? (float)estimate : float.NaN;
        return prediction == KnnPrediction.Basic
            ? (float)(sumRatings / sumSim)
            : (float)(estimate + sumRatings / sumSim);
    }

    /// <inheritdoc/>
    /// <remarks>With baseline predictions, the baseline of what is known (μ, plus b_u and b_i where known), as Surprise's KNNBaseline.</remarks>
    protected override float DefaultEstimate(int user, int item) => Options.Prediction == KnnPrediction.Baseline
        ? (float)_biases!.Of(IsKnownUser(user) ? user : -1, IsKnownItem(item) ? item : -1)
        : TrainingMean;

    /// <summary>
    /// Item-kNN scores every item at once from the query's history (so a history the model never saw is scored too):
    /// the history's similarity rows are read once or twice to find, for every target, the same k neighbours
    /// <see cref="Estimate"/> picks (ties to the lower index) and their sums (<see cref="NeighborSums"/>). Cost is
    /// the length of the history's rows, not <c>items x history</c>. User-kNN scores item by item.
    /// </summary>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        if (UserBased)
        {
            base.ScoreCore(query, scores);
            return;
        }
        var n = scores.Length;
        var user = IsKnownUser(query.User) ? query.User : -1;
        var prediction = Options.Prediction;
        var byItem = Train.Interactions.ByItem;
        var (history, deviations) = HistoryDeviations(query, user);
        var counts = ArrayPool<int>.Shared.Rent(n);
        var sums = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var sumSim = sums.AsSpan(0, n);
            var sumDeviation = sums.AsSpan(n, n);
            NeighborSums.Compute(_similarities!, history, deviations, Options.Neighbors, counts, sumSim, sumDeviation);
            for (var i = 0; i < n; i++)
            {
                var knownItem = byItem.RowLength(i) > 0;
                double estimate = prediction switch
                {
                    KnnPrediction.Basic => TrainingMean,
                    KnnPrediction.WithMeans => knownItem ? _means[i] : TrainingMean,
                    _ => _biases!.Of(user, knownItem ? i : -1),
                };
                var count = counts[i];
                if (!knownItem || count == 0 || count < Options.MinNeighbors)
                    scores[i] = Options.Fallback ? (float)estimate : float.NaN;
                else
                    scores[i] = prediction == KnnPrediction.Basic ? (float)(sumDeviation[i] / sumSim[i]) : (float)(estimate + sumDeviation[i] / sumSim[i]);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<double>.Shared.Return(sums);
        }
    }

    /// <summary>
    /// The query's items with training data, ascending and distinct (the first value of a repeated item counts), and
    /// the deviation each contributes as a neighbour, as <see cref="Estimate"/> computes it.
    /// </summary>
    private (int[] Items, double[] Deviations) HistoryDeviations(in UserQuery query, int user)
    {
        var history = query.History.Span;
        var values = query.Values.Span;
        var byItem = Train.Interactions.ByItem;
        // (item, position) pairs sorted: ascending items, a repeated item's first position first.
        var keyed = new List<long>(history.Length);
        for (var h = 0; h < history.Length; h++)
            if ((uint)history[h] < (uint)Train.ItemCount && byItem.RowLength(history[h]) > 0)
                keyed.Add(((long)history[h] << 32) | (uint)h);
        keyed.Sort();
        var items = new List<int>(keyed.Count);
        var deviations = new List<double>(keyed.Count);
        foreach (var key in keyed)
        {
            var j = (int)(key >> 32);
            if (items.Count > 0 && items[^1] == j)
                continue;
            var h = (int)(key & uint.MaxValue);
            var r = values.Length > h ? values[h] : 1f;
            items.Add(j);
            deviations.Add(Options.Prediction switch
            {
                KnnPrediction.Basic => r,
                KnnPrediction.WithMeans => r - _means[j],
                _ => r - _biases!.Of(user, j),
            });
        }
        return ([.. items], [.. deviations]);
    }

    /// <summary>Mean value of every row (0 for an empty row).</summary>
    private static float[] RowMeans(CsrMatrix matrix)
    {
        var means = new float[matrix.RowCount];
        for (var r = 0; r < means.Length; r++)
            means[r] = (float)ValueMean.Of(matrix.RowValues(r));
        return means;
    }

    /// <summary>
    /// Row values minus the mean of their row (<paramref name="byRow"/>, for the centred cosine) or of their column
    /// (for adjusted cosine), <paramref name="means"/> being the matching means.
    /// </summary>
    private static float[] Centred(CsrMatrix rows, float[] means, bool byRow)
    {
        var values = new float[rows.NonZeroCount];
        var ys = rows.Indices;
        var rs = rows.Values;
        for (var x = 0; x < rows.RowCount; x++)
            for (var k = rows.Offsets[x]; k < rows.Offsets[x + 1]; k++)
                values[k] = rs[k] - means[byRow ? x : ys[k]];
        return values;
    }

    /// <summary><paramref name="values"/> (laid out as <paramref name="rows"/>) scaled to unit L2 norm per row; an all-zero row stays zero.</summary>
    private static float[] UnitRows(CsrMatrix rows, float[] values)
    {
        for (var x = 0; x < rows.RowCount; x++)
        {
            var row = values.AsSpan(rows.Offsets[x], rows.RowLength(x));
            var norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(row));
            if (norm > 0)
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, (float)(1 / norm), row);
        }
        return values;
    }

    /// <summary>Row values minus their baseline <c>mu + b_u + b_i</c> (for PearsonBaseline).</summary>
    private float[] Residuals(CsrMatrix rows, Biases biases)
    {
        var values = new float[rows.NonZeroCount];
        var ys = rows.Indices;
        var rs = rows.Values;
        for (var x = 0; x < rows.RowCount; x++)
        {
            for (var k = rows.Offsets[x]; k < rows.Offsets[x + 1]; k++)
            {
                var b = UserBased ? biases.Of(x, ys[k]) : biases.Of(ys[k], x);
                values[k] = (float)(rs[k] - b);
            }
        }
        return values;
    }
}
