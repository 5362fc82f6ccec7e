using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class ScoreMetricTests
{
    private static RelevanceSet Relevant(int itemCount, params int[] items)
    {
        var set = new RelevanceSet(itemCount);
        set.Reset(items);
        return set;
    }

    [Fact]
    public void Hand_computed_auc()
    {
        // Positives {0: .9, 2: .7}, negatives {1: .8, 3: .6}: pairs (0,1) win, (0,3) win, (2,1) loss, (2,3) win = 3/4.
        Assert.Equal(0.75, new Auc().Measure([0.9f, 0.8f, 0.7f, 0.6f], Relevant(4, 0, 2)), 12);
    }

    [Fact]
    public void Ties_count_half_and_non_candidates_drop_out()
    {
        // Item 2 is relevant but NaN (not a candidate). Positive {0: .5} against {1: .5 tie, 3: .2 win, 4: .9 loss}
        // = (0.5 + 1 + 0) / 3.
        Assert.Equal(0.5, new Auc().Measure([0.5f, 0.5f, float.NaN, 0.2f, 0.9f], Relevant(5, 0, 2)), 12);
        // Item 3 masked too: (0.5 + 0) / 2.
        Assert.Equal(0.25, new Auc().Measure([0.5f, 0.5f, float.NaN, float.NaN, 0.9f], Relevant(5, 0, 2)), 12);
    }

    [Fact]
    public void Constant_scores_give_one_half()
    {
        Assert.Equal(0.5, new Auc().Measure([1f, 1f, 1f, 1f, 1f], Relevant(5, 1, 3)), 12);
    }

    [Fact]
    public void Perfect_scores_give_one_and_reversed_give_zero()
    {
        float[] perfect = [0.1f, 0.9f, 0.2f, 0.8f, 0.3f];
        var relevant = Relevant(5, 1, 3);
        Assert.Equal(1.0, new Auc().Measure(perfect, relevant));
        Assert.Equal(0.0, new Auc().Measure(Array.ConvertAll(perfect, s => -s), relevant));
    }

    [Fact]
    public void Undefined_without_both_kinds_of_candidate()
    {
        Assert.True(double.IsNaN(new Auc().Measure([0.3f, 0.2f], Relevant(2, 0, 1))));
        Assert.True(double.IsNaN(new Auc().Measure([float.NaN, 0.2f], Relevant(2, 0))));
    }

    [Fact]
    public void Score_vector_must_cover_the_catalogue()
    {
        Assert.Throws<ArgumentException>(() => new Auc().Measure([0.3f, 0.2f], Relevant(3, 0)));
    }
}
