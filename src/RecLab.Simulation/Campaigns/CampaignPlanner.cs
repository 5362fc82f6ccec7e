using MathNet.Numerics.Distributions;
using RecLab.Data.Synthetic;
using RecLab.Recommenders;
using RecLab.Simulation.Behaviour;
using RecLab.Simulation.Policies;

namespace RecLab.Simulation.Campaigns;

/// <summary>
/// Plans an influencer campaign from the world's ground truth (the seeds' influencer–audience matching): for every
/// target user, the sponsored impressions the campaign can expect (sessions per day from the user's activity, the slot
/// reached when the session's attention budget goes past it, at most the daily cap) and the attributed revenue per
/// impression (examination at the slot × click × purchase probability × price, of the product the arm's recommender
/// ranks first for the user, or on average over the products); per creator, the sum over its target followers at its fee. <see cref="Plan"/> spends the budget on creators
/// greedily by expected ROAS over the followers not yet reached (audience overlap counted once), or by follower count.
/// </summary>
/// <remarks>
/// The forecast counts the fatigue the campaign causes itself: the slot repeats the same product, so exposures to its
/// creator pile up, r a day for a user expected to see r sponsored impressions a day, decaying by the world's
/// <see cref="WorldOptions.FatigueDecay"/> overnight. An impression on campaign day j (0-based) meets
/// <c>E_j = r·d(1 − d^j)/(1 − d) + (r − 1)/2</c> earlier exposures (the days before, then the same day's), and the
/// click probability is averaged over the campaign's days. Heavy users of broad audiences see the slot most and tire
/// of it fastest, which a fatigue-free forecast overvalues. Organic exposures to the same creator (which depend on
/// the arm's feed) and interest drift are left out.
/// </remarks>
public sealed class CampaignPlanner
{
    private readonly World _world;
    private readonly float[] _impressions;
    private readonly float[] _clicks;
    private readonly float[] _purchases;
    private readonly float[] _value;

    /// <summary>Forecasts every target user of <paramref name="world"/> for <paramref name="brief"/>.</summary>
    /// <param name="world">The world.</param>
    /// <param name="brief">The campaign.</param>
    /// <param name="behaviour">How users spend attention (the simulation's defaults when null).</param>
    /// <param name="slate">How slates are cut (the defaults when null): the slot must fit in them.</param>
    /// <param name="ranking">
    /// The recommender of the arm that will carry the campaign, fitted on <see cref="World.Implicit()"/>: each user's
    /// value is that of the product it scores highest, which is the one the slot shows. Null: the mean over the products.
    /// </param>
    /// <exception cref="ArgumentException">An invalid brief.</exception>
    public CampaignPlanner(World world, CampaignBrief brief, BehaviourOptions? behaviour = null, SlateOptions? slate = null,
        IRecommender? ranking = null)
    {
        brief.Validate(world);
        behaviour ??= new BehaviourOptions();
        slate ??= new SlateOptions();
        _world = world;
        Brief = brief;
        var users = world.Users;
        _impressions = new float[users.Count];
        _clicks = new float[users.Count];
        _purchases = new float[users.Count];
        _value = new float[users.Count];
        var reachable = brief.Position < slate.Size && brief.Position < behaviour.MaxAttention;
        var examination = world.ExaminationProbability(brief.Position);
        var history = ranking is null ? null : world.Implicit();
        Parallel.For(0, users.Count, () => ranking is null ? [] : new float[world.Items.Count], (u, _, scores) =>
        {
            if (!reachable || !brief.Target.Contains(users, u))
                return scores;
            // Attention budget 1 + Poisson(attention − 1) reaches the slot when it is above the position.
            var reachesSlot = brief.Position == 0 ? 1.0 : 1 - Poisson.CDF(Math.Max(users.Attention(u) - 1, 1e-9), brief.Position - 1);
            var perDay = ExpectedCapped(users.Activity(u) * reachesSlot, brief.MaxPerUserPerDay);
            _impressions[u] = (float)(brief.Days * perDay);
            var shown = -1;
            if (ranking is not null)
            {
                // As the policy orders the campaign: history masked (NaN goes last), ties to the campaign's order.
                var query = UserQuery.ForUser(history!, u);
                ranking.Score(query, scores);
                Ranking.Mask(scores, query.History.Span);
                for (var k = 0; k < brief.Items.Count; k++)
                    if (shown < 0 || Key(scores[brief.Items[k]]) > Key(scores[shown]))
                        shown = brief.Items[k];
            }
            double clicks = 0, purchases = 0, value = 0;
            foreach (var item in brief.Items)
                if (shown < 0 || item == shown)
                {
                    var outcome = PerImpression(world, u, item, perDay, brief.Days, examination);
                    clicks += outcome.Clicks;
                    purchases += outcome.Purchases;
                    value += outcome.Value;
                }
            var share = shown < 0 ? 1.0 / brief.Items.Count : 1.0;
            _clicks[u] = (float)(clicks * share);
            _purchases[u] = (float)(purchases * share);
            _value[u] = (float)(value * share);
            return scores;
        }, _ => { });
    }

    /// <summary>The brief planned for.</summary>
    public CampaignBrief Brief { get; }

    /// <summary>Expected sponsored impressions of <paramref name="user"/> over the campaign (0 outside the target).</summary>
    public double ExpectedImpressions(int user) => _impressions[user];

