using System.Buffers;
using System.Diagnostics;
using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Alternating least squares for implicit feedback (Hu, Koren and Volinsky 2008): minimizes
/// <c>Σ_u,i c_ui·(p_ui − x_u·y_i)² + λ·(Σ‖x_u‖² + Σ‖y_i‖²)</c> over all user-item pairs, with preference
/// <c>p_ui = 1</c> and confidence <c>c_ui = 1 + α·r_ui</c> for an observed interaction and <c>p = 0, c = 1</c> otherwise.
/// Each row is solved by conjugate gradient as in Takács et al. (2011) and the implicit library, or exactly.
/// Score: <c>x_u·y_i</c>.
/// </summary>
/// <remarks>
/// Per half-sweep, <c>G = YᵀY + λI</c> is computed once (blocked, in parallel), so a row costs O(k² + n_u·k) with CG.
/// Factors start uniform in [0, 0.01) from the fit seed (as implicit). A query whose user has no training data but
/// carries a history is folded in: one exact least-squares solve with the item factors fixed, so cold and
/// onboarding users are served without refitting; with neither, every score is NaN.
/// </remarks>
public sealed class ImplicitAls(ImplicitAlsOptions options) : Recommender<ImplicitAlsOptions>(options), IBlockScorer, IBlockRanker
{
    private const float InitScale = 0.01f;
    private const string DivergenceHint = "Try a larger Regularization or a smaller Alpha.";
    private FactorMatrix _users = null!;
    private FactorMatrix _items = null!;
    private float[] _itemGram = [];
    private NormOrderedItems? _byNorm;

    /// <summary>Creates it with default options.</summary>
    public ImplicitAls() : this(new ImplicitAlsOptions()) { }

    /// <inheritdoc/>
    public override string Name => "implicit-als";

    /// <inheritdoc/>
    public override FeedbackKinds Accepts => FeedbackKinds.Implicit;

    /// <summary>The learned factors of a user (length <see cref="ImplicitAlsOptions.Factors"/>; zero without training data).</summary>
    public ReadOnlySpan<float> UserFactors(int user) => _users[user];

