using RecLab.Evaluation.OffPolicy;
using RecLab.Randomness;

namespace RecLab.Tests.Evaluation.OffPolicy;

public sealed class PositionBasedClickModelTests
{
    [Fact]
    public void Recovers_examination_and_attraction_from_clicks()
    {
        // Truth: e_k = (1 + k)^-0.7 over 5 positions, c_i from 0.05 to 0.5 over 10 items, items placed at random.
        var rng = new Rng(3);
        const int n = 200_000;
        var items = new int[n];
        var positions = new byte[n];
        var clicks = new bool[n];
        for (var r = 0; r < n; r++)
        {
            items[r] = rng.NextInt(10);
            positions[r] = (byte)rng.NextInt(5);
            var p = Math.Pow(1 + positions[r], -0.7) * (0.05 + 0.05 * items[r]);
            clicks[r] = rng.NextDouble() < p;
        }
        var model = PositionBasedClickModel.Fit(items, positions, clicks, 10, priorStrength: 1);
        Assert.Equal(1.0, model.Examination(0), 12);
        for (var k = 1; k < 5; k++)
            Assert.Equal(Math.Pow(1 + k, -0.7), model.Examination(k), 0.03);
        for (var i = 0; i < 10; i++)
            Assert.Equal(0.05 + 0.05 * i, model.Attraction(i), 0.015);
        Assert.Equal(0.5 * Math.Pow(4, -0.7), model.ClickProbability(9, 3), 0.02);
    }
}
