using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Optimization;
using RecLab.Data;
using RecLab.Evaluation.Metrics;
using RecLab.Randomness;

namespace RecLab.Recommenders.Content;

/// <summary>
/// Logistic-regression click model, <c>P(click | u, i, k) = σ(θᵀφ(u, i, k))</c>, with φ the hashed features (Weinberger
/// et al. 2009) of the user (feature categories such as age band), the item (its features, L2-normalized, and its id),
/// their crosses (each user category x each item feature of <see cref="ClickModelOptions.CrossFields"/>, e.g. topic x
/// age band) and the context (slate position k). θ minimizes the summed log-loss plus <c>λ/2 |θ|²</c> by L-BFGS
/// (MathNet) on the training set's impressions (shown, clicked or not); without an impression log, every interaction
/// is a click and sampled unobserved items are non-clicks.
/// </summary>
/// <remarks>
/// As a recommender it ranks by predicted click-through at the top slot; it serves cold users from their features and
/// new items from theirs (an untrained id weight is 0). <see cref="Evaluate"/> gives log-loss and AUC on held-out
/// impressions. The gradient is summed over a fixed partition of the rows in a fixed order, so the fit does not depend
/// on the thread count.
/// </remarks>
public sealed class ClickModel(ClickModelOptions options) : Recommender<ClickModelOptions>(options)
{
    private const int Partitions = 8;
    private const int MaxPosition = 31;
    private const ulong BiasKey = 1, ItemFeatureKey = 2, ItemIdKey = 3, UserKey = 4, CrossKey = 5, UserCrossKey = 6, PositionKey = 7;

    private float[] _weights = [];
    private int _mask;
    // Hashed indices, computed once: the item part (features and id) per item, the cross features per item with one
    // hashed copy per user category, each category's own index, and one per position.
    private CsrMatrix _itemPart = null!;
    private CsrMatrix _crossFeatures = null!;
    private int[][] _crossHashed = [];
    private int[] _categoryHashed = [];
    private int[][] _userCategories = [];
    private int[] _positionHashed = [];
    private int _bias;
    private int _maxFeatures;

    /// <summary>Creates it with default options.</summary>
    public ClickModel() : this(new ClickModelOptions()) { }

    /// <inheritdoc/>
    public override string Name => "click-model";