    /// <summary>The learned factors of an item (length <see cref="ImplicitAlsOptions.Factors"/>; zero without training data).</summary>
    public ReadOnlySpan<float> ItemFactors(int item) => _items[item];

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var k = Options.Factors;
        var parallel = context.ParallelOptions;
        var byUser = train.Interactions.ByUser;
        var byItem = train.Interactions.ByItem;
        var users = new FactorMatrix(train.UserCount, k);
        var items = new FactorMatrix(train.ItemCount, k);
        users.FillUniform(Seeds.Derive(context.Seed, "users"), 0, InitScale, parallel);
        items.FillUniform(Seeds.Derive(context.Seed, "items"), 0, InitScale, parallel);
        var gram = new float[k * k];
        var stopwatch = Stopwatch.StartNew();
        for (var iteration = 1; iteration <= Options.Iterations; iteration++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Gram.Compute(items, gram, Options.Regularization, parallel);
            Sweep(byUser, users, items, gram, "user", iteration, parallel);
            Gram.Compute(users, gram, Options.Regularization, parallel);
            Sweep(byItem, items, users, gram, "item", iteration, parallel);
            TrainingDivergedException.ThrowIfNotFinite(Name, "iteration", iteration, "user", users.Data, DivergenceHint);
            TrainingDivergedException.ThrowIfNotFinite(Name, "iteration", iteration, "item", items.Data, DivergenceHint);
            context.Progress?.Report(new FitProgress("iteration", iteration, Options.Iterations, null, stopwatch.Elapsed));
        }
        Gram.Compute(items, gram, Options.Regularization, parallel);
        _users = users;
        _items = items;
        _itemGram = gram;
        _byNorm = null;
    }

    /// <summary>One half-sweep: every row of <paramref name="target"/> (users or items, named by <paramref name="side"/>) re-solved with <paramref name="other"/> fixed, <paramref name="gram"/> being <c>YᵀY + λI</c> of <paramref name="other"/>.</summary>
    internal void Sweep(CsrMatrix matrix, FactorMatrix target, FactorMatrix other, float[] gram, string side, int iteration, ParallelOptions parallel)
    {
        var k = Options.Factors;
        var alpha = Options.Alpha;
        var steps = Options.CgSteps;
        if (Options.Solver == AlsSolver.Cg)
        {
            RowSweep.ForEachRow(matrix.RowCount, 3 * k, parallel, (row, scratch) =>
            {
                var x = target[row];
                if (matrix.RowLength(row) == 0)
                    x.Clear();
                else
                    ConjugateGradient.Solve(gram, other, matrix.RowIndices(row), matrix.RowValues(row), alpha, x, steps, scratch);
                return true;
            });
            return;
        }
        var longest = 0;
        for (var r = 0; r < matrix.RowCount; r++)
            longest = Math.Max(longest, matrix.RowLength(r));
        var failed = RowSweep.ForEachRow(matrix.RowCount, k * k + longest, parallel, (row, scratch) =>
        {
            var x = target[row];
            if (matrix.RowLength(row) != 0)
                return LeastSquares.SolveImplicit(gram, other, matrix.RowIndices(row), matrix.RowValues(row), alpha, x,
                    scratch.AsSpan(0, k * k), scratch.AsSpan(k * k));
            x.Clear();
            return true;
        });
        if (failed >= 0)
            throw new TrainingDivergedException(Name, "iteration", iteration, $"the least-squares system of {side} {failed} is not positive definite", DivergenceHint);
    }

    /// <inheritdoc/>
    public bool TryScoreUsers(ReadOnlySpan<int> users, Span<float> scores)
    {
        if (!AreKnownUsers(users))
            return false;
        _items.ScoreMany(_users, users, [], [], scores);
        return true;
    }

    /// <inheritdoc/>
    /// <remarks>The first call orders a copy of the item factors by norm (the size of the item factors again).</remarks>
    public bool TryRankUsers(ReadOnlySpan<int> users, ReadOnlySpan<int> excludeStarts, ReadOnlySpan<int> excluded,
        Span<int> items, Span<float> scores, Span<int> counts)
    {
        if (!AreKnownUsers(users))
            return false;
        var byNorm = LazyInitializer.EnsureInitialized(ref _byNorm, () => new NormOrderedItems(_items));
        byNorm.Rank(_users, users, excludeStarts, excluded, items, scores, counts);
        return true;
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        if (IsKnownUser(query.User))
        {
            _items.Score(_users.Row(query.User), [], 0f, scores);
            return;
        }
        if (query.HistoryLength == 0)
        {
            scores.Fill(float.NaN);
            return;
        }
        var k = Options.Factors;
        var stride = _items.Stride;
        var scratch = ArrayPool<float>.Shared.Rent(stride + k * k + query.HistoryLength);
        try
        {
            // The padded user row: the solve writes the first k floats, the rest stays zero.
            var x = scratch.AsSpan(0, stride);
            x.Clear();
            if (!FoldIn(query.History.Span, query.Values.Span, x[..k], scratch.AsSpan(stride, k * k), scratch.AsSpan(stride + k * k)))
            {
                scores.Fill(float.NaN);
                return;
            }
            _items.Score(x, [], 0f, scores);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// The user vector for a history the model did not train on (items outside the catalogue are ignored):
    /// one exact least-squares solve with the item factors fixed, as implicit's <c>recalculate_user</c>.
    /// </summary>
    /// <returns>The user's factors (length <see cref="ImplicitAlsOptions.Factors"/>).</returns>
    public float[] FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        var k = Options.Factors;
        var x = new float[k];
        if (!FoldIn(items, values, x, new float[k * k], new float[items.Length]))
            throw new ArithmeticException($"{Name}: the fold-in system is not positive definite; use Regularization > 0.");
        return x;
    }

    private bool FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> x, Span<float> matrix, Span<float> weights)
    {
        if (_itemGram.Length == 0)
            throw new InvalidOperationException($"{Name} is not fitted; call Fit first.");
        var itemCount = _items.Rows;
        var (known, knownValues) = FoldInHistory.Known(items, values, i => (uint)i < (uint)itemCount, valuesRequired: false);
        return LeastSquares.SolveImplicit(_itemGram, _items, known, knownValues, Options.Alpha, x, matrix, weights);
    }
}
