using RecLab.Data.Synthetic;
using RecLab.Randomness;
using RecLab.Simulation.Economics;
using RecLab.Simulation.Policies;

namespace RecLab.Simulation.Behaviour;

/// <summary>
/// One user's simulated day under a policy: sessions from the activity rate; in each, a slate as long as the attention
/// budget allows, scrolled under the examination model; every impression answered by the world's ground truth (fatigue
/// carried in the <see cref="UserState"/>); money booked by the economics rules; and at the end of the day fatigue
/// decays and the taste may drift.
/// </summary>
internal sealed class DaySimulator
{
    private readonly World _world;
    private readonly BehaviourOptions _behaviour;
    private readonly double _commission;
    private readonly float _clickWeight, _likeWeight, _purchaseWeight;

    public DaySimulator(World world, BehaviourOptions behaviour, EconomicsOptions economics)
    {
        behaviour.Validate();
        economics.Validate();
        _world = world;
        _behaviour = behaviour;
        _commission = economics.CreatorCommission;
        _clickWeight = world.Options.ClickWeight;
        _likeWeight = world.Options.LikeWeight;
        _purchaseWeight = world.Options.PurchaseWeight;
    }

    /// <summary>Per-thread buffers.</summary>
    public sealed class Scratch(World world, int maxAttention)
    {
        public readonly int[] Slate = new int[maxAttention];
        public readonly bool[] Sponsored = new bool[maxAttention];
        public readonly DayCounters Today = new(world.Creators.Count);
    }

    public Scratch NewScratch() => new(_world, _behaviour.MaxAttention);

    /// <summary>
    /// Simulates the day; adds to <paramref name="activity"/>, the arm's counters and (when given) the click log.
    /// <paramref name="revenueFactor"/> is 1 + an injected true effect on the value of purchases (1 normally). An
    /// exploration arm orders the user's candidates for the day first and records what it showed from them in
    /// <paramref name="explored"/>.
    /// </summary>
    public void Run(Policy policy, int day, UserState state, Viewer viewer, ref Rng rng, Scratch scratch, ArmCounters? counters,
        double revenueFactor, ref UserActivity activity, List<LoggedClick>? clicks, List<ExploredImpression>? explored = null)
    {
        var user = state.User;
        var users = _world.Users;
        var items = _world.Items;
        var creators = _world.Creators;
        var exclude = policy.Slate.Exclude;
        var campaign = policy.Sponsored;
        var cascade = _behaviour.Examination == ExaminationModel.Cascade;
        var sessions = Math.Min(Sampling.Poisson(ref rng, users.Activity(user)), _behaviour.MaxSessionsPerDay);
        var exploration = policy.Exploration;
        if (exploration is not null && sessions > 0)
            exploration.Order(policy, user, viewer, ref rng);
        else
            viewer.ExploreItems.Clear();
        scratch.Today.Reset();
        activity.Sessions += sessions;
        for (var s = 0; s < sessions; s++)
        {
            var budget = Math.Clamp(1 + Sampling.Poisson(ref rng, users.Attention(user) - 1), 1, _behaviour.MaxAttention);
            var length = Math.Min(budget, policy.Slate.Size);
            var slate = scratch.Slate.AsSpan(0, length);
            var sponsored = scratch.Sponsored.AsSpan(0, length);
            var filled = SlateBuilder.Build(policy, user, viewer, scratch.Today, ref rng, slate, sponsored);
            var spent = 0.0;
            for (var k = 0; k < filled && spent < budget; k++)
            {
                var item = slate[k];
                // The cascade user examines every position reached: position 0's examination probability is 1.
                var outcome = _world.Respond(state, item, cascade ? 0 : k, sponsored[k], ref rng, out _);
                spent += 1;
                activity.Impressions++;
                counters?.Impression(item);
                if (exclude == SeenItems.Shown)
                    viewer.Seen.Add(item);
                if (exploration is not null && explored is not null && !sponsored[k] && viewer.ExploreItems.IndexOf(item) is var j and >= 0)
                    explored.Add(new ExploredImpression(item, viewer.ExploreBuckets[j], viewer.ExploreShares[j], (outcome & Engagement.Click) != 0));
                if (sponsored[k])
                {
                    activity.SponsoredImpressions++;
                    if (campaign!.Channels is { } channels)
                    {
                        var channel = channels[user];
                        var fee = creators.FeePerThousand(channel) / 1000.0;
                        activity.AdCost += fee;
                        activity.CreatorPayout += fee;
                        counters?.Channel(channel);
                    }
                    else
                    {
                        activity.AdCost += campaign.CostPerThousand / 1000.0;
                    }
                }
                if ((outcome & Engagement.Click) == 0)
                    continue;
                activity.Clicks++;
                counters?.Click(item);
                if (sponsored[k])
                    activity.SponsoredClicks++;
                if (exclude == SeenItems.Clicked)
                    viewer.Seen.Add(item);
                spent += _behaviour.AttentionPerClick;
                var liked = (outcome & Engagement.Like) != 0;
                var bought = (outcome & Engagement.Purchase) != 0;
                if (liked)
                    activity.Likes++;
                if (bought)
                {
                    var value = items.Price(item) * revenueFactor;
                    activity.Purchases++;
                    activity.Revenue += value;
                    activity.Margin += value * items.Margin(item);
                    activity.CreatorPayout += value * _commission;
                    counters?.Purchase(item);
                    if (sponsored[k])
                    {
                        activity.SponsoredPurchases++;
                        activity.AttributedRevenue += value;
                    }
                }
                clicks?.Add(new LoggedClick(user, item,
                    _clickWeight + (liked ? _likeWeight : 0f) + (bought ? _purchaseWeight : 0f), day));
                if (cascade && rng.NextDouble() < _behaviour.StopAfterClick)
                    break;
            }
        }
        state.EndDay(ref rng);
    }
}
