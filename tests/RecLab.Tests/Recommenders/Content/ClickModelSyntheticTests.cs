using System.Diagnostics;
using System.Globalization;
using RecLab.Data;
using RecLab.Data.Synthetic;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Recommenders.Content;
using RecLab.Splitting;
using RecLab.Tests.Data.Synthetic;

namespace RecLab.Tests.Recommenders.Content;

/// <summary>
/// The click-model family on the synthetic world's impression log, against the ground-truth ceiling (the AUC and
/// log-loss of the true click probabilities): on later days (the last fifth of the log, users and items seen before)
/// and on new users (20% of users held out whole: their demographics and follows, not their taste). One table per split,
/// every learner on the same rows; printed with the share of the logistic model's AUC gap to the ceiling each closes.
/// Asserted: the best of FFM and boosted trees beats the logistic model on both splits. Issue 18's bar (half the gap
/// closed on later days) is printed, not asserted: the boosted trees close about a quarter of it (README, "Click models",
/// says what limits them).
/// </summary>
public sealed class ClickModelSyntheticTests
{
    /// <summary>Non-clicks kept for training: a quarter, as CTR systems down-sample, to keep the slow suite's cost modest.</summary>
    private const double NegativeRate = 0.25;

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

    internal sealed record Row(string Learner, ClickModelReport Report, double Seconds);

    internal static Row[] Table(string split, World world, TrainingSet train, ImpressionLog heldOut)
    {
        var truth = TrueClickProbabilities(world, heldOut);
        var ceilingAuc = BinaryClassification.Auc(truth, heldOut.Clicked);
        var ceilingLoss = BinaryClassification.LogLoss(truth, heldOut.Clicked);
        var rows = new List<Row>();
        foreach (var learner in Enum.GetValues<ClickLearner>())
        {
            var clock = Stopwatch.StartNew();
            var model = new ClickModel(new ClickModelOptions { Learner = learner, UserCrosses = true, NegativeRate = NegativeRate });
            model.Fit(train, new FitContext { Seed = 42, MaxThreads = 1, CancellationToken = TestContext.Current.CancellationToken });
            var seconds = clock.Elapsed.TotalSeconds;
            rows.Add(new Row(learner.ToString().ToLowerInvariant(), model.Evaluate(heldOut), seconds));
        }
        var output = TestContext.Current.TestOutputHelper;
        var inv = CultureInfo.InvariantCulture;
        output?.WriteLine(string.Create(inv, $"{split}: {train.Impressions!.Count:N0} training impressions ({NegativeRate:P0} of non-clicks kept), {heldOut.Count:N0} held out ({heldOut.ClickCount:N0} clicks)"));
        output?.WriteLine("| learner | AUC | log-loss | share of the AUC gap closed | fit s |");
        output?.WriteLine("|---|---|---|---|---|");
        var baseline = rows[0].Report.Auc;
        foreach (var r in rows)
            output?.WriteLine(string.Create(inv,
                $"| {r.Learner} | {r.Report.Auc:F4} | {r.Report.LogLoss:F4} | {(r.Report.Auc - baseline) / (ceilingAuc - baseline):P0} | {r.Seconds:F1} |"));
        output?.WriteLine(string.Create(inv, $"| ground truth (ceiling) | {ceilingAuc:F4} | {ceilingLoss:F4} | 100% | |"));
        var best = Best([.. rows]);
        output?.WriteLine(string.Create(inv,
            $"half the gap to the ceiling: AUC {(baseline + ceilingAuc) / 2:F4}; best of ffm and trees: {best.Learner} {best.Report.Auc:F4}"));
        foreach (var r in rows)
            Assert.InRange(r.Report.Auc, 0.6, ceilingAuc);
        return [.. rows];
    }

    private static Row Best(Row[] rows) =>
        rows.Where(r => r.Learner is "ffm" or "gbdt" or "lightgbm").MaxBy(r => r.Report.Auc)!;

    [Fact]
    [Trait("Category", "Slow")]
    public void Later_days_ffm_or_trees_beat_the_logistic_model()
    {
        var world = SyntheticWorlds.Small;
        var dataset = world.ToDataset("synthetic:small");
        var fold = SplitSpec.Parse("temporal:0.8:of=time-range").CreateFold(dataset.Interactions, 0, 42);
        var train = TrainingSet.Of(dataset, fold.Train);
        var cut = Enumerable.Range(0, fold.Test.Count).Min(fold.Test.TimestampAt);
        var heldOut = dataset.Impressions!.Where(r => dataset.Impressions.Timestamps[r] >= cut);
        Assert.True(train.Impressions!.Timestamps.ToArray().Max() < cut);
        var rows = Table("later days", world, train, heldOut);
        var best = Best(rows);
        Assert.True(best.Report.Auc > rows[0].Report.Auc, $"best of ffm/gbdt/lightgbm: {best.Learner} AUC {best.Report.Auc:F4}; logistic {rows[0].Report.Auc:F4}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void New_users_ffm_or_trees_beat_the_logistic_model()
    {
        var world = SyntheticWorlds.Small;
        var dataset = world.ToDataset("synthetic:small");
        var fold = SplitSpec.Parse("cold-users:0.2").CreateFold(dataset.Interactions, 0, 42);
        var train = TrainingSet.Of(dataset, fold.Train);
        var heldOut = dataset.Impressions!.Where(r => fold.Test.ByUser.RowLength(dataset.Impressions.UserColumn[r]) > 0);
        Assert.DoesNotContain(train.Impressions!.UserColumn.ToArray(), u => fold.Test.ByUser.RowLength(u) > 0);
        var rows = Table("new users", world, train, heldOut);
        var best = Best(rows);
        Assert.True(best.Report.Auc > rows[0].Report.Auc, $"best of ffm/gbdt/lightgbm: {best.Learner} AUC {best.Report.Auc:F4}; logistic {rows[0].Report.Auc:F4}");
    }
}
