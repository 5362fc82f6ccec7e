using RecLab.Data.Synthetic;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Campaigns;

namespace RecLab.Simulation.Tests.Campaigns;

public sealed class CampaignPlannerTests
{
    private static World World => Worlds.Tiny;

    /// <summary>A brand in the world's most followed topic, with its ten best products.</summary>
    private static CampaignBrief Brief(double budget, AudienceSegment? target = null, int days = 7)
    {
        var topic = Enumerable.Range(0, World.Topics.Count)
            .MaxBy(t => Enumerable.Range(0, World.Creators.Count).Where(c => World.Creators.Topics(c)[0] == t).Sum(World.Creators.Followers));
        return new CampaignBrief
        {
            Name = "brand",
            Items = CampaignBrief.ProductsOf(World, topic, 10),
            Budget = budget,
            Days = days,
            Target = target ?? AudienceSegment.Everyone,
            Topics = [topic],
        };
    }

    private static AbRun Simulate(CampaignBrief brief, params CampaignPlan[] plans) =>
        AbSimulator.Run(World, new AbTestOptions
        {
            Arms = [.. plans.Select(p => new AbArm
            {
                Name = p.Strategy.ToString(), Recommender = () => new MostPopular(), Traffic = 1.0 / plans.Length, Sponsored = p.Slots(),
            })],
            Days = brief.Days,
            PreDays = 0,
            Seed = 5,
        }, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Expected_impressions_at_the_top_slot_are_days_times_the_chance_of_a_session()
    {
        var brief = Brief(1000) with { Position = 0, MaxPerUserPerDay = 1 };
        var planner = new CampaignPlanner(World, brief);
        foreach (var u in new[] { 0, 17, 250 })
            Assert.Equal(brief.Days * (1 - Math.Exp(-World.Users.Activity(u))), planner.ExpectedImpressions(u), 4);
    }

    [Fact]
    public void Only_the_target_segment_is_forecast()
    {
        var women = AudienceSegment.Parse("gender=female");
        var planner = new CampaignPlanner(World, Brief(1000, women));
        for (var u = 0; u < World.Users.Count; u++)
            Assert.Equal(World.Users.Gender(u) == 0, planner.ExpectedImpressions(u) > 0);
    }

    [Theory]
    [InlineData(PlanStrategy.ExpectedRoas)]
    [InlineData(PlanStrategy.FollowerCount)]
    public void A_plan_stays_in_budget_and_reaches_each_target_follower_once(PlanStrategy strategy)
    {
        var brief = Brief(20, AudienceSegment.Parse("age=18-24+25-34"));
        var plan = new CampaignPlanner(World, brief).Plan(strategy);

        Assert.NotEmpty(plan.Creators);
        Assert.True(plan.ExpectedCost <= brief.Budget + 1e-9, $"{plan.ExpectedCost} over {brief.Budget}");
        Assert.Equal(plan.Creators.Count, plan.Creators.Select(c => c.Creator).Distinct().Count());
        Assert.Equal(plan.Creators.Sum(c => c.Reach), plan.Reach);
        var bought = plan.Creators.Select(c => c.Creator).ToHashSet();
        Assert.All(plan.Channels, p =>
        {
            Assert.Contains(p.Value, bought);
            Assert.True(World.Follows.Follows(p.Key, p.Value));
            Assert.Contains(World.Users.AgeBand(p.Key), new[] { 1, 2 });
        });
        if (strategy == PlanStrategy.FollowerCount)
            Assert.All(plan.Creators, c => Assert.Contains(brief.Topics[0], World.Creators.Topics(c.Creator).ToArray().Select(t => (int)t)));
    }

    [Fact]
    public void The_roas_plan_expects_more_per_dollar_than_the_follower_count_plan()
    {
        var planner = new CampaignPlanner(World, Brief(20));
        var byRoas = planner.Plan(PlanStrategy.ExpectedRoas);
        var byFollowers = planner.Plan(PlanStrategy.FollowerCount);
        Assert.True(byRoas.ExpectedRoas > byFollowers.ExpectedRoas, $"{byRoas.ExpectedRoas} vs {byFollowers.ExpectedRoas}");
        var ranked = planner.Rank();
        Assert.Equal(ranked.OrderByDescending(f => f.ExpectedRoas).Select(f => f.Creator), ranked.Select(f => f.Creator));
        Assert.Equal(byRoas.Creators[0].Creator, ranked[0].Creator);
    }

    [Fact]
    public void The_forecast_matches_what_the_simulator_delivers_fatigue_included()
    {
        // Four weeks: the slot's creator tires its audience, and there are enough sponsored clicks (about 200) to see it.
        var brief = Brief(1e6, days: 28);
        // The arm's ranking decides which product the slot shows; the forecast values that one.
        var popular = new MostPopular();
        popular.Fit(new TrainingSet(World.Implicit(), World.ItemFeatures, World.UserFeatures), FitContext.Default);
        var planner = new CampaignPlanner(World, brief, ranking: popular);
        var plan = planner.Plan(PlanStrategy.ExpectedRoas);
        var totals = Simulate(brief, plan).Arms[0].Totals();

        double impressions = totals.Sum(t => t.SponsoredImpressions), cost = totals.Sum(t => t.AdCost), clicks = totals.Sum(t => t.SponsoredClicks);
        var expectedImpressions = plan.Creators.Sum(c => c.ExpectedImpressions);
        var expectedClicks = plan.Channels.Keys.Sum(u => planner.ExpectedImpressions(u) * planner.ExpectedClicksPerImpression(u));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"impressions {impressions} vs {expectedImpressions:F0}; cost {cost:F2} vs {plan.ExpectedCost:F2}; clicks {clicks} vs {expectedClicks:F1}; " +
            $"revenue {totals.Sum(t => t.AttributedRevenue):F2} vs {plan.ExpectedRevenue:F2} (a few purchases: not banded)");
        Assert.InRange(impressions / expectedImpressions, 0.9, 1.1);
        Assert.InRange(cost / plan.ExpectedCost, 0.9, 1.1);
        // Organic exposures to the slot's creator tire users further, so the forecast may run a little high, not low.
        Assert.InRange(clicks / expectedClicks, 0.75, 1.1);
    }

