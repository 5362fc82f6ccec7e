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
    public static void Run(string algorithm, int epochs, float learningRate, FitContext context, Func<int, double> runEpoch, Func<bool> parametersFinite)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var loss = runEpoch(epoch);
            if (!double.IsFinite(loss) || !parametersFinite())
                throw new TrainingDivergedException(algorithm, "epoch", epoch + 1,
                    $"the training loss is {loss} or a parameter is no longer finite",
                    $"Try a smaller learning rate (it is {learningRate.ToString(CultureInfo.InvariantCulture)}).");
            context.Progress?.Report(new FitProgress("epoch", epoch + 1, epochs, loss, stopwatch.Elapsed));
        }
    }
}
