using RecLab.Data;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Recommenders.Learning;

/// <summary>
/// A collaborative score of a user for a creator, <c>x_u·y_c</c>, a shift of the click's log-odds learned from the
/// impression log's outcomes rather than from clicks alone. Each impression at slot k has the log's click rate there,
/// <c>μ_k</c>, as its baseline; <c>x_u·y_c</c> is fitted to the residuals <c>click − μ_k</c> by the first Newton step
/// of a logistic model from that baseline, a least squares weighted by <c>μ_k</c>:
/// <c>(Σ μ_k y_c y_cᵀ + λI) x_u = Σ (click − μ_k) y_c</c>, and alike for each creator, alternated over the user x
/// creator cells. An impression shown and ignored counts against a taste as a click counts for it, so the score
/// carries the user's taste for creators beyond whom the feed happened to show.
/// </summary>
/// <remarks>
/// Neither side of the product holds the row's own click. The user's side is solved from the user's impressions
/// counted so far (the sweep of <see cref="ClickHistory"/> feeds them strictly before each row's time), with the
/// creator factors fixed. The creator side is cross-fitted when <c>folds</c> &gt; 1 (as out-of-fold target encoding
/// is): users are split into folds (user <c>u</c> in fold <c>u mod folds</c>) and a user is scored with creator factors
/// fitted on the other folds only. Scoring after training uses one fit on every user. The product does not depend on
/// how a fit rotates its factor space, since a user's factors are always solved against the fit that scores them.
/// </remarks>
internal sealed class CreatorTaste
{
    private const int Iterations = 10;
    private const float Lambda = 1f;
    private const int Slots = 32;

    private readonly FactorMatrix[] _creators;
    private readonly float[] _slotRate;
    private readonly int _k;
    private readonly float[] _gram;
    private readonly float[] _target;
    private readonly float[] _user;
    private readonly bool[] _stale;

    private readonly int _users;

    // A fit holds no sweep state (k² + 2k floats per user); each sweep, from Restart, has its own.
    private CreatorTaste(FactorMatrix[] creators, float[] slotRate, int users, bool sweep)
    {
        _creators = creators;
        _slotRate = slotRate;
        _k = creators[0].Factors;
        _users = users;
        var n = sweep ? users : 0;
        _gram = new float[(long)n * _k * _k];
        _target = new float[(long)n * _k];
        _user = new float[(long)n * _k];
        _stale = new bool[n];
    }

    /// <summary>
    /// Fits creator factors on <paramref name="log"/>: one fit on every user, or one per fold of users on the users outside
    /// it. Impressions are counted and scored on a sweep of the fit, from <see cref="Restart"/>.
    /// </summary>
    public static CreatorTaste Fit(ImpressionLog log, int users, CreatorLinks creators, int factors, int folds, ulong seed, CancellationToken ct)
    {
        var slotRate = SlotRates(log);
        // Cells (user, creator): summed baseline rates (the weight) and summed residuals.
        var cells = new Dictionary<long, (float Weight, float Residual)>();
        for (var r = 0; r < log.Count; r++)
            if (creators.CreatorOf(log.ItemColumn[r]) is var c and >= 0)
            {
                var key = (long)log.UserColumn[r] * creators.Count + c;
                var (n, z) = cells.GetValueOrDefault(key);
                var rate = slotRate[Math.Min(log.Positions[r], Slots - 1)];
                cells[key] = (n + rate, z + (log.Clicked[r] ? 1 : 0) - rate);
            }
        var keys = cells.Keys.ToArray();
        Array.Sort(keys);
        var cellUser = new int[keys.Length];
        var cellCreator = new int[keys.Length];
        var weight = new float[keys.Length];
        var mean = new float[keys.Length];
        for (var j = 0; j < keys.Length; j++)
        {
            (cellUser[j], cellCreator[j]) = ((int)(keys[j] / creators.Count), (int)(keys[j] % creators.Count));
            var (n, z) = cells[keys[j]];
            (weight[j], mean[j]) = (n, z / n);
        }
        var fits = new FactorMatrix[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            ct.ThrowIfCancellationRequested();
            var rng = Seeds.Stream(seed, Seeds.Hash("creator-taste/" + fold));
            var y = new FactorMatrix(creators.Count, factors);
            for (var c = 0; c < creators.Count; c++)
                for (var f = 0; f < factors; f++)
                    y[c][f] = (float)(0.1 * rng.NextGaussian());
            var x = new FactorMatrix(users, factors);
            bool Kept(int j) => folds == 1 || cellUser[j] % folds != fold;
            for (var it = 0; it < Iterations; it++)
            {
                Solve(x, y, cellUser, cellCreator, weight, mean, Kept);
                Solve(y, x, cellCreator, cellUser, weight, mean, Kept);
            }
            fits[fold] = y;
        }
        return new CreatorTaste(fits, slotRate, users, sweep: false);
    }

