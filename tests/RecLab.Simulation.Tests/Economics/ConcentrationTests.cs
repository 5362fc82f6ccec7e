using RecLab.Simulation.Economics;

namespace RecLab.Simulation.Tests.Economics;

public sealed class ConcentrationTests
{
    [Fact]
    public void Top_share_takes_at_least_one_entity()
    {
        var amounts = Enumerable.Repeat(1.0, 99).Append(50.0).ToArray();
        Assert.Equal(50.0 / 149, Concentration.TopShare(amounts, 0.01), 12);
        // 1% of 10 entities rounds up to one entity.
        Assert.Equal(0.1, Concentration.TopShare(Enumerable.Repeat(2.0, 10).ToArray(), 0.01), 12);
        Assert.Equal(0.5, Concentration.TopShare([1, 1, 1, 1], 0.5), 12);
    }
}
