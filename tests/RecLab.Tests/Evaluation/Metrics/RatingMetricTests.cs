using RecLab.Evaluation.Metrics;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class RatingMetricTests
{
    [Fact]
    public void Hand_computed_errors()
    {
        // Errors −0.5, 0, −3: MAE = 3.5 / 3; RMSE = sqrt((0.25 + 0 + 9) / 3).
        float[] predicted = [3.5f, 4f, 2f];
        float[] actual = [4f, 4f, 5f];
        Assert.Equal(1.1666666666666667, new Mae().Measure(predicted, actual), 12);
        Assert.Equal(1.7559422921421233, new Rmse().Measure(predicted, actual), 12);
    }

    [Fact]
    public void Perfect_predictions_have_zero_error()
    {
        Assert.Equal(0.0, new Rmse().Measure([1f, 5f], [1f, 5f]));
        Assert.Equal(0.0, new Mae().Measure([1f, 5f], [1f, 5f]));
    }

    [Fact]
    public void No_ratings_is_undefined_and_misaligned_input_is_an_error()
    {
        Assert.True(double.IsNaN(new Rmse().Measure([], [])));
        Assert.True(double.IsNaN(new Mae().Measure([], [])));
        Assert.Throws<ArgumentException>(() => new Rmse().Measure([1f], [1f, 2f]));
        Assert.Throws<ArgumentException>(() => new Mae().Measure([1f, 2f], [1f]));
    }

    [Fact]
    public void Lower_is_better()
    {
        Assert.False(new Rmse().HigherIsBetter);
        Assert.False(new Mae().HigherIsBetter);
        Assert.Equal("rmse", new Rmse().Name);
        Assert.Equal("mae", new Mae().Name);
    }
}
