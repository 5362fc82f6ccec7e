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
        IProgress<string>? progress = null, CancellationToken ct = default) =>
        Run(algorithms, dataset, splitter, [options], curve: false, seed, progress, ct);

    /// <summary>
    /// The onboarding curve of user cold start: like <see cref="Run(IReadOnlyList{ValueTuple{string, string, Func{IRecommender}}}, Dataset, ISplitter, EvaluationOptions, ulong, IProgress{string}, CancellationToken)"/>,
    /// but each model, fitted once per fold, is measured once per onboarding size (<see cref="EvaluationOptions.OnboardingSize"/>)
    /// on the same test users and items. The split must hand out at least the largest size (e.g. <c>cold-users:0.2:onboard=10</c>).
    /// Results come size by size, each size in algorithm order, with <see cref="CrossValidationResult.OnboardingSize"/> set.
    /// </summary>
    public static IReadOnlyList<CrossValidationResult> RunOnboardingCurve(
        IReadOnlyList<(string Label, string Parameters, Func<IRecommender> Create)> algorithms,
        Dataset dataset, ISplitter splitter, EvaluationOptions options, IReadOnlyList<int> sizes, ulong seed,
        IProgress<string>? progress = null, CancellationToken ct = default)
    {
        if (sizes.Count == 0 || sizes.Any(n => n < 0))
            throw new ArgumentException("Onboarding sizes must be given and at least 0.", nameof(sizes));
        return Run(algorithms, dataset, splitter, sizes.Select(n => options with { OnboardingSize = n }).ToList(), curve: true, seed, progress, ct);
    }

    private static IReadOnlyList<CrossValidationResult> Run(
        IReadOnlyList<(string Label, string Parameters, Func<IRecommender> Create)> algorithms,
        Dataset dataset, ISplitter splitter, IReadOnlyList<EvaluationOptions> variants, bool curve, ulong seed,
        IProgress<string>? progress, CancellationToken ct)
    {
        var perCell = new List<EvaluationResult>[variants.Count, algorithms.Count];
        for (var v = 0; v < variants.Count; v++)
            for (var a = 0; a < algorithms.Count; a++)
                perCell[v, a] = [];
        var splitSeed = Seeds.Derive(seed, "split");
        var threads = variants[0].MaxThreads;
        for (var f = 0; f < splitter.FoldCount; f++)
        {
            ct.ThrowIfCancellationRequested();
            var fold = splitter.CreateFold(dataset.Interactions, f, splitSeed);
            EnsureTestable(fold, splitter);
            for (var a = 0; a < algorithms.Count; a++)
            {
                var model = algorithms[a].Create();
                var context = new FitContext { Seed = Seeds.Derive(Seeds.Derive(seed, "fit"), (ulong)f), MaxThreads = threads, CancellationToken = ct };
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                model.Fit(TrainingSet.Of(dataset, fold.Train), context);
                var fitTime = stopwatch.Elapsed;
                for (var v = 0; v < variants.Count; v++)
                {
                    var result = Evaluator.Measure(model, fold, variants[v], context.Seed, fitTime, dataset.ItemFeatures, ct);
                    perCell[v, a].Add(result);
                    var size = curve ? $" onboarding {variants[v].OnboardingSize}" : "";
                    progress?.Report($"{algorithms[a].Label}{size} fold {f + 1}/{splitter.FoldCount}: fit {result.FitTime.TotalSeconds:0.00}s, eval {result.EvaluationTime.TotalSeconds:0.00}s");
                }
            }
        }
        var results = new List<CrossValidationResult>();
        for (var v = 0; v < variants.Count; v++)
        {
            for (var a = 0; a < algorithms.Count; a++)
            {
                var folds = perCell[v, a];
                results.Add(new CrossValidationResult
                {
                    Algorithm = folds[0].Algorithm,
                    Label = algorithms[a].Label,
                    Parameters = algorithms[a].Parameters,
                    OnboardingSize = curve ? variants[v].OnboardingSize : null,
                    Folds = folds,
                    Metrics = Aggregate(folds, variants[v], Seeds.Derive(seed, algorithms[a].Label)),
                    Buckets = ActivityBreakdown.Pool(folds.Select(r => r.Buckets)),
                });
            }
        }
        return results;
    }

    /// <summary>
    /// A fold that tests nothing (more folds than the data has interactions, users or items to deal; a test share
    /// that rounds to none) cannot be measured: stop, rather than report its metrics as missing or average them in.
    /// </summary>
    /// <exception cref="ArgumentException">The fold's test set is empty.</exception>
    public static void EnsureTestable(Fold fold, ISplitter splitter)
    {
        if (fold.Test.Count == 0 && fold.Train.Count + fold.Test.Count > 0)
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Split '{splitter.Spec}': fold {fold.Index + 1} of {splitter.FoldCount} has no test interactions; ") +
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the data ({fold.Train.Count:N0} interactions) is too small for it. Use fewer folds or a larger test share."));
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
