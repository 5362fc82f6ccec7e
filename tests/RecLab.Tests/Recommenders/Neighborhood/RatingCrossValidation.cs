using RecLab.Data;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Tests.Recommenders.Neighborhood;

/// <summary>Runs the shared splitter and evaluator over every fold and averages the metrics (as Surprise's cross_validate).</summary>
public static class RatingCrossValidation
{
    public sealed record Result(IReadOnlyDictionary<string, double> Metrics, double FitSeconds, double EvaluateSeconds, long ModelBytes);

    public static Result Run(Dataset dataset, InteractionData data, string algorithm, string split, string[] metrics, ulong seed = 0)
    {
        var splitter = SplitSpec.Parse(split);
        var options = new EvaluationOptions { Metrics = [.. metrics.Select(MetricSpec.Parse)], KeepPerUser = false };
        var sums = metrics.ToDictionary(m => m, _ => 0.0);
        double fit = 0, evaluate = 0;
        long bytes = 0;
        for (var f = 0; f < splitter.FoldCount; f++)
        {
            var model = RecommenderRegistry.Default.Parse(algorithm);
            var result = Evaluator.Evaluate(model, dataset, splitter.CreateFold(data, f, seed), options, new FitContext { Seed = seed });
            for (var m = 0; m < metrics.Length; m++)
                sums[metrics[m]] += result.Metrics[m].Value;
            fit += result.FitTime.TotalSeconds;
            evaluate += result.EvaluationTime.TotalSeconds;
            bytes = Math.Max(bytes, model switch
            {
                RecLab.Recommenders.Neighborhood.UserKnn u => u.SimilarityBytes,
                RecLab.Recommenders.Neighborhood.ItemKnn i => i.SimilarityBytes,
                RecLab.Recommenders.Neighborhood.SlopeOne s => s.DeviationBytes,
                _ => 0,
            });
        }
        var folds = splitter.FoldCount;
        return new Result(sums.ToDictionary(kv => kv.Key, kv => kv.Value / folds), fit / folds, evaluate / folds, bytes);
    }
}