    /// <summary>L-BFGS iterations of the last fit.</summary>
    public int IterationsRun { get; private set; }

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var o = Options;
        _mask = (1 << o.HashBits) - 1;
        var features = FeatureFields.Require(train, Name);
        Prepare(train, FeatureFields.Select(features, o.Fields, Name).Normalized().Matrix, CrossFeatures(features, o.CrossFields));
        var rows = Rows(train, context.Seed);
        _weights = new float[_mask + 1];
        Optimize(rows, context);
    }

    /// <summary>Click probability of showing <paramref name="item"/> to <paramref name="user"/> (-1 = anonymous) at <paramref name="position"/>.</summary>
    public float Predict(int user, int item, int position = 0)
    {
        Span<int> idx = stackalloc int[_maxFeatures];
        Span<float> val = stackalloc float[_maxFeatures];
        var n = Features(user, item, position, idx, val);
        var margin = 0f;
        for (var k = 0; k < n; k++)
            margin += _weights[idx[k]] * val[k];
        return 1f / (1f + MathF.Exp(-margin));
    }

    /// <summary>Log-loss and AUC of the predicted click probabilities on logged impressions (e.g. held-out users').</summary>
    public ClickModelReport Evaluate(ImpressionLog impressions)
    {
        ArgumentNullException.ThrowIfNull(impressions);
        if (impressions.Items.Count != ItemCount)
            throw new ArgumentException("The impressions must use the training data's item id map.", nameof(impressions));
        var predicted = new float[impressions.Count];
        var users = impressions.UserColumn;
        var items = impressions.ItemColumn;
        var positions = impressions.Positions;
        for (var r = 0; r < predicted.Length; r++)
            predicted[r] = Predict(users[r], items[r], Options.Position ? positions[r] : 0);
        var clicked = impressions.Clicked;
        return new ClickModelReport(impressions.Count, impressions.ClickCount,
            BinaryClassification.LogLoss(predicted, clicked), BinaryClassification.Auc(predicted, clicked));
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        for (var i = 0; i < scores.Length; i++)
            scores[i] = Predict(query.User, i, 0);
    }

    private readonly record struct TrainingRows(int[] Users, int[] Items, int[] Positions, bool[] Clicked);

    /// <summary>The impressions, or every interaction as a click plus sampled unobserved items as non-clicks.</summary>
    private TrainingRows Rows(TrainingSet train, ulong seed)
    {
        if (train.Impressions is { Count: > 0 } log)
            return new TrainingRows(log.UserColumn.ToArray(), log.ItemColumn.ToArray(), log.Positions.ToArray(), log.Clicked.ToArray());
        var data = train.Interactions;
        var negatives = Options.Negatives;
        var n = data.Count * (1 + negatives);
        var rows = new TrainingRows(new int[n], new int[n], new int[n], new bool[n]);
        var rng = Seeds.Stream(seed, Seeds.Hash("click-model/negatives"));
        var at = 0;
        for (var u = 0; u < data.UserCount; u++)
        {
            var seen = data.ByUser.RowIndices(u);
            foreach (var i in seen)
            {
                (rows.Users[at], rows.Items[at], rows.Clicked[at]) = (u, i, true);
                at++;
                for (var k = 0; k < negatives; k++)
                {
                    var j = rng.NextInt(data.ItemCount);
                    for (var attempt = 0; attempt < 10 && seen.BinarySearch(j) >= 0; attempt++)
                        j = rng.NextInt(data.ItemCount);
                    (rows.Users[at], rows.Items[at], rows.Clicked[at]) = (u, j, seen.BinarySearch(j) >= 0);
                    at++;
                }
            }
        }
        return rows;
    }

    private void Optimize(TrainingRows rows, FitContext context)
    {
        var o = Options;
        var dimension = _mask + 1;
        var count = rows.Users.Length;
        var partials = new double[Partitions][];
        var losses = new double[Partitions];
        var best = (Value: double.PositiveInfinity, Point: (double[]?)null);
        (double, Vector<double>) Objective(Vector<double> point)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var theta = ((DenseVector)point).Values;
            Parallel.For(0, Partitions, context.ParallelOptions, part =>
            {
                var gradient = partials[part] ??= new double[dimension];
                Array.Clear(gradient);
                Span<int> idx = stackalloc int[_maxFeatures];
                Span<float> val = stackalloc float[_maxFeatures];
                var loss = 0.0;
                var end = (int)((long)count * (part + 1) / Partitions);
                for (var r = (int)((long)count * part / Partitions); r < end; r++)
                {
                    var n = Features(rows.Users[r], rows.Items[r], o.Position ? rows.Positions[r] : 0, idx, val);
                    var margin = 0.0;
                    for (var k = 0; k < n; k++)
                        margin += theta[idx[k]] * val[k];
                    var y = rows.Clicked[r];
                    // log(1 + e^-m) for a click, log(1 + e^m) otherwise, computed without overflow.
                    var z = y ? -margin : margin;
                    loss += z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
                    var residual = 1 / (1 + Math.Exp(-margin)) - (y ? 1 : 0);
                    for (var k = 0; k < n; k++)
                        gradient[idx[k]] += residual * val[k];
                }
                losses[part] = loss;
            });
            var total = 0.0;
            var result = new double[dimension];
            for (var part = 0; part < Partitions; part++)
            {
                total += losses[part];
                var g = partials[part];
                for (var j = 0; j < dimension; j++)
                    result[j] += g[j];
            }
            for (var j = 0; j < dimension; j++)
            {
                total += 0.5 * o.Regularization * theta[j] * theta[j];
                result[j] += o.Regularization * theta[j];
            }
            if (total < best.Value)
                best = (total, (double[])theta.Clone());
            return (total, new DenseVector(result));
        }

        var start = new DenseVector(dimension);
        // Start at the logit of the overall click rate, so the first steps learn the differences.
        var clicks = rows.Clicked.Count(c => c);
        if (count > 0)
            start[_bias] = Math.Log(Math.Max(clicks, 1) / (double)Math.Max(count - clicks, 1));
        // MathNet scales the gradient test by the objective and the function test is relative: tight tolerances, so the
        // iteration limit is what usually stops it on large logs.
        var minimizer = new LimitedMemoryBfgsMinimizer(1e-7, 1e-9, 1e-9, 7, o.Iterations);
        try
        {
            var result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Objective), start);
            IterationsRun = result.Iterations;
            Copy(((DenseVector)result.MinimizingPoint).Values);
        }
        catch (MaximumIterationsException)
        {
            // Stopped at the iteration limit: keep the best point evaluated.
            IterationsRun = o.Iterations;
            Copy(best.Point ?? start.Values);
        }
        if (!Internal.Kernels.Dense.AllFinite(_weights))
            throw new InvalidOperationException($"{Name}: L-BFGS left non-finite weights after {IterationsRun} iterations; raise Regularization (it is {o.Regularization}).");
        context.Progress?.Report(new FitProgress("l-bfgs", IterationsRun, o.Iterations, best.Value, TimeSpan.Zero));
    }

    private void Copy(double[] theta)
    {
        for (var j = 0; j < _weights.Length; j++)
            _weights[j] = (float)theta[j];
    }

    private int Hash(ulong kind, ulong a, ulong b = 0) => (int)(Seeds.Derive(kind, a, b) & (ulong)_mask);

    /// <summary>Hashes every feature once: the rows' features are then array lookups.</summary>
    private void Prepare(TrainingSet train, CsrMatrix itemFeatures, CsrMatrix crossFeatures)
    {
        var itemCount = train.ItemCount;
        var offsets = new int[itemCount + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < itemCount; i++)
        {
            var fi = itemFeatures.RowIndices(i);
            var fv = itemFeatures.RowValues(i);
            for (var k = 0; k < fi.Length; k++)
            {
                indices.Add(Hash(ItemFeatureKey, (ulong)fi[k]));
                values.Add(fv[k]);
            }
            if (Options.ItemIds)
            {
                indices.Add(Hash(ItemIdKey, (ulong)i));
                values.Add(1);
            }
            offsets[i + 1] = indices.Count;
        }
        _itemPart = new CsrMatrix(itemCount, _mask + 1, offsets, [.. indices], [.. values]);
        _crossFeatures = crossFeatures;

        // User categories: ordinal = the field's first ordinal + the category code.
        var features = train.UserFeatures;
        var categories = new List<int>();
        var fieldStart = new int[features?.Fields.Count ?? 0];
        for (var f = 0; f < fieldStart.Length; f++)
        {
            fieldStart[f] = categories.Count;
            for (var c = 0; c < features!.Categories(f).Count; c++)
                categories.Add(f * 1_000_000 + c);
        }
        _categoryHashed = categories.Select(key => Hash(UserKey, (ulong)key)).ToArray();
        _crossHashed = categories.Select(key =>
        {
            var crossIdx = crossFeatures.Indices;
            var hashed = new int[crossIdx.Length];
            for (var k = 0; k < hashed.Length; k++)
                hashed[k] = Hash(CrossKey, (ulong)key, (ulong)crossIdx[k]);
            return hashed;
        }).ToArray();
        _userCategories = new int[train.UserCount][];
        for (var u = 0; u < _userCategories.Length; u++)
        {
            var list = new List<int>();
            for (var f = 0; f < fieldStart.Length; f++)
                if (features!.ValueOf(f, u) is var code and >= 0)
                    list.Add(fieldStart[f] + code);
            _userCategories[u] = [.. list];
        }
        _positionHashed = Enumerable.Range(0, MaxPosition + 1).Select(k => Hash(PositionKey, (ulong)k)).ToArray();
        _bias = Hash(BiasKey, 0);

        int maxItem = 0, maxCross = 0, maxCategories = 0;
        for (var i = 0; i < itemCount; i++)
        {
            maxItem = Math.Max(maxItem, _itemPart.RowLength(i));
            maxCross = Math.Max(maxCross, crossFeatures.RowLength(i));
        }
        foreach (var c in _userCategories)
            maxCategories = Math.Max(maxCategories, c.Length);
        _maxFeatures = 2 + maxItem + maxCategories * (1 + maxCross) + maxCross;
    }

    /// <summary>Writes φ(u, i, k) as (hashed index, value) pairs; returns how many.</summary>
    private int Features(int user, int item, int position, Span<int> idx, Span<float> val)
    {
        var n = 0;
        idx[n] = _bias;
        val[n++] = 1;
        var pi = _itemPart.RowIndices(item);
        pi.CopyTo(idx[n..]);
        _itemPart.RowValues(item).CopyTo(val[n..]);
        n += pi.Length;
        var start = _crossFeatures.Offsets[item];
        var cv = _crossFeatures.RowValues(item);
        if ((uint)user < (uint)_userCategories.Length)
        {
            foreach (var c in _userCategories[user])
            {
                idx[n] = _categoryHashed[c];
                val[n++] = 1;
                _crossHashed[c].AsSpan(start, cv.Length).CopyTo(idx[n..]);
                cv.CopyTo(val[n..]);
                n += cv.Length;
            }
            if (Options.UserCrosses)
            {
                var ci = _crossFeatures.RowIndices(item);
                for (var k = 0; k < ci.Length; k++)
                {
                    idx[n] = Hash(UserCrossKey, (ulong)user, (ulong)ci[k]);
                    val[n++] = cv[k];
                }
            }
        }
        if (Options.Position)
        {
            idx[n] = _positionHashed[Math.Min(position, MaxPosition)];
            val[n++] = 1;
        }
        return n;
    }

    /// <summary>The item features of the cross fields that the data has (none when it has none of them).</summary>
    private static CsrMatrix CrossFeatures(ItemFeatures features, IReadOnlyList<string> fields)
    {
        var present = features.FieldCounts().Select(f => f.Key).Intersect(fields).ToArray();
        var selected = features.OnlyFields(present).Normalized();
        // Keys of the full vocabulary, so cross features never collide with each other across fields.
        var names = selected.Features;
        var offsets = selected.Matrix.Offsets.ToArray();
        var indices = selected.Matrix.Indices.ToArray();
        for (var k = 0; k < indices.Length; k++)
            indices[k] = features.Features.IndexOf(names[indices[k]]);
        return new CsrMatrix(selected.Matrix.RowCount, features.FeatureCount, offsets, indices, selected.Matrix.Values.ToArray());
    }
}
