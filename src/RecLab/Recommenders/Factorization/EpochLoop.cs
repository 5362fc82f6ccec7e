using System.Diagnostics;
using System.Globalization;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// The epoch loop the SGD models share: cancellation between epochs, divergence detection (NaN or infinity in the
/// loss or the parameters stops the fit, naming the epoch), and one progress report per epoch with loss and time.
/// </summary>
internal static class EpochLoop
{
    /// <param name="algorithm">Registry name, for messages.</param>
    /// <param name="epochs">Number of epochs.</param>
    /// <param name="learningRate">The step size, quoted when training diverges.</param>
    /// <param name="context">Cancellation and progress.</param>
    /// <param name="runEpoch">Runs epoch e (0-based) and returns its training loss.</param>
    /// <param name="parametersFinite">True while every parameter is finite.</param>
    /// <param name="lossReadsEveryParameter">
    /// Every parameter an epoch changes enters the next epoch's loss (biased MF: each rated user's and item's row and
    /// bias is read for the error of each of its ratings), so a non-finite parameter shows in the next loss and
    /// <paramref name="parametersFinite"/> is needed only after the last epoch (the scan reads every parameter: 0.1 ms
    /// on ml-latest-small at 100 factors, against an epoch of about 1.5 ms).
    /// </param>
    public static void Run(string algorithm, int epochs, float learningRate, FitContext context, Func<int, double> runEpoch, Func<bool> parametersFinite,
        bool lossReadsEveryParameter = false)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var loss = runEpoch(epoch);
            var scan = !lossReadsEveryParameter || epoch == epochs - 1;
            if (!double.IsFinite(loss) || (scan && !parametersFinite()))
                throw new TrainingDivergedException(algorithm, "epoch", epoch + 1,
                    $"the training loss is {loss} or a parameter is no longer finite",
                    $"Try a smaller learning rate (it is {learningRate.ToString(CultureInfo.InvariantCulture)}).");
            context.Progress?.Report(new FitProgress("epoch", epoch + 1, epochs, loss, stopwatch.Elapsed));
        }
    }
}
