using RecLab.Data.Synthetic;
using RecLab.Recommenders;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Campaigns;
using RecLab.Simulation.Statistics;

namespace RecLab.Simulation.Tests.Campaigns;

/// <summary>The campaign planner on synthetic:small: a split test of the ROAS plan against the follower-count plan, both on implicit ALS slates.</summary>
public sealed class SmallWorldCampaignTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void The_roas_plan_returns_significantly_more_per_ad_dollar()
    {
        var ct = TestContext.Current.CancellationToken;
        var world = World.Generate(WorldOptions.Small, cancellationToken: ct);
        var fashion = world.Topics.Select((t, i) => (t, i)).Single(p => p.t.Name == "fashion").i;
        var brief = new CampaignBrief
        {
            Name = "fashion-brand",
            Items = CampaignBrief.ProductsOf(world, fashion, 10),
            Budget = 60,
            Days = 14,
            Target = AudienceSegment.Parse("age=18-24+25-34"),
            Topics = [fashion],
        };
        var als = RecommenderRegistry.Default.Parse("implicit-als:factors=64");
        als.Fit(new TrainingSet(world.Implicit(), world.ItemFeatures, world.UserFeatures), new FitContext { Seed = 42 });
        var planner = new CampaignPlanner(world, brief, ranking: als);
        var byFollowers = planner.Plan(PlanStrategy.FollowerCount);
        var byRoas = planner.Plan(PlanStrategy.ExpectedRoas);
        AbArm Arm(CampaignPlan plan) => AbArm.FromSpec("implicit-als:factors=64", 0.5, plan.Strategy.ToString()) with { Sponsored = plan.Slots() };

        var run = AbSimulator.Run(world, new AbTestOptions { Arms = [Arm(byFollowers), Arm(byRoas)], Days = brief.Days, PreDays = 0, Seed = 42 }, cancellationToken: ct);
        var report = AbAnalysis.Analyze(run, new AbAnalysisOptions { Metrics = ["roas", "revenue-per-user"], BootstrapResamples = 200 });

        var roas = report.Comparison("roas", byRoas.Strategy.ToString());
        var output = TestContext.Current.TestOutputHelper;
        foreach (var (plan, arm) in new[] { (byFollowers, run.Arms[0]), (byRoas, run.Arms[1]) })
        {
            var t = arm.Totals();
            output?.WriteLine($"{plan.Strategy}: {plan.Creators.Count} creators, reach {plan.Reach}, expected cost {plan.ExpectedCost:F2} ROAS {plan.ExpectedRoas:F1} value/impression {plan.ExpectedRevenue / plan.Creators.Sum(c => c.ExpectedImpressions):F3} impressions {plan.Creators.Sum(c => c.ExpectedImpressions):F0}; " +
                $"simulated (half the users) cost {t.Sum(x => x.AdCost):F2}, attributed revenue {t.Sum(x => x.AttributedRevenue):F2}, sponsored impressions {t.Sum(x => x.SponsoredImpressions)}, value/impression {t.Sum(x => x.AttributedRevenue) / t.Sum(x => x.SponsoredImpressions):F3}, purchases {t.Sum(x => x.SponsoredPurchases)}");
        }
        output?.WriteLine($"ROAS {roas.ControlValue:F1} -> {roas.ArmValue:F1}, uplift {roas.RelativeUplift:P1} [{roas.RelativeLow:P1}, {roas.RelativeHigh:P1}], p {roas.PValue:G3}");
        // Measured: ROAS 105.7 -> 160.1 (+52%, p 0.029); +51% at a $30 budget, +17% at $100, and -5% at $200, where the
        // greedy plan buys nearly every target follower and its advantage is gone.
        Assert.True(roas.RelativeUplift > 0.2, $"ROAS {roas.ControlValue:F2} -> {roas.ArmValue:F2}, p {roas.PValue:G3}");
        Assert.True(roas.PValue < 0.1, $"p {roas.PValue:G3}");
        Assert.True(byRoas.ExpectedCost <= brief.Budget && byFollowers.ExpectedCost <= brief.Budget);
    }
}
