using RecLab.Data.Synthetic;
using RecLab.Randomness;

namespace RecLab.Tests.Data.Synthetic;

public sealed class CreatorExposuresTests
{
    [Theory]
    [InlineData(0.5f)]
    [InlineData(0.9f)]
    [InlineData(0.3f)]
    [InlineData(1f)]
    [InlineData(0f)]
    public void Lazy_decay_gives_the_eager_lists_amounts_bit_for_bit(float decay)
    {
        const int creators = 40;
        var lazy = new CreatorExposures(creators, decay);
        var rng = new Rng(5);
        var checkedRead = 0;
        for (var user = 0; user < 30; user++)
        {
            var eager = new ExposureMemory();
            lazy.NextUser();
            for (var day = 0; day < 60; day++)
            {
                // Idle days (no impression) must decay as much as busy ones; a few creators take most impressions.
                var impressions = rng.NextDouble() < 0.3 ? 0 : rng.NextInt(12);
                for (var k = 0; k < impressions; k++)
                {
                    var creator = rng.NextDouble() < 0.7 ? rng.NextInt(4) : rng.NextInt(creators);
                    var expected = eager.AddAndGetPrevious(creator);
                    Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(lazy.AddAndGetPrevious(creator, day)));
                    if (expected is > 0 and < 1)
                        checkedRead++;
                }
                eager.EndDay(decay);
            }
        }
        if (decay is > 0 and < 1)
            Assert.True(checkedRead > 100, $"only {checkedRead} decayed amounts compared");
    }

    [Fact]
    public void A_new_user_starts_without_exposure()
    {
        var lazy = new CreatorExposures(3, 0.5f);
        lazy.NextUser();
        lazy.AddAndGetPrevious(1, 0);
        Assert.Equal(1f, lazy.AddAndGetPrevious(1, 0));
        Assert.Equal(1f, lazy.AddAndGetPrevious(1, 1));
        Assert.Equal(0.5f, lazy.AddAndGetPrevious(1, 3));
        Assert.Equal(0f, lazy.AddAndGetPrevious(0, 3));
        lazy.NextUser();
        Assert.Equal(0f, lazy.AddAndGetPrevious(1, 5));
    }
}
