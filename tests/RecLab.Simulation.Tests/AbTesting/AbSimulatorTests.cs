using RecLab.Recommenders.Baselines;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Behaviour;

namespace RecLab.Simulation.Tests.AbTesting;

public sealed class AbSimulatorTests
{
    private static AbTestOptions Options(int threads, int? retrainEvery = null) => new()
    {
        Arms =
        [
            new AbArm { Name = "popular", Recommender = () => new MostPopular() },
            AbArm.FromSpec("implicit-als:factors=16,iterations=4", 0.5, "als"),
        ],
        Days = 4,
        PreDays = 2,
        RetrainEvery = retrainEvery,
        Seed = 7,
        MaxThreads = threads,
    };

    private static string Fingerprint(AbRun run)
    {
        var text = new System.Text.StringBuilder();
        foreach (var arm in run.Arms)
        {
            text.Append(arm.Name).Append(':').Append(arm.Users.Count).Append('\n');
            for (var m = 0; m < arm.Users.Count; m++)
            {
                text.Append(arm.PrePeriod[m].ToString());
                for (var d = 0; d < arm.Days; d++)
                    text.Append(arm.Activity(m, d).ToString()).Append(';');
                text.Append('\n');
            }
            foreach (var c in arm.ItemImpressions)
                text.Append(c).Append(',');
        }
        return text.ToString();
    }

    [Fact]
    public void One_and_two_threads_give_identical_runs()
    {
        var world = Worlds.Tiny;
        var one = AbSimulator.Run(world, Options(1, retrainEvery: 2), cancellationToken: TestContext.Current.CancellationToken);
        var two = AbSimulator.Run(world, Options(2, retrainEvery: 2), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Fingerprint(one), Fingerprint(two));
    }

    [Fact]
    public void Progress_names_each_arm_as_it_is_fitted_and_counts_the_days()
    {
        var events = new List<AbProgress>();
        AbSimulator.Run(Worlds.Tiny, Options(1, retrainEvery: 2), new Recorder(events.Add), TestContext.Current.CancellationToken);
        AbProgress[] expected =
        [
            new("fit", 0, 2, "popular"), new("fit", 1, 2, "als"), new("fit", 2, 2),
            new("pre-period", 0, 2), new("pre-period", 1, 2), new("pre-period", 2, 2),
            new("test", 0, 4), new("test", 1, 4),
            new("retrain", 0, 2, "popular"), new("retrain", 1, 2, "als"), new("retrain", 2, 2),
            new("test", 2, 4), new("test", 3, 4), new("test", 4, 4),
        ];
        Assert.Equal(expected, events);
    }

    private sealed class Recorder(Action<AbProgress> report) : IProgress<AbProgress>
    {
        public void Report(AbProgress value) => report(value);
    }

    [Fact]
    public void Users_land_in_arms_by_traffic_and_every_arm_is_active()
    {
        var run = AbSimulator.Run(Worlds.Tiny, Options(2), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Worlds.Tiny.Users.Count, run.Arms.Sum(a => a.Users.Count) + run.UsersNotInTest);
        foreach (var arm in run.Arms)
        {
            var totals = arm.Totals();
            Assert.InRange(arm.Users.Count, 200, 300);
            Assert.True(totals.Sum(t => t.Impressions) > 0);
            Assert.True(totals.Sum(t => t.Clicks) > 0);
            Assert.All(totals, t => Assert.True(t.Clicks <= t.Impressions && t.Purchases <= t.Clicks));
        }
    }
}
