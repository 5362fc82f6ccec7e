using RecLab.Data;
using RecLab.Recommenders.ColdStart;

namespace RecLab.Tests.Recommenders.ColdStart;

public sealed class BanditReplayTests
{
    /// <summary>Always shows one item when offered, else the first offered.</summary>
    private sealed class Fixed(int item) : IBandit
    {
        public List<(int Item, bool Clicked)> Learnt { get; } = [];

        public string Name => "fixed";

        public int Choose(int user, ReadOnlySpan<int> arms) => arms.Contains(item) ? item : arms[0];

        public void Update(int user, int item, bool clicked) => Learnt.Add((item, clicked));
    }

    /// <summary>
    /// Rows in time order (item, position, clicked, propensity): (0, 1) makes item 0 known; then top slots
    /// (1, no click, 0.5), (0, click, 0.25), (2, click, 0.5), (0, no click, 0.5), (1, click, 0.2).
    /// </summary>
    private static ImpressionLog Log()
    {
        int[] items = [0, 1, 0, 2, 0, 1];
        int[] positions = [1, 0, 0, 0, 0, 0];
        bool[] clicked = [false, false, true, true, false, true];
        float[] propensities = [0.5f, 0.5f, 0.25f, 0.5f, 0.5f, 0.2f];
        long[] times = [1, 2, 3, 4, 5, 6];
        return new ImpressionLog(IdMap.Sequential(1), IdMap.Sequential(3), new int[6], items, positions, clicked, propensities, times);
    }

    [Fact]
    public void Ips_and_snips_weight_the_matched_events_by_their_propensities()
    {
        var bandit = new Fixed(0);
        var result = BanditReplay.Run(bandit, Log(), poolSize: 10);
        // Every top slot has item 0 in the pool; the bandit matches at times 3 (click, p = 0.25) and 5 (no click, p = 0.5).
        Assert.Equal(5, result.Events);
        Assert.Equal(2, result.Matches);
        Assert.Equal(4.0 / 5, result.Ips, 6);
        Assert.Equal(4.0 / (4 + 2), result.Snips, 6);
        Assert.Equal(3.0 / 5, result.LoggedCtr, 6);
        Assert.Equal([(0, true), (0, false)], bandit.Learnt);
    }

    [Fact]
    public void The_pool_holds_only_the_most_recently_shown_items()
    {
        // Pool of 1: the item shown last. Times 2: {0}; 3: {1}; 4: {0}; 5: {2}; 6: {0}.
        var bandit = new Fixed(1);
        var result = BanditReplay.Run(bandit, Log(), poolSize: 1);
        // Chooses 0 at time 2 (logged 1: no match), 1 at time 3 (logged 0), 0 at 4 (logged 2), 2 at 5 (logged 0), 0 at 6 (logged 1).
        Assert.Equal(0, result.Matches);
        Assert.Equal(0, result.Ips);
        Assert.True(double.IsNaN(result.Snips));
    }

    [Fact]
    public void A_log_without_propensities_is_refused()
    {
        var log = new ImpressionLog(IdMap.Sequential(1), IdMap.Sequential(1), [0], [0], [0], [true]);
        Assert.Throws<ArgumentException>(() => BanditReplay.Run(new Fixed(0), log));
    }
}
