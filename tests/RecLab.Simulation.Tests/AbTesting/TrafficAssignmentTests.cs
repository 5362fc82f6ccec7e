using RecLab.Simulation.AbTesting;

namespace RecLab.Simulation.Tests.AbTesting;

public sealed class TrafficAssignmentTests
{
    [Fact]
    public void Buckets_fall_in_the_cumulative_traffic_intervals()
    {
        double[] traffic = [0.2, 0.3, 0.1];
        Assert.Equal(0, TrafficAssignment.ArmOf(0.0, traffic));
        Assert.Equal(0, TrafficAssignment.ArmOf(0.19, traffic));
        Assert.Equal(1, TrafficAssignment.ArmOf(0.2, traffic));
        Assert.Equal(2, TrafficAssignment.ArmOf(0.55, traffic));
        Assert.Equal(-1, TrafficAssignment.ArmOf(0.6, traffic));
    }

    [Fact]
    public void Assignment_is_stable_per_salt_splits_by_traffic_and_a_new_salt_reshuffles()
    {
        var users = Worlds.Tiny.UserIds;
        double[] traffic = [0.5, 0.25, 0.25];
        var a = TrafficAssignment.Assign(users, "test-1", traffic);
        Assert.Equal(a, TrafficAssignment.Assign(users, "test-1", traffic));
        var counts = Enumerable.Range(0, 3).Select(arm => a.Count(x => x == arm)).ToArray();
        // 500 users: binomial standard deviations are about 11 and 10.
        Assert.InRange(counts[0], 250 - 40, 250 + 40);
        Assert.InRange(counts[1], 125 - 35, 125 + 35);
        Assert.InRange(counts[2], 125 - 35, 125 + 35);
        var other = TrafficAssignment.Assign(users, "test-2", traffic);
        var same = a.Zip(other).Count(p => p.First == p.Second);
        // Independent salts agree for about 0.5² + 2·0.25² = 37.5% of users.
        Assert.InRange(same, 500 * 0.375 - 45, 500 * 0.375 + 45);
    }
}
