using RecLab.Data;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Neighborhood;

/// <summary>
/// Surprise's figures on ml-latest-small, 5-fold, default parameters (ANCHORS.md): RMSE and MAE may be at most 0.005
/// worse. A result far better than the peer would mean test ratings leaked into training, so that fails too.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MovieLensAccuracyTests
{
    private static readonly Lazy<InteractionData> Data = new(() => DatasetLoader.Load(SharedData.MovieLensSmall()).Interactions);

    public static TheoryData<string, double, double> Anchors() => new()
    {
        { "bias", 0.8725, 0.6726 },
        { "user-knn", 0.9485, 0.7268 },
        { "item-knn", 0.9088, 0.7000 },
        { "user-knn:prediction=with-means", 0.8983, 0.6861 },
        { "user-knn:prediction=baseline", 0.8755, 0.6692 },
        { "slope-one", 0.9024, 0.6893 },
    };

    [Theory]
    [MemberData(nameof(Anchors))]
    public void Five_fold_accuracy_is_within_the_band_of_surprise(string spec, double rmse, double mae)
    {
        SharedData.MovieLensSmall();
        var result = RatingCrossValidation.Run(Data.Value, spec);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{spec}: RMSE {result.Rmse:F4} (Surprise {rmse}), MAE {result.Mae:F4} (Surprise {mae}), fit {result.FitSeconds:F3} s/fold, " +
            $"predict {result.PredictSeconds:F3} s/fold, model {result.ModelBytes / 1e6:F0} MB");
        Assert.InRange(result.Rmse, rmse - 0.03, rmse + 0.005);
        Assert.InRange(result.Mae, mae - 0.03, mae + 0.005);
    }
}
