using System.Diagnostics;
using RecLab.Data;
using RecLab.Evaluation.Metrics;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Evaluation;

/// <summary>
/// Fits a model on a fold's training data and measures it on the fold's test data: rating metrics on every test
/// rating (rating predictors on explicit data), ranking metrics by ranking every candidate item for every test
/// user, in parallel over users with results independent of the number of threads.
/// </summary>
public static class Evaluator
{
    /// <summary>Fits <paramref name="model"/> on the fold (with the dataset's side information) and measures it.</summary>
    public static EvaluationResult Evaluate(IRecommender model, Dataset dataset, Fold fold, EvaluationOptions options, FitContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        model.Fit(TrainingSet.Of(dataset, fold.Train), context);
        var fitTime = stopwatch.Elapsed;
        return Measure(model, fold, options, context.Seed, fitTime, dataset.ItemFeatures, context.CancellationToken);
    }

    /// <summary>Measures an already fitted model on a fold.</summary>
    public static EvaluationResult Measure(IRecommender model, Fold fold, EvaluationOptions options, ulong seed, TimeSpan fitTime,
        ItemFeatures? itemFeatures = null, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var metrics = options.Metrics;
        var test = fold.Test;
        var testUsers = new List<int>();
        for (var u = 0; u < test.UserCount; u++)
            if (test.ByUser.RowLength(u) > 0)
                testUsers.Add(u);
        var users = testUsers.ToArray();

        var values = new double[metrics.Count][];
        for (var m = 0; m < metrics.Count; m++)
            values[m] = metrics[m] is IRatingMetric or ICatalogMetric ? [] : new double[users.Length];

        if (options.OnboardingSize is < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.OnboardingSize, "OnboardingSize must be at least 0.");
        var rankingSummary = NeedsRanking(metrics)
            ? Rank(model, fold, options, users, values, itemFeatures, seed, ct)
            : new RankingSummary(0, 0, []);
        var ratings = RatingErrors(model, fold, metrics, users, values, options.MaxThreads, ct);

        var results = new List<MetricResult>(metrics.Count);
        for (var m = 0; m < metrics.Count; m++)
        {
            var metric = metrics[m];
            results.Add(metric switch
            {
                ICatalogMetric => new MetricResult
                {
                    Name = metric.Name,
                    Value = rankingSummary.CatalogValues[m],
                    HigherIsBetter = metric.HigherIsBetter,
                    Count = users.Length,
                },
                IRatingMetric => ratings.Results[m],
                _ => PerUserResult(metric, users, values[m], options, seed),
            });
        }
        // NaN is a metric's "undefined" (no relevant item, nothing recommended); an infinity is never a result.
        foreach (var r in results)
            if (double.IsInfinity(r.Value))
                throw new NonFiniteResultException(model.Name, $"{r.Name} = {r.Value}");
        var buckets = options.ActivityBuckets is { } bounds && options.KeepPerUser
            ? ActivityBreakdown.Compute(bounds, results, users.ToDictionary(u => u, u => Activity(fold, u, options)))
            : [];
        return new EvaluationResult
        {
            Algorithm = model.Name,
            Buckets = buckets,
            Fold = fold.Index,
            Metrics = results,
            TestUsers = users.Length,
            UsersEvaluated = rankingSummary.UsersWithRelevant,
            UsersWithoutRelevant = rankingSummary.UsersWithoutRelevant,
            RatingsPredicted = ratings.Count,
            FitTime = fitTime,
            EvaluationTime = stopwatch.Elapsed,
        };
    }

    private static bool NeedsRanking(IReadOnlyList<IMetric> metrics)
    {
        foreach (var m in metrics)
            if (m is not IRatingMetric)
                return true;
        return false;
    }

    private sealed record RankingSummary(int UsersWithRelevant, int UsersWithoutRelevant, double[] CatalogValues);

