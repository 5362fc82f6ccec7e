using RecLab.Data.Synthetic;
using RecLab.Randomness;

namespace RecLab.Tests.Data.Synthetic;

public sealed class ResponseRowsTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(5)]
    public void Packed_rows_give_the_worlds_affinity_and_creator_bit_for_bit(int latentFactors)
    {
        var world = latentFactors == 16 ? SyntheticWorlds.Tiny : SyntheticWorlds.Generate(WorldOptions.Tiny with { LatentFactors = latentFactors });
        var rows = new ResponseRows(world.Items, world.Topics.Count);
        var rng = new Rng(3);
        var probe = new float[world.Dimensions];
        var secondaries = 0;
        for (var item = 0; item < world.Items.Count; item++)
        {
            Assert.Equal(world.Items.Creator(item), rows.Creator(item));
            if (world.Items.SecondaryTopic(item) >= 0)
                secondaries++;
            foreach (var user in (ReadOnlySpan<int>)[item % world.Users.Count, (item * 7 + 3) % world.Users.Count])
            {
                var taste = world.Users.Taste(user);
                Assert.Equal(BitConverter.SingleToInt32Bits(world.Affinity(taste, item)), BitConverter.SingleToInt32Bits(rows.Affinity(taste, item)));
            }
            for (var j = 0; j < probe.Length; j++)
                probe[j] = (float)rng.NextGaussian();
            Assert.Equal(BitConverter.SingleToInt32Bits(world.Affinity(probe, item)), BitConverter.SingleToInt32Bits(rows.Affinity(probe, item)));
        }
        Assert.InRange(secondaries, 1, world.Items.Count - 1);
    }
}
