using RecLab.Simulation.Behaviour;

namespace RecLab.Simulation.AbTesting;

/// <summary>
/// What one arm's users did: each member's activity on every test day (and summed over the pre-period), and the arm's
/// impressions, clicks and purchases per item, from which creator-level aggregates are derived.
/// </summary>
public sealed class ArmRun
{
    private readonly UserActivity[] _daily;
    private readonly UserActivity[] _pre;
    private readonly Behaviour.ArmCounters _counters;
    private readonly List<double> _fitSeconds = [];

    internal ArmRun(string name, double traffic, int[] users, int days, int items, int creators)
    {
        Name = name;
        Traffic = traffic;
        Users = users;
        Days = days;
        _daily = new UserActivity[(long)users.Length * days];
        _pre = new UserActivity[users.Length];
        _counters = new Behaviour.ArmCounters(items, creators);
    }

    /// <summary>The arm's name.</summary>
    public string Name { get; }

    /// <summary>Its planned traffic share.</summary>
    public double Traffic { get; }

    /// <summary>Its members (user indices, ascending); member k is <c>Users[k]</c>.</summary>
    public IReadOnlyList<int> Users { get; }

    /// <summary>Test days.</summary>
    public int Days { get; }

    /// <summary>Seconds spent on each fit of the arm's model (the first, then each retraining); empty when a fitted policy was given.</summary>
    public IReadOnlyList<double> FitSeconds => _fitSeconds;

    /// <summary>Member <paramref name="member"/>'s activity on test day <paramref name="day"/> (0 = the first test day).</summary>
    public UserActivity Activity(int member, int day) => _daily[(long)member * Days + day];

    /// <summary>Each member's activity summed over test days 0 to <paramref name="throughDay"/>.</summary>
    public UserActivity[] Cumulative(int throughDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(throughDay);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(throughDay, Days);
        var totals = new UserActivity[Users.Count];
        for (var k = 0; k < totals.Length; k++)
            for (var d = 0; d <= throughDay; d++)
                totals[k].Add(in _daily[(long)k * Days + d]);
        return totals;
    }

    /// <summary>Each member's activity over the whole test.</summary>
    public UserActivity[] Totals() => Cumulative(Days - 1);

    /// <summary>Each member's activity over the pre-period (all zero without one).</summary>
    public IReadOnlyList<UserActivity> PrePeriod => _pre;

    /// <summary>Impressions per item during the test.</summary>
    public ReadOnlySpan<int> ItemImpressions => _counters.ItemImpressions;

    /// <summary>Clicks per item during the test.</summary>
    public ReadOnlySpan<int> ItemClicks => _counters.ItemClicks;

    /// <summary>Purchases per item during the test.</summary>
    public ReadOnlySpan<int> ItemPurchases => _counters.ItemPurchases;

    /// <summary>Sponsored impressions delivered through each creator (influencer campaigns).</summary>
    public ReadOnlySpan<int> ChannelImpressions => _counters.ChannelImpressions;

    internal Behaviour.ArmCounters Counters => _counters;

    internal Span<UserActivity> DailyOf(int member) => _daily.AsSpan((int)((long)member * Days), Days);

    internal ref UserActivity PreOf(int member) => ref _pre[member];

    internal void AddFit(double seconds) => _fitSeconds.Add(seconds);
}
