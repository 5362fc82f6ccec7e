using RecLab.Evaluation.Metrics;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class BinaryClassificationTests
{
    [Fact]
    public void Auc_counts_ordered_pairs_and_half_the_ties()
    {
        // Positives 0.8, 0.4; negatives 0.4, 0.1, 0.6. Pairs: 0.8 beats all 3; 0.4 beats 0.1, ties 0.4, loses to 0.6.
        float[] scores = [0.8f, 0.4f, 0.4f, 0.1f, 0.6f];
        bool[] clicked = [true, true, false, false, false];
        Assert.Equal((3 + 1 + 0.5) / 6, BinaryClassification.Auc(scores, clicked), 12);
        Assert.Equal(1.0, BinaryClassification.Auc([0.9f, 0.1f], [true, false]));
        Assert.Equal(0.5, BinaryClassification.Auc([0.3f, 0.3f, 0.3f], [true, false, true]));
        Assert.True(double.IsNaN(BinaryClassification.Auc([0.3f, 0.2f], [true, true])));
    }

    [Fact]
    public void Log_loss_is_the_mean_negative_log_likelihood_with_clipping()
    {
        Assert.Equal(-(Math.Log(0.8) + Math.Log(1 - 0.3)) / 2, BinaryClassification.LogLoss([0.8f, 0.3f], [true, false]), 6);
        Assert.Equal(-Math.Log(1e-15), BinaryClassification.LogLoss([0f], [true]), 6);
        Assert.True(double.IsNaN(BinaryClassification.LogLoss([], [])));
    }

    [Fact]
    public void Mismatched_or_nan_scores_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BinaryClassification.Auc([0.1f], [true, false]));
        Assert.Throws<ArgumentException>(() => BinaryClassification.Auc([float.NaN, 0.1f], [true, false]));
    }
}