    [Fact]
    public void Fatigue_lowers_the_forecast_more_for_the_heaviest_users()
    {
        var brief = Brief(1e6) with { Days = 14 };
        var planner = new CampaignPlanner(World, brief);
        var users = Enumerable.Range(0, World.Users.Count).Where(u => planner.ExpectedImpressions(u) > 0).ToList();
        var light = users.MinBy(u => planner.ExpectedImpressions(u));
        var heavy = users.MaxBy(u => planner.ExpectedImpressions(u));
        double FreshClicks(int u) => brief.Items.Average(i => World.ExaminationProbability(brief.Position)
            * World.ClickProbabilityIfExamined(World.Affinity(u, i), 0, sponsored: true));
        var lightRatio = planner.ExpectedClicksPerImpression(light) / FreshClicks(light);
        var heavyRatio = planner.ExpectedClicksPerImpression(heavy) / FreshClicks(heavy);
        TestContext.Current.TestOutputHelper?.WriteLine($"forecast / fatigue-free clicks per impression: light user {lightRatio:F3}, heavy user {heavyRatio:F3}");
        Assert.True(heavyRatio < lightRatio, $"{heavyRatio} vs {lightRatio}");
        Assert.True(heavyRatio < 0.9, $"{heavyRatio}");
    }

    [Theory]
    [InlineData("", "everyone")]
    [InlineData("everyone", "everyone")]
    [InlineData("age=18-24+25-34;gender=Female", "age=18-24+25-34;gender=female")]
    public void Segments_parse_and_print_by_name(string text, string printed) => Assert.Equal(printed, AudienceSegment.Parse(text).ToString());

    [Theory]
    [InlineData("colour=red", "Unknown audience attribute 'colour'")]
    [InlineData("age=12-13", "Unknown age '12-13': one of 13-17")]
    [InlineData("gender=", "has no value")]
    public void Bad_segments_say_what_is_known(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => AudienceSegment.Parse(text)).Message);

    [Fact]
    public void A_bad_brief_lists_every_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => new CampaignPlanner(World, new CampaignBrief { Items = [-1], Budget = 0, Days = 0 }));
        Assert.Contains("item -1 is outside the catalogue", e.Message);
        Assert.Contains("budget must be a positive number", e.Message);
        Assert.Contains("days must be at least 1", e.Message);
    }
}
