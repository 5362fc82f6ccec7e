using System.Buffers;
using System.Diagnostics;
using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;
using RecLab.Recommenders.Baselines;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Biased matrix factorization by alternating least squares, as LensKit's BiasedMF: damped biases are removed first
/// (<c>μ</c>, then <c>b_i = Σ(r − μ)/(n_i + d)</c>, then <c>b_u = Σ(r − μ − b_i)/(n_u + d)</c>), then the residuals are
/// factorized with weighted-λ regularization (Zhou et al. 2008): each user solves
/// <c>(Σ q_i·q_iᵀ + λ·n_u·I)·p_u = Σ (r_ui − μ − b_u − b_i)·q_i</c>, and items likewise.
/// Prediction: <c>r̂ = μ + b_u + b_i + p_u·q_i</c>.
/// </summary>
/// <remarks>
/// Factors start as unit-length Gaussian rows from the fit seed. Rows are solved exactly by Cholesky, in parallel,
/// with results independent of the thread count. A query for a user without training data but with rated items is
/// folded in (bias and factors from those ratings, item side fixed). Progress reports the training RMSE.
/// </remarks>
public sealed class ExplicitAls(ExplicitAlsOptions options) : RatingPredictor<ExplicitAlsOptions>(options), IBlockScorer
{
    private const string DivergenceHint = "Try a larger Regularization.";
    private float _mean;
    private float[] _userBias = [];
    private float[] _itemBias = [];
    private FactorMatrix _users = null!;
    private FactorMatrix _items = null!;

    /// <summary>Creates it with default options.</summary>
    public ExplicitAls() : this(new ExplicitAlsOptions()) { }

    /// <inheritdoc/>
    public override string Name => "als";

    /// <summary>Global mean rating μ.</summary>
    public float GlobalMean => _mean;

    /// <summary>The learned factors of a user (length <see cref="ExplicitAlsOptions.Factors"/>; zero without training data).</summary>
    public ReadOnlySpan<float> UserFactors(int user) => _users[user];

    /// <summary>The learned factors of an item (length <see cref="ExplicitAlsOptions.Factors"/>; zero without training data).</summary>
    public ReadOnlySpan<float> ItemFactors(int item) => _items[item];

    private float UserLambda => Options.UserRegularization ?? Options.Regularization;

