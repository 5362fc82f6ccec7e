using RecLab.Data.Synthetic;
using RecLab.Recommenders.Baselines;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Behaviour;
using RecLab.Simulation.Economics;
using RecLab.Simulation.Policies;

namespace RecLab.Simulation.Tests.Behaviour;

public sealed class DaySimulatorTests
{
    private static AbRun Run(AbArm arm, BehaviourOptions? behaviour = null, int days = 2) =>
        AbSimulator.Run(Worlds.Tiny, new AbTestOptions
        {
            Arms = [arm with { Traffic = 1 }],
            Days = days,
            PreDays = 0,
            Seed = 11,
            Behaviour = behaviour ?? new BehaviourOptions(),
            Economics = new EconomicsOptions { CreatorCommission = 0.1 },
        }, cancellationToken: TestContext.Current.CancellationToken);

    private static AbArm Popular => new() { Name = "popular", Recommender = () => new MostPopular() };

    private static IEnumerable<UserActivity> UserDays(ArmRun arm)
    {
        for (var m = 0; m < arm.Users.Count; m++)
            for (var d = 0; d < arm.Days; d++)
                yield return arm.Activity(m, d);
    }

    [Fact]
    public void Money_adds_up_price_times_purchases_margin_commission_and_cpm()
    {
        var world = Worlds.Tiny;
        var products = Enumerable.Range(0, world.Items.Count).Where(i => world.Items.Kind(i) == ItemKind.Product).Take(20).ToArray();
        var campaign = new SponsoredSlots { Items = products, Positions = [0], MaxPerUserPerDay = 1, CostPerThousand = 10 };
        var arm = Run(Popular with { Slate = new SlateOptions(), Sponsored = campaign }).Arms[0];
        var totals = arm.Totals();
        double revenue = totals.Sum(t => t.Revenue), margin = totals.Sum(t => t.Margin);

        double expectedRevenue = 0, expectedMargin = 0;
        for (var i = 0; i < world.Items.Count; i++)
        {
            expectedRevenue += arm.ItemPurchases[i] * (double)world.Items.Price(i);
            expectedMargin += arm.ItemPurchases[i] * (double)world.Items.Price(i) * world.Items.Margin(i);
        }
        Assert.True(revenue > 0, "someone bought something");
        Assert.Equal(expectedRevenue, revenue, 6);
        Assert.Equal(expectedMargin, margin, 6);
        Assert.Equal(0.1 * revenue, totals.Sum(t => t.CreatorPayout), 6);
        var sponsoredImpressions = totals.Sum(t => t.SponsoredImpressions);
        Assert.True(sponsoredImpressions > 0);
        // CPM: $10 per thousand sponsored impressions.
        Assert.Equal(sponsoredImpressions * 0.01, totals.Sum(t => t.AdCost), 9);
        Assert.All(UserDays(arm), d => Assert.True(d.SponsoredImpressions <= 1, "one sponsored impression per user and day"));
        Assert.All(totals, t => Assert.True(t.AttributedRevenue <= t.Revenue + 1e-9 && t.SponsoredPurchases <= t.Purchases));
        Assert.Equal(arm.ItemImpressions.ToArray().Sum(), totals.Sum(t => t.Impressions));
        Assert.Equal(arm.ItemClicks.ToArray().Sum(), totals.Sum(t => t.Clicks));
    }

    [Fact]
    public void The_cascade_user_leaves_after_a_click_so_a_day_has_at_most_one_click_per_session()
    {
        var arm = Run(Popular, new BehaviourOptions { Examination = ExaminationModel.Cascade, StopAfterClick = 1 }).Arms[0];
        Assert.True(arm.Totals().Sum(t => t.Clicks) > 0);
        Assert.All(UserDays(arm), d => Assert.True(d.Clicks <= d.Sessions, $"{d.Clicks} clicks in {d.Sessions} sessions"));
    }

    [Fact]
    public void A_session_sees_at_most_the_slate_size_and_a_deeper_slate_gets_more_impressions()
    {
        var shallow = Run(Popular with { Slate = new SlateOptions { Size = 3 } }).Arms[0];
        Assert.All(UserDays(shallow), d => Assert.True(d.Impressions <= 3 * d.Sessions));
        var deep = Run(Popular with { Slate = new SlateOptions { Size = 50 } }).Arms[0];
        Assert.True(deep.Totals().Sum(t => t.Impressions) > shallow.Totals().Sum(t => t.Impressions));
    }
}
