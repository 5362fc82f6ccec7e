using MathNet.Numerics.LinearAlgebra;
using RecLab.Data;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Internal.Kernels;
using RecLab.Randomness;
using RecLab.Splitting;

namespace RecLab.Recommenders.Hybrid;

/// <summary>
/// Fits a weighted hybrid's weights: a seeded validation split of the training data (the options' splitter: a per-user
/// holdout, or a cold-user split whose onboarding interactions are the queries' history), the components fitted on its
/// training part, then for a seeded sample of validation users their normalized component scores, and either the grid
/// point with the best mean of a ranking metric or the least-squares fit of relevance.
/// </summary>
internal static class BlendWeightFitter
{
    /// <summary>The weights; <paramref name="metric"/> judges each grid point's top-N lists (<see cref="WeightFitting.Grid"/>).</summary>
    public static float[] Fit(IReadOnlyList<IRecommender> components, TrainingSet train, WeightedHybridOptions o, IRankingMetric metric, FitContext context)
    {
        var seed = Seeds.Derive(context.Seed, "hybrid/validation");
        var fold = o.ValidationSplit.CreateFold(train.Interactions, 0, seed);
        Components.Fit(components, train.WithInteractions(fold.Train), context);
        var users = SampleUsers(fold, o, seed);
        if (users.Length == 0)
            return Uniform(components.Count);
        return o.Fitting == WeightFitting.Grid
            ? GridSearch(components, fold, users, o, metric, context)
            : LeastSquares(components, fold, users, o, seed, context);
    }

    /// <summary>Every weight vector whose entries are multiples of <paramref name="step"/> summing to 1, in lexicographic order.</summary>
    public static List<float[]> Simplex(int k, double step)
    {
        var total = (int)Math.Round(1 / step);
        var points = new List<float[]>();
        var parts = new int[k];
        void Fill(int index, int left)
        {
            if (index == k - 1)
            {
                parts[index] = left;
                points.Add(parts.Select(p => (float)p / total).ToArray());
                return;
            }
            for (var p = left; p >= 0; p--)
            {
                parts[index] = p;
                Fill(index + 1, left - p);
            }
        }
        Fill(0, total);
        return points;
    }

    private static float[] Uniform(int k) => Enumerable.Repeat(1f / k, k).ToArray();

    private static int[] Relevant(Fold fold, int u, float threshold) => ValidationFold.Relevant(fold, u, threshold);

    private static int[] SampleUsers(Fold fold, WeightedHybridOptions o, ulong seed) =>
        ValidationFold.SampleUsers(fold, o.ValidationUsers, o.RelevanceThreshold, seed);

    private static UserQuery QueryFor(Fold fold, int u) => ValidationFold.QueryFor(fold, u);

    /// <summary>Normalized scores of every component for one validation user, history masked (k rows of n).</summary>
    private static float[][] ComponentScores(IReadOnlyList<IRecommender> components, Fold fold, int u, ScoreNormalization normalization)
    {
        var query = QueryFor(fold, u);
        var rows = new float[components.Count][];
        for (var k = 0; k < components.Count; k++)
        {
            rows[k] = new float[fold.Train.ItemCount];
            components[k].Score(query, rows[k]);
            ScoreBlend.Normalize(rows[k], normalization);
            Ranking.Mask(rows[k], query.History.Span);
        }
        return rows;
    }

    private static float[] GridSearch(IReadOnlyList<IRecommender> components, Fold fold, int[] users, WeightedHybridOptions o, IRankingMetric metric, FitContext context)
    {
        var grid = Simplex(components.Count, o.GridStep);
        var perUser = new double[users.Length][];
        var length = Math.Min(metric.N, fold.Train.ItemCount);
        Parallel.For(0, users.Length, context.ParallelOptions,
            () => (Blend: new float[fold.Train.ItemCount], Relevant: new RelevanceSet(fold.Train.ItemCount), Top: new int[length], TopScores: new float[length]),
            (slot, _, s) =>
            {
                var u = users[slot];
                var rows = ComponentScores(components, fold, u, o.Normalization);
                s.Relevant.Reset(Relevant(fold, u, o.RelevanceThreshold));
                var values = perUser[slot] = new double[grid.Count];
                for (var g = 0; g < grid.Count; g++)
                {
                    Blend(rows, grid[g], s.Blend);
                    var n = TopN.Select(s.Blend, s.Top, s.TopScores);
                    values[g] = metric.Measure(s.Top.AsSpan(0, n), s.Relevant);
                }
                return s;
            }, _ => { });
        // Sums in user order, so the choice does not depend on the thread count.
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var g = 0; g < grid.Count; g++)
        {
            var total = 0.0;
            foreach (var values in perUser)
                total += values[g];
            if (total > bestValue)
                (best, bestValue) = (g, total);
        }
        return grid[best];
    }

    private static float[] LeastSquares(IReadOnlyList<IRecommender> components, Fold fold, int[] users, WeightedHybridOptions o, ulong seed, FitContext context)
    {
        var k = components.Count;
        var d = k + 1; // intercept last
        var gram = new double[users.Length][];
        Parallel.For(0, users.Length, context.ParallelOptions, slot =>
        {
            var u = users[slot];
            var rows = ComponentScores(components, fold, u, o.Normalization);
            var g = gram[slot] = new double[d * d + d];
            var x = new double[d];
            void Add(int item, double y)
            {
                for (var c = 0; c < k; c++)
                    x[c] = float.IsNaN(rows[c][item]) ? 0 : rows[c][item];
                x[k] = 1;
                for (var a = 0; a < d; a++)
                {
                    for (var b = 0; b < d; b++)
                        g[a * d + b] += x[a] * x[b];
                    g[d * d + a] += x[a] * y;
                }
            }
            var relevant = Relevant(fold, u, o.RelevanceThreshold);
            foreach (var item in relevant)
                Add(item, 1);
            var rng = Seeds.Stream(seed, (ulong)u);
            var seen = QueryFor(fold, u).History.Span;
            var tested = fold.Test.ByUser.RowIndices(u);
            var itemCount = fold.Train.ItemCount;
            for (var drawn = 0; drawn < o.Negatives && itemCount > seen.Length + tested.Length; )
            {
                var item = rng.NextInt(itemCount);
                if (seen.BinarySearch(item) >= 0 || tested.BinarySearch(item) >= 0)
                    continue;
                Add(item, 0);
                drawn++;
            }
        });
        var sum = new double[d * d + d];
        foreach (var g in gram)
            for (var j = 0; j < sum.Length; j++)
                sum[j] += g[j];
        var a = Matrix<double>.Build.Dense(d, d, (r, c) => sum[r * d + c] + (r == c ? 1e-6 : 0));
        var rhs = Vector<double>.Build.Dense(d, r => sum[d * d + r]);
        var solution = a.Cholesky().Solve(rhs);
        return Enumerable.Range(0, k).Select(c => (float)solution[c]).ToArray();
    }

    private static void Blend(float[][] rows, float[] weights, Span<float> blend)
    {
        blend.Fill(float.NaN);
        for (var k = 0; k < rows.Length; k++)
            ScoreBlend.Add(rows[k], weights[k], blend);
    }
}
