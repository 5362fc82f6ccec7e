using System.Runtime.CompilerServices;
using RecLab.Data;
using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// Item-item kNN for implicit feedback (implicit's ItemItemRecommender with cosine, BM25 or TF-IDF weighting, plus
/// the asymmetric cosine): item-item dot products of weighted interaction vectors, computed sparse and in parallel,
/// keeping the <see cref="ImplicitKnnOptions.Neighbors"/> most similar items per item. A query scores item i by
/// <c>sum_{j in history} value_j * sim(j, i)</c>, so any history works, including one the model never saw.
/// </summary>
/// <remarks>
/// Unlike implicit, an item is not its own neighbour (implicit's top K includes the item itself, which only ever
/// scores the query's own history); so K here is K true neighbours.
/// </remarks>
public sealed class ItemKnnImplicit(ItemKnnImplicitOptions options) : Recommender<ItemKnnImplicitOptions>(options)
{
    private PairMatrix? _neighbors;

    /// <summary>Creates it with default options.</summary>
    public ItemKnnImplicit() : this(new ItemKnnImplicitOptions()) { }

    /// <inheritdoc/>
    public override string Name => "item-knn-implicit";

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => FeedbackKinds.Implicit;

    /// <summary>The kept similarity of <paramref name="item"/>'s neighbour <paramref name="other"/>, or 0.</summary>
    public float SimilarityOf(int item, int other)
    {
        var s = (_neighbors ?? throw new InvalidOperationException($"{Name} is not fitted; call Fit first.")).Get(item, other);
        return float.IsNaN(s) ? 0 : s;
    }

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var data = train.Interactions;
        var weights = new ImplicitWeights(data.ByItem, Options);
        var (own, neighbor) = weights.ForAll(data.ByItem);
        var rows = PairStatistics.WithValues(data.ByItem, data.ByUser, own).Rows;
        var columns = ReferenceEquals(own, neighbor) ? PairStatistics.WithValues(data.ByItem, data.ByUser, own).Columns
            : PairStatistics.WithValues(data.ByItem, data.ByUser, neighbor).Columns;
        var settings = new PairSettings(PairMeasure.Dot, PositiveOnly: true, TopK: Options.Neighbors,
            Dense: data.ItemCount <= PairSettings.DenseLimit);
        _neighbors = PairStatistics.Compute(rows, columns, settings, context.ParallelOptions);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        scores.Clear();
        var neighbors = _neighbors!;
        var history = query.History.Span;
        var values = query.Values.Span;
        for (var h = 0; h < history.Length; h++)
        {
            var j = history[h];
            if ((uint)j >= (uint)neighbors.Size)
                continue;
            var w = values.Length > h ? values[h] : 1f;
            if (neighbors.IsDense)
            {
                var row = neighbors.DenseRow(j);
                for (var i = 0; i < row.Length; i++)
                    if (!float.IsNaN(row[i]))
                        scores[i] += w * row[i];
            }
            else
            {
                var items = neighbors.SparseIndices(j);
                var sims = neighbors.SparseValues(j);
                for (var k = 0; k < items.Length; k++)
                    scores[items[k]] += w * sims[k];
            }
        }
    }
}
