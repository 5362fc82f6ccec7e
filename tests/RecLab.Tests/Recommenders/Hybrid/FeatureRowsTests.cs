using RecLab.Recommenders.Hybrid;

namespace RecLab.Tests.Recommenders.Hybrid;

public sealed class FeatureRowsTests
{
    [Fact]
    public void Weights_are_normalized_to_sum_one_and_non_positive_ones_dropped()
    {
        var rows = FeatureRows.Build(3, e => e switch
        {
            0 => [(0, 1f), (5, 1f), (7, 2f)],
            1 => [(1, 0f), (6, 0.5f)],
            _ => [],
        });
        Assert.Equal([0, 5, 7], rows.Rows(0).ToArray());
        Assert.Equal([0.25f, 0.25f, 0.5f], rows.Weights(0).ToArray());
        Assert.Equal([6], rows.Rows(1).ToArray());
        Assert.Equal([1f], rows.Weights(1).ToArray());
        Assert.Equal(0, rows.Rows(2).Length);
    }

    [Fact]
    public void Composition_is_the_weighted_sum_of_rows_and_a_step_follows_the_adagrad_rule()
    {
        var rng = new RecLab.Randomness.Rng(1);
        var table = new FeatureEmbeddings(3, 2, ref rng);
        table.Row(0)[0] = 1; table.Row(0)[1] = 2;
        table.Row(2)[0] = 3; table.Row(2)[1] = -1;
        table.Biases[0] = 0.5f; table.Biases[2] = 1f;
        var v = new float[2];
        var bias = table.Compose([0, 2], [0.25f, 0.75f], v);
        Assert.Equal([0.25f + 2.25f, 0.5f - 0.75f], v);
        Assert.Equal(0.125f + 0.75f, bias);

        // Gradient (1, -2) on the composed vector, 0.5 on its bias, λ = 0: row 0 gets (0.25, -0.5), accumulators start at 1.
        table.Step([0, 2], [0.25f, 0.75f], [1f, -2f], 0.5f, withBias: true, learningRate: 0.1f, regularization: 0f);
        Assert.Equal(1 - 0.1f * 0.25f / MathF.Sqrt(1 + 0.0625f), table.Row(0)[0], 6);
        Assert.Equal(2 + 0.1f * 0.5f / MathF.Sqrt(1 + 0.25f), table.Row(0)[1], 6);
        Assert.Equal(0.5f - 0.1f * 0.125f / MathF.Sqrt(1 + 0.015625f), table.Biases[0], 6);
        Assert.Equal(3 - 0.1f * 0.75f / MathF.Sqrt(1 + 0.5625f), table.Row(2)[0], 6);
    }
}
