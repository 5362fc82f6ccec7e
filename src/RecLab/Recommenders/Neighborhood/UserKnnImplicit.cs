using System.Runtime.CompilerServices;
using System.Buffers;
using RecLab.Data;
using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Neighborhood;

/// <summary>
/// User-user kNN for implicit feedback: the query's weighted history is compared with every training user by sparse
/// dot products (only users sharing an item are touched), the <see cref="ImplicitKnnOptions.Neighbors"/> most similar
/// are kept, and item i scores <c>sum_v sim(q, v) * x_vi</c>. Similarities are computed at query time from the
/// history, so a cold or onboarding user is served exactly like a known one and fitting only prepares weights.
/// </summary>
public sealed class UserKnnImplicit(UserKnnImplicitOptions options) : Recommender<UserKnnImplicitOptions>(options)
{
    private ImplicitWeights? _weights;
    private CsrMatrix? _itemUsers;

    /// <summary>Creates it with default options.</summary>
    public UserKnnImplicit() : this(new UserKnnImplicitOptions()) { }

    /// <inheritdoc/>
    public override string Name => "user-knn-implicit";

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => FeedbackKinds.Implicit;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var data = train.Interactions;
        var weights = new ImplicitWeights(data.ByUser, Options);
        var (_, neighbor) = weights.ForAll(data.ByUser);
        // Item-major, with each user's neighbour-side weights: the query walks the users of its items.
        _itemUsers = PairStatistics.WithValues(data.ByUser, data.ByItem, neighbor).Columns;
        _weights = weights;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        scores.Clear();
        var itemUsers = _itemUsers!;
        var byUser = Train.Interactions.ByUser;
        var history = query.History.Span;
        var values = query.Values.Span;
        var userCount = Train.UserCount;
        var k = Math.Min(Options.Neighbors, userCount);
        var own = ArrayPool<float>.Shared.Rent(history.Length);
        var sims = ArrayPool<float>.Shared.Rent(userCount);
        var selected = ArrayPool<int>.Shared.Rent(k);
        var top = ArrayPool<float>.Shared.Rent(k);
        try
        {
            var ownSpan = own.AsSpan(0, history.Length);
            if (values.Length == history.Length)
                _weights!.Apply(history, values, ownSpan, ownSpan);
            else
                ownSpan.Fill(1f);
            var simSpan = sims.AsSpan(0, userCount);
            simSpan.Clear();
            for (var h = 0; h < history.Length; h++)
            {
                var i = history[h];
                if ((uint)i >= (uint)itemUsers.RowCount)
                    continue;
                var users = itemUsers.RowIndices(i);
                var w = itemUsers.RowValues(i);
                for (var p = 0; p < users.Length; p++)
                    simSpan[users[p]] += ownSpan[h] * w[p];
            }
            // Untouched users, non-positive similarities and the query's own training row are not neighbours.
            for (var v = 0; v < simSpan.Length; v++)
                if (!(simSpan[v] > 0))
                    simSpan[v] = float.NaN;
            if ((uint)query.User < (uint)userCount)
                simSpan[query.User] = float.NaN;
            var count = TopN.Select(simSpan, selected.AsSpan(0, k), top.AsSpan(0, k));
            for (var s = 0; s < count; s++)
            {
                var v = selected[s];
                var items = byUser.RowIndices(v);
                var x = byUser.RowValues(v);
                for (var p = 0; p < items.Length; p++)
                    scores[items[p]] += top[s] * x[p];
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(own);
            ArrayPool<float>.Shared.Return(sims);
            ArrayPool<int>.Shared.Return(selected);
            ArrayPool<float>.Shared.Return(top);
        }
    }
}
