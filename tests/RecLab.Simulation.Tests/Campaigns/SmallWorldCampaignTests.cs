using RecLab.Data.Synthetic;
using RecLab.Recommenders;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Campaigns;

namespace RecLab.Simulation.Tests.Campaigns;

/// <summary>
/// The campaign planner on synthetic:small, both plans delivered on implicit ALS slates to half the users each. At real
/// rates a 5,000-user world sees too few sponsored purchases to split-test ROAS (experiments/campaign.yaml does that on
/// the large world); its clicks are ten times as many, enough to check that each plan's forecast, fatigue included,
/// is what the simulator delivers, and the forecast is what the plans are chosen by.
/// </summary>
public sealed class SmallWorldCampaignTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Each_plan_delivers_its_forecast_clicks_and_the_roas_plan_forecasts_more_per_dollar()
    {
        var ct = TestContext.Current.CancellationToken;
        var world = World.Generate(WorldOptions.Small, cancellationToken: ct);
        var fashion = world.Topics.Select((t, i) => (t, i)).Single(p => p.t.Name == "fashion").i;
        var brief = new CampaignBrief
        {
            Name = "fashion-brand",
            Items = CampaignBrief.ProductsOf(world, fashion, 10),
            Budget = 300,
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
        var output = TestContext.Current.TestOutputHelper;
        foreach (var (plan, arm) in new[] { (byFollowers, run.Arms[0]), (byRoas, run.Arms[1]) })
        {
            var members = arm.Users.ToHashSet();
            var reached = plan.Channels.Keys.Where(members.Contains).ToList();
            var expectedImpressions = reached.Sum(planner.ExpectedImpressions);
            var expectedClicks = reached.Sum(u => planner.ExpectedImpressions(u) * planner.ExpectedClicksPerImpression(u));
            var t = arm.Totals();
            double impressions = t.Sum(x => x.SponsoredImpressions), clicks = t.Sum(x => x.SponsoredClicks);
            output?.WriteLine($"{plan.Strategy}: {plan.Creators.Count} creators, reach {plan.Reach}, expected cost {plan.ExpectedCost:F2}, ROAS {plan.ExpectedRoas:F2}; " +
                $"arm's half: impressions {impressions} vs {expectedImpressions:F0}, clicks {clicks} vs {expectedClicks:F1}, " +
                $"purchases {t.Sum(x => x.SponsoredPurchases)}, simulated ROAS {t.Sum(x => x.AttributedRevenue) / t.Sum(x => x.AdCost):F2}");
            Assert.InRange(impressions / expectedImpressions, 0.9, 1.1);
            // The forecast leaves out organic exposures to the slot's creator, which tire users a little more.
            Assert.InRange(clicks / expectedClicks, 0.7, 1.15);
        }
        // Measured 7.87 against 7.23 at $300, and clicks within 6% of the forecast on both plans (fatigue counted).
        Assert.True(byRoas.ExpectedRoas > byFollowers.ExpectedRoas, $"{byRoas.ExpectedRoas:F2} vs {byFollowers.ExpectedRoas:F2}");
        Assert.True(byRoas.ExpectedCost <= brief.Budget && byFollowers.ExpectedCost <= brief.Budget);
    }
}
