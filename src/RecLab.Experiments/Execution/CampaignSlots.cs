using RecLab.Data.Synthetic;
using RecLab.Experiments.Schema;
using RecLab.Simulation.Campaigns;
using RecLab.Simulation.Policies;

namespace RecLab.Experiments.Execution;

/// <summary>
/// A test's campaign as each arm's sponsored slots: the platform's slots for everyone, or the influencer plan of the
/// arm's strategy (planned once per strategy, from the world's ground truth, on the mean value of the products).
/// </summary>
internal sealed class CampaignSlots(World world, CampaignConfig config, int days)
{
    private readonly Dictionary<PlanStrategy, SponsoredSlots> _plans = [];
    private CampaignPlanner? _planner;

    /// <summary>The brief: the topic's best products, the budget over the test's days, the target audience.</summary>
    public CampaignBrief Brief { get; } = MakeBrief(world, config, days);

    /// <summary>The slots of an arm with <paramref name="strategy"/> (null: the platform's, for everyone, at the campaign's CPM).</summary>
    public SponsoredSlots For(PlanStrategy? strategy)
    {
        if (strategy is not { } s)
            return new SponsoredSlots
            {
                Name = Brief.Name, Items = Brief.Items, Positions = [Brief.Position],
                MaxPerUserPerDay = Brief.MaxPerUserPerDay, CostPerThousand = config.CostPerThousand,
            };
        if (!_plans.TryGetValue(s, out var slots))
        {
            _planner ??= new CampaignPlanner(world, Brief);
            _plans[s] = slots = _planner.Plan(s).Slots();
        }
        return slots;
    }

    private static CampaignBrief MakeBrief(World world, CampaignConfig config, int days)
    {
        var names = world.Topics.Select(t => t.Name).ToList();
        var topic = names.IndexOf(config.Topic);
        if (topic < 0)
            throw new ArgumentException($"The campaign's topic '{config.Topic}' is not in this world; its topics: {string.Join(", ", names)}.");
        return new CampaignBrief
        {
            Name = config.Topic + "-brand",
            Items = CampaignBrief.ProductsOf(world, topic, config.Products),
            Budget = config.Budget,
            Days = days,
            Target = AudienceSegment.Parse(config.Target),
            Topics = [topic],
            Position = config.Position,
            MaxPerUserPerDay = config.MaxPerUserPerDay,
        };
    }
}