    /// <summary>Expected attributed revenue per sponsored impression to <paramref name="user"/>.</summary>
    public double ExpectedValuePerImpression(int user) => _value[user];

    /// <summary>Expected clicks per sponsored impression to <paramref name="user"/> (the slot's CTR for them, fatigue included).</summary>
    public double ExpectedClicksPerImpression(int user) => _clicks[user];

    /// <summary>Expected purchases per sponsored impression to <paramref name="user"/>.</summary>
    public double ExpectedPurchasesPerImpression(int user) => _purchases[user];

    /// <summary>Every creator with a target follower, by expected ROAS over its whole target audience (best first).</summary>
    public IReadOnlyList<CreatorForecast> Rank()
    {
        var none = new bool[_world.Users.Count];
        var forecasts = new List<CreatorForecast>();
        for (var c = 0; c < _world.Creators.Count; c++)
            if (Marginal(c, none) is { Reach: > 0 } f)
                forecasts.Add(f);
        return [.. forecasts.OrderByDescending(f => f.ExpectedRoas).ThenBy(f => f.Creator)];
    }

    /// <summary>Buys creators until the next one would exceed the budget; each user is reached through the first creator bought who has them.</summary>
    public CampaignPlan Plan(PlanStrategy strategy)
    {
        var reached = new bool[_world.Users.Count];
        var chosen = new List<CreatorForecast>();
        var channels = new Dictionary<int, int>();
        var remaining = Brief.Budget;
        var open = Enumerable.Range(0, _world.Creators.Count).Where(Eligible(strategy)).ToList();
        if (strategy == PlanStrategy.FollowerCount)
        {
            foreach (var c in open.OrderByDescending(_world.Creators.Followers).ThenBy(c => c))
                if (Marginal(c, reached) is { Reach: > 0 } f && f.ExpectedCost <= remaining)
                    Buy(f);
        }
        else
        {
            while (true)
            {
                CreatorForecast? best = null;
                foreach (var c in open)
                    if (Marginal(c, reached) is { Reach: > 0 } f && f.ExpectedCost <= remaining && (best is null || f.ExpectedRoas > best.ExpectedRoas))
                        best = f;
                if (best is null)
                    break;
                Buy(best);
                open.Remove(best.Creator);
            }
        }
        return new CampaignPlan { Brief = Brief, Strategy = strategy, Creators = chosen, Channels = channels };

        void Buy(CreatorForecast f)
        {
            chosen.Add(f);
            remaining -= f.ExpectedCost;
            foreach (var u in _world.Follows.FollowersOf(f.Creator))
                if (!reached[u] && _impressions[u] > 0)
                {
                    reached[u] = true;
                    channels[u] = f.Creator;
                }
        }
    }

    private Func<int, bool> Eligible(PlanStrategy strategy) => c =>
    {
        if (strategy != PlanStrategy.FollowerCount || Brief.Topics.Count == 0)
            return true;
        foreach (var topic in _world.Creators.Topics(c))
            if (Brief.Topics.Contains(topic))
                return true;
        return false;
    };

    private CreatorForecast Marginal(int creator, bool[] reached)
    {
        var followers = _world.Follows.FollowersOf(creator);
        var reach = 0;
        double impressions = 0, revenue = 0;
        foreach (var u in followers)
        {
            var n = _impressions[u];
            if (n <= 0 || reached[u])
                continue;
            reach++;
            impressions += n;
            revenue += n * (double)_value[u];
        }
        var cost = impressions * _world.Creators.FeePerThousand(creator) / 1000.0;
        return new CreatorForecast(creator, followers.Length, reach, impressions, cost, revenue);
    }

    /// <summary>
    /// Expected clicks, purchases and attributed revenue of one sponsored impression of <paramref name="item"/> to
    /// <paramref name="user"/>, averaged over a campaign of <paramref name="days"/> days in which the user sees
    /// <paramref name="perDay"/> of them a day (the fatigue they cause, as the remarks describe).
    /// </summary>
    internal static (double Clicks, double Purchases, double Value) PerImpression(World world, int user, int item, double perDay, int days,
        float examination)
    {
        var decay = world.Options.FatigueDecay;
        var affinity = world.Affinity(user, item);
        var click = 0.0;
        for (var day = 0; day < days; day++)
        {
            var exposures = perDay * decay * (1 - Math.Pow(decay, day)) / (1 - decay) + Math.Max(0, perDay - 1) / 2;
            click += world.ClickProbabilityIfExamined(affinity, (float)exposures, sponsored: true);
        }
        click *= examination / days;
        var purchase = click * world.PurchaseProbability(user, item, affinity);
        return (click, purchase, purchase * world.Items.Price(item));
    }

    /// <summary>Expected sponsored impressions a day of <paramref name="user"/> (0 outside the target).</summary>
    internal double ImpressionsPerDay(int user) => _impressions[user] / Brief.Days;

    private static float Key(float score) => float.IsNaN(score) ? float.NegativeInfinity : score;

    /// <summary><c>E[min(cap, N)]</c> for <c>N ~ Poisson(mean)</c>.</summary>
    private static double ExpectedCapped(double mean, int cap)
    {
        var shortfall = 0.0;
        for (var k = 0; k < cap; k++)
            shortfall += (cap - k) * Poisson.PMF(Math.Max(mean, 1e-12), k);
        return cap - shortfall;
    }
}