    private float ItemLambda => Options.ItemRegularization ?? Options.Regularization;

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var k = Options.Factors;
        var parallel = context.ParallelOptions;
        var byUser = train.Interactions.ByUser;
        var byItem = train.Interactions.ByItem;
        var (mean, userBias, itemBias) = Biases(train.Interactions, Options.Damping, context.CancellationToken);
        var userTargets = Residuals(byUser, mean, userBias, itemBias);
        var itemTargets = Residuals(byItem, mean, itemBias, userBias);
        var users = new FactorMatrix(train.UserCount, k);
        var items = new FactorMatrix(train.ItemCount, k);
        users.FillUnitGaussianRows(Seeds.Derive(context.Seed, "users"), parallel);
        items.FillUnitGaussianRows(Seeds.Derive(context.Seed, "items"), parallel);
        var stopwatch = Stopwatch.StartNew();
        for (var iteration = 1; iteration <= Options.Iterations; iteration++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Sweep(byUser, userTargets, users, items, UserLambda, "user", iteration, parallel);
            Sweep(byItem, itemTargets, items, users, ItemLambda, "item", iteration, parallel);
            TrainingDivergedException.ThrowIfNotFinite(Name, "iteration", iteration, "user", users.Data, DivergenceHint);
            TrainingDivergedException.ThrowIfNotFinite(Name, "iteration", iteration, "item", items.Data, DivergenceHint);
            var rmse = TrainingRmse(byUser, userTargets, users, items, parallel);
            if (!double.IsFinite(rmse))
                throw new TrainingDivergedException(Name, "iteration", iteration, "the training error is not a finite number", DivergenceHint);
            context.Progress?.Report(new FitProgress("iteration", iteration, Options.Iterations, rmse, stopwatch.Elapsed));
        }
        _mean = mean;
        _userBias = userBias;
        _itemBias = itemBias;
        _users = users;
        _items = items;
    }

    // LensKit's damped biases are one epoch of the bias baseline's ALS from zero; rows without data get 0.
    private static (float Mean, float[] UserBias, float[] ItemBias) Biases(InteractionData data, float damping, CancellationToken ct)
    {
        var biases = BiasFitter.Als(data, 1, damping, damping, ct);
        static float[] ToFloat(double[] values) => Array.ConvertAll(values, v => double.IsFinite(v) ? (float)v : 0f);
        return ((float)biases.Mean, ToFloat(biases.User), ToFloat(biases.Item));
    }

    // Ratings minus μ and both biases, aligned with the matrix's stored values.
    private static float[] Residuals(CsrMatrix matrix, float mean, float[] rowBias, float[] columnBias)
    {
        var targets = new float[matrix.NonZeroCount];
        var offsets = matrix.Offsets;
        for (var r = 0; r < matrix.RowCount; r++)
        {
            var columns = matrix.RowIndices(r);
            var values = matrix.RowValues(r);
            for (var n = 0; n < columns.Length; n++)
                targets[offsets[r] + n] = values[n] - mean - rowBias[r] - columnBias[columns[n]];
        }
        return targets;
    }

    // One half-sweep: every row of `target` (users or items, named by `side`) re-solved with `other` fixed.
    private void Sweep(CsrMatrix matrix, float[] targets, FactorMatrix target, FactorMatrix other, float lambda, string side, int iteration, ParallelOptions parallel)
    {
        var k = Options.Factors;
        var failed = RowSweep.ForEachRow(matrix.RowCount, k * k, parallel, (row, scratch) =>
        {
            var x = target[row];
            var length = matrix.RowLength(row);
            if (length != 0)
                return LeastSquares.SolveExplicit(other, matrix.RowIndices(row), targets.AsSpan(matrix.Offsets[row], length), lambda, x, scratch);
            x.Clear();
            return true;
        });
        if (failed >= 0)
            throw new TrainingDivergedException(Name, "iteration", iteration, $"the least-squares system of {side} {failed} is not positive definite", "Use Regularization > 0.");
    }

    private static double TrainingRmse(CsrMatrix byUser, float[] targets, FactorMatrix users, FactorMatrix items, ParallelOptions parallel)
    {
        var perUser = new double[byUser.RowCount];
        Parallel.For(0, byUser.RowCount, parallel, u =>
        {
            var x = users[u];
            var columns = byUser.RowIndices(u);
            var offset = byUser.Offsets[u];
            double s = 0;
            for (var n = 0; n < columns.Length; n++)
            {
                var e = targets[offset + n] - Dense.Dot(x, items[columns[n]]);
                s += e * e;
            }
            perUser[u] = s;
        });
        double total = 0;
        foreach (var s in perUser)
            total += s;
        return byUser.NonZeroCount == 0 ? 0 : Math.Sqrt(total / byUser.NonZeroCount);
    }

    /// <inheritdoc/>
    protected override float Estimate(int user, int item)
    {
        var estimate = _mean;
        var knownItem = (uint)item < (uint)_itemBias.Length;
        if (knownItem)
            estimate += _itemBias[item];
        if ((uint)user < (uint)_userBias.Length)
        {
            estimate += _userBias[user];
            if (knownItem)
                estimate += Dense.Dot(_users[user], _items[item]);
        }
        return estimate;
    }

    /// <inheritdoc/>
    /// <remarks>The model's own estimate: μ plus the biases (and factors) it has, as LensKit's BiasedMF answers an unknown user or item.</remarks>
    protected override float DefaultEstimate(int user, int item) => Estimate(user, item);

    /// <inheritdoc/>
    public bool TryScoreUsers(ReadOnlySpan<int> users, Span<float> scores)
    {
        if (!AreKnownUsers(users))
            return false;
        var constants = new float[users.Length];
        for (var k = 0; k < users.Length; k++)
            constants[k] = _mean + _userBias[users[k]];
        _items.ScoreMany(_users, users, _itemBias, constants, scores);
        return true;
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        if (IsKnownUser(query.User))
        {
            _items.Score(_users.Row(query.User), _itemBias, _mean + _userBias[query.User], scores);
            return;
        }
        // A padded row: the fold-in writes the first k floats (all zero for an empty history: biases only).
        var x = new float[_items.Stride];
        var bias = FoldIn(query.History.Span, query.Values.Span, x);
        _items.Score(x, _itemBias, _mean + bias, scores);
    }

    /// <summary>
    /// Bias and factors of a user known only by ratings (items outside the catalogue are ignored), with the item
    /// side fixed: the damped mean deviation, then one weighted-λ least-squares solve.
    /// </summary>
    /// <param name="items">Rated items.</param>
    /// <param name="ratings">Their ratings.</param>
    /// <param name="factors">Receives the user's factors.</param>
    /// <returns>The user's bias.</returns>
    public float FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> factors)
    {
        var k = Options.Factors;
        var itemCount = _itemBias.Length;
        var (columns, targets) = FoldInHistory.Known(items, ratings, i => (uint)i < (uint)itemCount, valuesRequired: true);
        double s = 0;
        for (var n = 0; n < columns.Length; n++)
            s += targets[n] - _mean - _itemBias[columns[n]];
        var bias = columns.Length == 0 ? 0f : (float)(s / (columns.Length + Options.Damping));
        for (var n = 0; n < columns.Length; n++)
            targets[n] = targets[n] - _mean - bias - _itemBias[columns[n]];
        factors[..k].Clear();
        if (columns.Length == 0)
            return bias;
        var matrix = ArrayPool<float>.Shared.Rent(k * k);
        try
        {
            if (!LeastSquares.SolveExplicit(_items, columns, targets, UserLambda, factors, matrix))
                factors[..k].Clear();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(matrix);
        }
        return bias;
    }
}
