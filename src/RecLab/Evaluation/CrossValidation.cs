using RecLab.Data;
using RecLab.Evaluation.Statistics;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Evaluation;

/// <summary>
/// Evaluates algorithms on every fold of a split, all on the same folds (so per-user values pair up across
/// algorithms), and aggregates over folds.
/// </summary>
public static class CrossValidation
{
    /// <summary>
    /// Runs each model factory on each fold. Fold <c>f</c> is built once from <c>Seeds.Derive(seed, "split")</c>
    /// and shared by every algorithm; each fit gets <c>Seeds.Derive(seed, "fit", f)</c>.
    /// </summary>
    public static IReadOnlyList<CrossValidationResult> Run(
        IReadOnlyList<(string Label, string Parameters, Func<IRecommender> Create)> algorithms,
        Dataset dataset, ISplitter splitter, EvaluationOptions options, ulong seed,
        IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var perAlgorithm = algorithms.Select(_ => new List<EvaluationResult>()).ToArray();
        var splitSeed = Seeds.Derive(seed, "split");
        for (var f = 0; f < splitter.FoldCount; f++)
        {
            ct.ThrowIfCancellationRequested();
            var fold = splitter.CreateFold(dataset.Interactions, f, splitSeed);
            for (var a = 0; a < algorithms.Count; a++)
            {
                var model = algorithms[a].Create();
                var context = new FitContext { Seed = Seeds.Derive(Seeds.Derive(seed, "fit"), (ulong)f), MaxThreads = options.MaxThreads, CancellationToken = ct };
                var result = Evaluator.Evaluate(model, dataset, fold, options, context);
                perAlgorithm[a].Add(result);
                progress?.Report($"{algorithms[a].Label} fold {f + 1}/{splitter.FoldCount}: fit {result.FitTime.TotalSeconds:0.00}s, eval {result.EvaluationTime.TotalSeconds:0.00}s");
            }
        }
        return algorithms.Select((a, i) => new CrossValidationResult
        {
            Algorithm = perAlgorithm[i][0].Algorithm,
            Label = a.Label,
            Parameters = a.Parameters,
            Folds = perAlgorithm[i],
            Metrics = Aggregate(perAlgorithm[i], options, Seeds.Derive(seed, a.Label)),
        }).ToList();
    }

    /// <summary>
    /// Aggregates folds: per-user metrics pool every (fold, user) value, with a bootstrap confidence interval of the
    /// pooled mean; RMSE, MAE, coverage and Gini are the mean of the per-fold values (Surprise's convention).
    /// Per-user values are kept with their <see cref="PairKey"/> for paired tests.
    /// </summary>
    public static IReadOnlyList<MetricResult> Aggregate(IReadOnlyList<EvaluationResult> folds, EvaluationOptions options, ulong seed)
    {
        var results = new List<MetricResult>();
        var first = folds[0];
        for (var m = 0; m < first.Metrics.Count; m++)
        {
            var name = first.Metrics[m].Name;
            var perFold = folds.Select(f => f[name]).ToList();
            var pooledUsers = new List<int>();
            var pooledKeys = new List<long>();
            var pooled = new List<double>();
            foreach (var (fold, metric) in folds.Zip(perFold))
            {
                for (var k = 0; k < metric.PerUser.Length; k++)
                {
                    pooledKeys.Add(PairKey(fold.Fold, metric.Users[k]));
                    pooledUsers.Add(metric.Users[k]);
                    pooled.Add(metric.PerUser[k]);
                }
            }
            var isPerUserMean = first.Metrics[m].IsUserMean && pooled.Count > 0;
            double value;
            ConfidenceInterval? ci = null;
            if (isPerUserMean)
            {
                value = pooled.Average();
                if (options.BootstrapResamples > 0)
                    ci = Bootstrap.MeanInterval(pooled.ToArray(), Seeds.Derive(seed, name), options.BootstrapResamples, options.ConfidenceLevel);
            }
            else
            {
                value = perFold.Average(r => r.Value);
            }
            results.Add(new MetricResult
            {
                Name = name,
                Value = value,
                CiLow = ci?.Low,
                CiHigh = ci?.High,
                HigherIsBetter = first.Metrics[m].HigherIsBetter,
                Users = [.. pooledUsers],
                PerUser = [.. pooled],
                Keys = [.. pooledKeys],
                IsUserMean = first.Metrics[m].IsUserMean,
                Count = perFold.Sum(r => r.Count),
                Note = first.Metrics[m].Note,
            });
        }
        return results;
    }

    /// <summary>The key that pairs a per-user value across algorithms: fold and user.</summary>
    public static long PairKey(int fold, int user) => ((long)fold << 32) | (uint)user;
}
