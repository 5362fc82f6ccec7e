using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.ColdStart;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Policies;
using RecLab.Simulation.Statistics;

namespace RecLab.Simulation.Tests.Policies;

/// <summary>Bandit arms (ε-greedy, Thompson, LinUCB over a base recommender's candidates) learning day by day, against the oracle.</summary>
public sealed class ExplorationArmTests
{
    private static AbTestOptions Options(int threads) => new()
    {
        Arms =
        [
            AbArm.FromSpec("most-popular", 0.2, "popular"),
            AbArm.FromSpec("thompson:base=most-popular,candidates=50", 0.2, "thompson"),
            AbArm.FromSpec("epsilon-greedy:base=most-popular,candidates=50,epsilon=0.2", 0.2, "epsilon-greedy"),
            AbArm.FromSpec("linucb:base=most-popular,candidates=50", 0.2, "linucb"),
            AbArm.FromSpec("oracle", 0.2, AbAnalysis.OracleArm),
        ],
        Days = 5,
        PreDays = 0,
        Seed = 11,
        MaxThreads = threads,
    };

    private static string Fingerprint(AbRun run) => string.Join("\n", run.Arms.Select(a =>
        a.Name + ":" + string.Join(";", Enumerable.Range(0, a.Users.Count).Select(m => string.Join(",", Enumerable.Range(0, a.Days).Select(d => a.Activity(m, d).ToString()))))));

    [Fact]
    public void Bandit_arms_run_day_by_day_the_same_on_one_thread_and_two()
    {
        var one = AbSimulator.Run(Worlds.Tiny, Options(1), cancellationToken: TestContext.Current.CancellationToken);
        var two = AbSimulator.Run(Worlds.Tiny, Options(2), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Fingerprint(one), Fingerprint(two));
    }

    [Fact]
    public void Regret_is_measured_against_the_oracle_every_day_and_the_oracle_clicks_most()
    {
        var run = AbSimulator.Run(Worlds.Tiny, Options(2), cancellationToken: TestContext.Current.CancellationToken);
        var report = AbAnalysis.Analyze(run, new AbAnalysisOptions { Metrics = ["clicks"], BootstrapResamples = 0 });
        Assert.Equal(4 * 5, report.Regret.Count);
        var output = TestContext.Current.TestOutputHelper;
        foreach (var arm in new[] { "popular", "thompson", "epsilon-greedy", "linucb" })
        {
            var curve = report.Regret.Where(r => r.Arm == arm).OrderBy(r => r.Day).ToList();
            output?.WriteLine($"{arm}: cumulative regret {string.Join(" ", curve.Select(r => r.ClicksPerUser.ToString("F2")))}");
            Assert.Equal(Enumerable.Range(0, 5), curve.Select(r => r.Day));
            Assert.True(curve[^1].ClicksPerUser > 0, $"{arm} out-clicked the oracle");
        }
        Assert.True(report.Comparison("clicks", AbAnalysis.OracleArm).Significant);
    }

    [Fact]
    public void A_bandit_arm_learns_from_what_it_showed_and_keeps_its_base_offline()
    {
        var world = Worlds.Tiny;
        var thompson = (BanditRanker)RecommenderRegistry.Default.Parse("thompson:base=most-popular,candidates=30");
        var policy = Policy.Fit(world, thompson, world.Implicit(), FitContext.Default);
        Assert.Equal(BanditKind.Thompson, thompson.Kind);
        Assert.NotNull(policy.Exploration);

        // Offline it scores as its base does.
        var popular = new MostPopular();
        popular.Fit(new TrainingSet(world.Implicit()), FitContext.Default);
        float[] a = new float[world.Items.Count], b = new float[world.Items.Count];
        thompson.Score(UserQuery.ForUser(world.Implicit(), 3), a);
        popular.Score(UserQuery.ForUser(world.Implicit(), 3), b);
        Assert.Equal(b, a);

        // ε-greedy with ε = 0 and nothing learnt keeps the base order; after every impression of the base's first
        // candidate went unclicked, that candidate falls behind the others.
        var greedy = Policy.Fit(world, RecommenderRegistry.Default.Parse("epsilon-greedy:base=most-popular,candidates=30,epsilon=0"), world.Implicit(),
            FitContext.Default);
        var viewer = new Viewer();
        var rng = new RecLab.Randomness.Rng(1);
        greedy.Exploration!.Order(greedy, 3, viewer, ref rng);
        var baseOrder = greedy.Ranking(3, 30).ToArray();
        Assert.Equal(baseOrder, viewer.ExploreItems);
        greedy.Exploration.Learn([.. Enumerable.Repeat(new ExploredImpression(baseOrder[0], 0, 0f, false), 200)]);
        greedy.Exploration.Order(greedy, 3, viewer, ref rng);
        Assert.Equal(baseOrder[1], viewer.ExploreItems[0]);
        Assert.Equal(baseOrder[0], viewer.ExploreItems[^1]);
    }
}
