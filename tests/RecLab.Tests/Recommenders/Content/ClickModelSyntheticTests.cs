using RecLab.Data;
using RecLab.Data.Synthetic;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Recommenders.Content;
using RecLab.Splitting;
using RecLab.Tests.Data.Synthetic;

namespace RecLab.Tests.Recommenders.Content;

/// <summary>
/// The click model on the synthetic world's impression log: fitted on the impressions of 80% of the users, measured on
/// those of the other 20% (users it never saw: demographics, item features, item ids and positions only), next to the
/// AUC of the true click probabilities, the ceiling.
/// </summary>
public sealed class ClickModelSyntheticTests
{
    /// <summary>
    /// The ground-truth click probability of each logged impression: examination at its position times the click
    /// probability of the user's true affinity, with the creator fatigue the log generator had at that moment (replayed
    /// from the user's impressions in time order: +1 per impression of the creator, decayed at each day's end).
    /// </summary>
    public static float[] TrueClickProbabilities(World world, ImpressionLog log)
    {
        var truth = new float[log.Count];
        var memory = new ExposureMemory();
        var decay = (float)world.Options.FatigueDecay;
        var previousUser = -1;
        var day = 0;
        foreach (var r in log.TimeOrderByUser())
        {
            var u = log.UserColumn[r];
            var d = (int)((log.Timestamps[r] - world.StartUnixSeconds) / 86_400);
            if (u != previousUser)
            {
                memory.Clear();
                (previousUser, day) = (u, 0);
            }
            for (; day < d; day++)
                memory.EndDay(decay);
            var item = log.ItemColumn[r];
            var exposures = memory.AddAndGetPrevious(world.Items.Creator(item));
            truth[r] = world.ClickProbability(u, item, log.Positions[r], exposures);
        }
        return truth;
    }

    private static (ClickModelReport Model, double CeilingAuc, double CeilingLoss, int TrainRows, double Seconds, int Iterations) Measure(
        World world, TrainingSet train, ImpressionLog heldOut, ClickModelOptions options)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var model = new ClickModel(options);
        model.Fit(train, new FitContext { Seed = 42, CancellationToken = TestContext.Current.CancellationToken });
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var report = model.Evaluate(heldOut);
        var truth = TrueClickProbabilities(world, heldOut);
        var result = (report, BinaryClassification.Auc(truth, heldOut.Clicked), BinaryClassification.LogLoss(truth, heldOut.Clicked),
            train.Impressions!.Count, seconds, model.IterationsRun);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"train impressions {result.Item4:N0}, held-out {report.Impressions:N0} ({report.Clicks:N0} clicks); " +
            $"click model AUC {report.Auc:F4}, log-loss {report.LogLoss:F4} ({result.Item6} L-BFGS iterations, fit {seconds:F1}s); " +
            $"ground truth AUC {result.Item2:F4}, log-loss {result.Item3:F4}");
        return result;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Held_out_users_auc_approaches_the_ground_truth_ceiling()
    {
        // New users: the model knows their demographics, not their taste.
        var world = SyntheticWorlds.Small;
        var dataset = world.ToDataset("synthetic:small");
        var fold = SplitSpec.Parse("cold-users:0.2").CreateFold(dataset.Interactions, 0, 42);
        var train = TrainingSet.Of(dataset, fold.Train);
        var heldOut = dataset.Impressions!.Where(r => fold.Test.ByUser.RowLength(dataset.Impressions.UserColumn[r]) > 0);
        Assert.DoesNotContain(train.Impressions!.UserColumn.ToArray(), u => fold.Test.ByUser.RowLength(u) > 0);
        var (model, ceiling, _, _, _, _) = Measure(world, train, heldOut, new ClickModelOptions());
        Assert.InRange(model.Auc, 0.6, ceiling);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Future_impressions_auc_approaches_the_ground_truth_ceiling()
    {
        // The last fifth of the logged days, for users and items seen before: per-user topic tastes (user x topic crosses).
        var world = SyntheticWorlds.Small;
        var dataset = world.ToDataset("synthetic:small");
        var fold = SplitSpec.Parse("temporal:0.8:of=time-range").CreateFold(dataset.Interactions, 0, 42);
        var train = TrainingSet.Of(dataset, fold.Train);
        var cut = Enumerable.Range(0, fold.Test.Count).Min(fold.Test.TimestampAt);
        var heldOut = dataset.Impressions!.Where(r => dataset.Impressions.Timestamps[r] >= cut);
        Assert.True(train.Impressions!.Timestamps.ToArray().Max() < cut);
        var (model, ceiling, _, _, _, _) = Measure(world, train, heldOut, new ClickModelOptions { UserCrosses = true });
        Assert.InRange(model.Auc, 0.6, ceiling);
    }
}
