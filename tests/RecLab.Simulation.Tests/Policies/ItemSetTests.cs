using RecLab.Simulation.Policies;

namespace RecLab.Simulation.Tests.Policies;

public sealed class ItemSetTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 1_000)]
    [InlineData(3, 50_000)]
    public void It_holds_what_a_hash_set_holds_through_every_growth(int seed, int adds)
    {
        // Items from a range about as wide as the adds, so repeats happen, and probes collide and wrap around the table.
        var random = new Random(seed);
        var set = new ItemSet();
        var expected = new HashSet<int>();
        for (var k = 0; k < adds; k++)
        {
            var item = random.Next(adds + adds / 2 + 1);
            Assert.Equal(expected.Add(item), set.Add(item));
            Assert.Equal(expected.Count, set.Count);
        }
        for (var item = 0; item < adds * 2 + 2; item++)
            Assert.Equal(expected.Contains(item), set.Contains(item));
    }

    [Fact]
    public void It_refuses_a_negative_item()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemSet().Add(-1));
    }
}
