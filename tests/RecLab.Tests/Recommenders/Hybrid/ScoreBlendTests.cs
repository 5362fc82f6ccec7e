using RecLab.Recommenders.Hybrid;

namespace RecLab.Tests.Recommenders.Hybrid;

public sealed class ScoreBlendTests
{
    [Fact]
    public void Z_score_uses_the_population_deviation_of_the_scorable_items()
    {
        float[] scores = [1, 2, 3, float.NaN];
        ScoreBlend.Normalize(scores, ScoreNormalization.ZScore);
        // mean 2, variance (1 + 0 + 1) / 3
        var sd = Math.Sqrt(2.0 / 3);
        Assert.Equal(-1 / sd, scores[0], 5);
        Assert.Equal(0f, scores[1], 6);
        Assert.Equal(1 / sd, scores[2], 5);
        Assert.True(float.IsNaN(scores[3]));
    }

    [Fact]
    public void Min_max_maps_the_scorable_range_to_zero_one()
    {
        float[] scores = [4, float.NaN, 2, 3];
        ScoreBlend.Normalize(scores, ScoreNormalization.MinMax);
        Assert.Equal([1f, float.NaN, 0f, 0.5f], scores);
    }

    [Theory]
    [InlineData(ScoreNormalization.ZScore)]
    [InlineData(ScoreNormalization.MinMax)]
    public void Constant_scores_carry_no_information_and_become_zero(ScoreNormalization kind)
    {
        float[] scores = [7, 7, float.NaN];
        ScoreBlend.Normalize(scores, kind);
        Assert.Equal([0f, 0f, float.NaN], scores);
    }

    [Fact]
    public void Blend_adds_weighted_rows_and_keeps_nan_only_where_no_row_scores()
    {
        float[] blend = [float.NaN, float.NaN, float.NaN];
        ScoreBlend.Add([1, float.NaN, float.NaN], 0.5f, blend);
        ScoreBlend.Add([2, 4, float.NaN], 0.25f, blend);
        Assert.Equal([1f, 1f, float.NaN], blend);
    }

    [Fact]
    public void The_weight_grid_is_every_multiple_of_the_step_on_the_simplex()
    {
        var grid = BlendWeightFitter.Simplex(3, 0.5);
        Assert.Equal(
            [[1f, 0f, 0f], [0.5f, 0.5f, 0f], [0.5f, 0f, 0.5f], [0f, 1f, 0f], [0f, 0.5f, 0.5f], [0f, 0f, 1f]],
            grid);
        Assert.Equal(66, BlendWeightFitter.Simplex(3, 0.1).Count);
        Assert.All(BlendWeightFitter.Simplex(4, 0.25), w => Assert.Equal(1f, w.Sum(), 5));
    }
}