    /// <summary>The log's click rate at each slot (the last slot standing for every deeper one).</summary>
    private static float[] SlotRates(ImpressionLog log)
    {
        var shown = new float[Slots];
        var taken = new float[Slots];
        for (var r = 0; r < log.Count; r++)
        {
            var k = Math.Min(log.Positions[r], Slots - 1);
            shown[k]++;
            taken[k] += log.Clicked[r] ? 1 : 0;
        }
        var rates = new float[Slots];
        for (var k = 0; k < Slots; k++)
            rates[k] = shown[k] > 0 ? taken[k] / shown[k] : 0;
        return rates;
    }

    /// <summary>One half-sweep: every row of <paramref name="target"/> re-solved from its cells with <paramref name="other"/> fixed.</summary>
    private static void Solve(FactorMatrix target, FactorMatrix other, int[] rowOf, int[] columnOf, float[] weight, float[] mean, Func<int, bool> kept)
    {
        var k = target.Factors;
        var gram = new float[(long)target.Rows * k * k];
        var rhs = new float[(long)target.Rows * k];
        for (var j = 0; j < rowOf.Length; j++)
        {
            if (!kept(j))
                continue;
            var v = other[columnOf[j]];
            var a = gram.AsSpan(rowOf[j] * k * k, k * k);
            for (var p = 0; p < k; p++)
                Dense.Axpy(weight[j] * v[p], v, a.Slice(p * k, k));
            Dense.Axpy(weight[j] * mean[j], v, rhs.AsSpan(rowOf[j] * k, k));
        }
        for (var r = 0; r < target.Rows; r++)
        {
            var a = gram.AsSpan(r * k * k, k * k);
            for (var p = 0; p < k; p++)
                a[p * k + p] += Lambda;
            var b = rhs.AsSpan(r * k, k);
            if (!Cholesky.FactorAndSolve(a, k, b))
                b.Clear();
            b.CopyTo(target[r]);
        }
    }

    /// <summary>A fresh sweep over the same fits: no impressions counted yet.</summary>
    public CreatorTaste Restart() => new(_creators, _slotRate, _users, sweep: true);

    /// <summary>Counts an impression of <paramref name="creator"/>'s item to <paramref name="user"/> at <paramref name="position"/>, clicked or not.</summary>
    public void Show(int user, int creator, int position, bool clicked)
    {
        var k = _k;
        var y = CreatorsFor(user)[creator];
        var a = _gram.AsSpan(user * k * k, k * k);
        var rate = _slotRate[Math.Min(position, Slots - 1)];
        for (var p = 0; p < k; p++)
            Dense.Axpy(rate * y[p], y, a.Slice(p * k, k));
        Dense.Axpy((clicked ? 1 : 0) - rate, y, _target.AsSpan(user * k, k));
        _stale[user] = true;
    }

    /// <summary>The score <c>x_u·y_c</c> from the impressions counted so far (0 for a user without any).</summary>
    public float Score(int user, int creator)
    {
        if ((uint)user >= (uint)_stale.Length)
            return _stale.Length == 0 && _users > 0 ? throw new InvalidOperationException("score on a sweep of the fit (Restart())") : 0;
        var k = _k;
        var x = _user.AsSpan(user * k, k);
        if (_stale[user])
        {
            Span<float> a = stackalloc float[k * k];
            _gram.AsSpan(user * k * k, k * k).CopyTo(a);
            for (var p = 0; p < k; p++)
                a[p * k + p] += Lambda;
            _target.AsSpan(user * k, k).CopyTo(x);
            if (!Cholesky.FactorAndSolve(a, k, x))
                x.Clear();
            _stale[user] = false;
        }
        return Dense.Dot(x, CreatorsFor(user)[creator]);
    }

    /// <summary>Solves every user whose impressions changed since their last solve, so that scoring afterwards only reads (and is thread-safe).</summary>
    public void SolveAll()
    {
        for (var u = 0; u < _stale.Length; u++)
            if (_stale[u])
                Score(u, 0);
    }

    private FactorMatrix CreatorsFor(int user) => _creators[_creators.Length == 1 ? 0 : user % _creators.Length];
}
