using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Notebooks.Tests;

public sealed class FitLogTests
{
    [Fact]
    public void Keeps_every_report_in_order_and_the_loss_curve_leaves_out_stages_without_a_loss()
    {
        var log = new FitLog();
        log.Report(new FitProgress("similarities", 1, 1, null, TimeSpan.Zero));
        log.Report(new FitProgress("epoch", 1, 2, 0.9, TimeSpan.FromSeconds(1)));
        log.Report(new FitProgress("epoch", 2, 2, 0.7, TimeSpan.FromSeconds(2)));

        var curve = log.LossCurve("mf");

        Assert.Equal(3, log.Reports.Count);
        Assert.Equal("mf", curve.Algorithm);
        Assert.Equal([1, 2], curve.N);
        Assert.Equal([0.9, 0.7], curve.Values);
    }

    [Fact]
    public void Records_a_real_fit_on_the_reporting_thread_so_every_epoch_is_there_when_fit_returns()
    {
        var log = new FitLog();
        var model = new BiasedMf(new BiasedMfOptions { Factors = 4, Epochs = 5 });

        model.Fit(new TrainingSet(Checkerboard.Explicit()), new FitContext { Seed = 1, Progress = log });

        Assert.Equal([1, 2, 3, 4, 5], log.LossCurve("mf").N);
        log.Clear();
        Assert.Empty(log.Reports);
    }
}