    private sealed class Scratch(int itemCount, int listLength, int[] catalogLengths)
    {
        public readonly float[] Scores = new float[itemCount];
        public readonly int[] Items = new int[listLength];
        public readonly float[] Top = new float[listLength];
        public readonly RelevanceSet Relevant = new(itemCount);
        public readonly List<int> History = [];
        public readonly List<float> HistoryValues = [];
        public readonly List<int> RelevantItems = [];
        public readonly List<int> Withheld = [];
        public readonly List<int> Order = [];
        public readonly int[][] Exposures = catalogLengths.Select(_ => new int[itemCount]).ToArray();
        public int WithRelevant;
    }

    private static RankingSummary Rank(IRecommender model, Fold fold, EvaluationOptions options, int[] users, double[][] values,
        ItemFeatures? itemFeatures, ulong seed, CancellationToken ct)
    {
        var metrics = options.Metrics;
        var onboardingSeed = Seeds.Derive(seed, "evaluation/onboarding");
        var itemCount = fold.Train.ItemCount;
        var listLength = 1;
        var catalogIndex = new List<int>();
        foreach (var (metric, m) in metrics.Select((x, i) => (x, i)))
        {
            switch (metric)
            {
                case IRankingMetric r: listLength = Math.Max(listLength, r.N); break;
                case IListMetric l: listLength = Math.Max(listLength, l.N); break;
                case ICatalogMetric c: listLength = Math.Max(listLength, c.N); catalogIndex.Add(m); break;
            }
        }
        listLength = Math.Min(listLength, itemCount);
        var catalogLengths = catalogIndex.Select(m => ((ICatalogMetric)metrics[m]).N).ToArray();
        var context = new ListContext(fold.Train, itemFeatures);
        var explicitTest = fold.Test.Kind == FeedbackKind.Explicit;
        var totalExposures = catalogLengths.Select(_ => new int[itemCount]).ToArray();
        var withRelevant = 0;
        var gate = new object();
        int[] untrained = options.ExcludeUntrainedItems ? UntrainedItems(fold.Train) : [];

        Parallel.For(0, users.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxThreads), CancellationToken = ct },
            () => new Scratch(itemCount, listLength, catalogLengths),
            (slot, _, s) =>
            {
                var u = users[slot];
                s.RelevantItems.Clear();
                var testItems = fold.Test.ByUser.RowIndices(u);
                var testValues = fold.Test.ByUser.RowValues(u);
                for (var k = 0; k < testItems.Length; k++)
                    if (!explicitTest || testValues[k] >= options.RelevanceThreshold)
                        s.RelevantItems.Add(testItems[k]);
                s.Relevant.Reset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s.RelevantItems));

                var query = QueryFor(fold, u, s, options.OnboardingSize, onboardingSeed);
                s.Withheld.AddRange(untrained);
                var n = Ranking.RecommendInto(model, query, s.Scores, s.Items, s.Top, options.ExcludeSeenItems,
                    System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s.Withheld));
                ReadOnlySpan<int> ranked = s.Items.AsSpan(0, n);

                for (var m = 0; m < metrics.Count; m++)
                {
                    switch (metrics[m])
                    {
                        case IRankingMetric r:
                            values[m][slot] = s.Relevant.Count == 0 ? double.NaN : r.Measure(ranked[..Math.Min(n, r.N)], s.Relevant);
                            break;
                        case IScoreMetric sm:
                            values[m][slot] = s.Relevant.Count == 0 ? double.NaN : sm.Measure(s.Scores, s.Relevant);
                            break;
                        case IListMetric l:
                            values[m][slot] = l.Measure(ranked[..Math.Min(n, l.N)], context);
                            break;
                    }
                }
                for (var c = 0; c < catalogLengths.Length; c++)
                {
                    var exposures = s.Exposures[c];
                    foreach (var item in ranked[..Math.Min(n, catalogLengths[c])])
                        exposures[item]++;
                }
                if (s.Relevant.Count > 0)
                    s.WithRelevant++;
                return s;
            },
            s =>
            {
                // Integer sums: the merge order cannot change the result.
                lock (gate)
                {
                    withRelevant += s.WithRelevant;
                    for (var c = 0; c < catalogLengths.Length; c++)
                        for (var i = 0; i < itemCount; i++)
                            totalExposures[c][i] += s.Exposures[c][i];
                }
            });

        var catalogValues = new double[metrics.Count];
        for (var c = 0; c < catalogIndex.Count; c++)
            catalogValues[catalogIndex[c]] = ((ICatalogMetric)metrics[catalogIndex[c]]).Measure(totalExposures[c], context);
        return new RankingSummary(withRelevant, users.Length - withRelevant, catalogValues);
    }

    /// <summary>Items without training interactions; they join the withheld items, which are never candidates.</summary>
    private static int[] UntrainedItems(InteractionData train)
    {
        var untrained = new List<int>();
        for (var i = 0; i < train.ItemCount; i++)
            if (train.ByItem.RowLength(i) == 0)
                untrained.Add(i);
        return [.. untrained];
    }

    /// <summary>
    /// The user's training history, plus their onboarding interactions in cold-start folds (at most
    /// <paramref name="onboardingSize"/> of them; the others go to <see cref="Scratch.Withheld"/>).
    /// </summary>
    private static UserQuery QueryFor(Fold fold, int u, Scratch s, int? onboardingSize, ulong seed)
    {
        s.Withheld.Clear();
        if (fold.Onboarding is not { } onboarding || onboarding.ByUser.RowLength(u) == 0)
            return UserQuery.ForUser(fold.Train, u);
        s.History.Clear();
        s.HistoryValues.Clear();
        var trainItems = fold.Train.ByUser.RowIndices(u);
        var trainValues = fold.Train.ByUser.RowValues(u);
        var onItems = onboarding.ByUser.RowIndices(u);
        var onValues = onboarding.ByUser.RowValues(u);
        var used = SelectOnboarding(onboarding, u, onboardingSize, seed, s.Order);
        int a = 0, b = 0;
        while (a < trainItems.Length || b < onItems.Length)
        {
            if (b >= onItems.Length || (a < trainItems.Length && trainItems[a] < onItems[b]))
            {
                s.History.Add(trainItems[a]);
                s.HistoryValues.Add(trainValues[a++]);
            }
            else if (used[b])
            {
                s.History.Add(onItems[b]);
                s.HistoryValues.Add(onValues[b++]);
            }
            else
            {
                s.Withheld.Add(onItems[b++]);
            }
        }
        return new UserQuery(u, s.History.ToArray(), s.HistoryValues.ToArray());
    }

    /// <summary>
    /// Which of the user's onboarding interactions (in item order) the query gets: all, or the first
    /// <paramref name="size"/> by time (ties by item), or of a permutation seeded by the user when there are no times, so
    /// a smaller size always gets a subset of what a larger one gets.
    /// </summary>
    private static bool[] SelectOnboarding(InteractionData onboarding, int u, int? size, ulong seed, List<int> order)
    {
        var (offset, length) = onboarding.RowsOf(u).GetOffsetAndLength(onboarding.Count);
        var used = new bool[length];
        if (size is not { } n || n >= length)
        {
            Array.Fill(used, true);
            return used;
        }
        order.Clear();
        for (var k = 0; k < length; k++)
            order.Add(k);
        var positions = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order);
        if (onboarding.HasTimestamps)
        {
            // Rows of a user are in item order, so sorting by (time, position) breaks time ties by item.
            order.Sort((x, y) =>
            {
                var c = onboarding.TimestampAt(offset + x).CompareTo(onboarding.TimestampAt(offset + y));
                return c != 0 ? c : x.CompareTo(y);
            });
        }
        else
        {
            var rng = Seeds.Stream(seed, (ulong)u);
            rng.Shuffle(positions);
        }
        for (var k = 0; k < n; k++)
            used[order[k]] = true;
        return used;
    }

    /// <summary>Known interactions of a test user: training ones plus the onboarding ones its query gets.</summary>
    private static int Activity(Fold fold, int u, EvaluationOptions options)
    {
        var onboarding = fold.Onboarding?.ByUser.RowLength(u) ?? 0;
        return fold.Train.ByUser.RowLength(u) + Math.Min(onboarding, options.OnboardingSize ?? int.MaxValue);
    }

    private sealed record RatingSummary(int Count, MetricResult[] Results);

    private static RatingSummary RatingErrors(IRecommender model, Fold fold, IReadOnlyList<IMetric> metrics, int[] users,
        double[][] values, int maxThreads, CancellationToken ct)
    {
        var results = new MetricResult[metrics.Count];
        var ratingMetrics = metrics.Select((m, i) => (m, i)).Where(x => x.m is IRatingMetric).ToList();
        if (ratingMetrics.Count == 0)
            return new RatingSummary(0, results);
        var test = fold.Test;
        if (model is not IRatingPredictor predictor || test.Kind != FeedbackKind.Explicit)
        {
            var why = model is not IRatingPredictor ? $"{model.Name} does not predict ratings" : "the test data is implicit";
            foreach (var (m, i) in ratingMetrics)
                results[i] = new MetricResult { Name = m.Name, Value = double.NaN, HigherIsBetter = m.HigherIsBetter, Count = 0, Note = $"not applicable: {why}" };
            return new RatingSummary(0, results);
        }

        // Rows are grouped by user, so each user's predictions are one contiguous slice of the test rows.
        var predicted = new float[test.Count];
        var actual = test.ValueColumn.ToArray();
        var perUser = ratingMetrics.Select(_ => new double[users.Length]).ToArray();
        Parallel.For(0, users.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxThreads), CancellationToken = ct }, slot =>
        {
            var u = users[slot];
            var (start, length) = test.RowsOf(u).GetOffsetAndLength(test.Count);
            var items = test.ByUser.RowIndices(u);
            for (var k = 0; k < length; k++)
                predicted[start + k] = predictor.Predict(u, items[k]);
            for (var r = 0; r < ratingMetrics.Count; r++)
                perUser[r][slot] = ((IRatingMetric)ratingMetrics[r].m).Measure(predicted.AsSpan(start, length), actual.AsSpan(start, length));
        });
        // Rating predictors promise a number for every pair (IRatingPredictor): NaN here is a broken model, not a missing value.
        var notFinite = predicted.Length - CountFinite(predicted);
        if (notFinite > 0)
            throw new NonFiniteResultException(model.Name,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"NaN or infinite predictions for {notFinite:N0} of {predicted.Length:N0} test ratings"));
        for (var r = 0; r < ratingMetrics.Count; r++)
        {
            var (m, i) = ratingMetrics[r];
            results[i] = new MetricResult
            {
                Name = m.Name,
                Value = ((IRatingMetric)m).Measure(predicted, actual),
                HigherIsBetter = m.HigherIsBetter,
                Users = users,
                PerUser = perUser[r],
                Count = test.Count,
            };
        }
        return new RatingSummary(test.Count, results);
    }

    private static int CountFinite(ReadOnlySpan<float> values)
    {
        var n = 0;
        foreach (var v in values)
            n += float.IsFinite(v) ? 1 : 0;
        return n;
    }

    private static MetricResult PerUserResult(IMetric metric, int[] users, double[] perUser, EvaluationOptions options, ulong seed)
    {
        var keptUsers = new List<int>(users.Length);
        var kept = new List<double>(users.Length);
        for (var k = 0; k < users.Length; k++)
        {
            if (double.IsNaN(perUser[k]))
                continue;
            keptUsers.Add(users[k]);
            kept.Add(perUser[k]);
        }
        var mean = Statistics.SampleSummary.Of(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept)).Mean;
        return new MetricResult
        {
            Name = metric.Name,
            Value = mean,
            HigherIsBetter = metric.HigherIsBetter,
            Users = options.KeepPerUser ? [.. keptUsers] : [],
            PerUser = options.KeepPerUser ? [.. kept] : [],
            Count = kept.Count,
            IsUserMean = true,
        };
    }
}
