using System.Diagnostics;
using RecLab.Data;
using RecLab.Randomness;
using RecLab.Recommenders;

namespace RecLab.Tests.Recommenders.Neighborhood;

/// <summary>
/// Surprise's protocol done by hand until the shared splitters land: rows shuffled with a seed and cut into k equal
/// parts; each part is the test set once. RMSE and MAE pool every test rating of every fold.
/// </summary>
public static class RatingCrossValidation
{
    public sealed record Result(double Rmse, double Mae, double FitSeconds, double PredictSeconds, long ModelBytes);

    public static Result Run(InteractionData all, string spec, int folds = 5, ulong seed = 0)
    {
        var n = all.Count;
        var order = new int[n];
        for (var r = 0; r < n; r++)
            order[r] = r;
        new Rng(seed).Shuffle(order.AsSpan());
        var users = all.UserColumn();
        var items = all.ItemColumn.ToArray();
        var values = all.ValueColumn;
        double se = 0, ae = 0, fit = 0, predict = 0;
        long count = 0, bytes = 0;
        for (var f = 0; f < folds; f++)
        {
            var inTest = new bool[n];
            for (var k = (int)((long)n * f / folds); k < (int)((long)n * (f + 1) / folds); k++)
                inTest[order[k]] = true;
            var trainRows = new List<int>(n);
            var testRows = new List<int>(n / folds + 1);
            for (var r = 0; r < n; r++)
                (inTest[r] ? testRows : trainRows).Add(r);
            var train = new TrainingSet(all.Subset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(trainRows)));
            var model = (IRatingPredictor)RecommenderRegistry.Default.Parse(spec);
            var clock = Stopwatch.StartNew();
            model.Fit(train, new FitContext { Seed = seed });
            fit += clock.Elapsed.TotalSeconds;
            var predicted = new float[testRows.Count];
            clock.Restart();
            Parallel.For(0, testRows.Count, t => predicted[t] = model.Predict(users[testRows[t]], items[testRows[t]]));
            predict += clock.Elapsed.TotalSeconds;
            for (var t = 0; t < testRows.Count; t++)
            {
                var e = (double)predicted[t] - values[testRows[t]];
                se += e * e;
                ae += Math.Abs(e);
                count++;
            }
            bytes = Math.Max(bytes, model switch
            {
                RecLab.Recommenders.Neighborhood.UserKnn u => u.SimilarityBytes,
                RecLab.Recommenders.Neighborhood.ItemKnn i => i.SimilarityBytes,
                RecLab.Recommenders.Neighborhood.SlopeOne s => s.DeviationBytes,
                _ => 0,
            });
        }
        return new Result(Math.Sqrt(se / count), ae / count, fit / folds, predict / folds, bytes);
    }
}
