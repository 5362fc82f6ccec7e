namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Training produced NaN or infinite parameters or loss (typically a learning rate too large for the data), so the
/// fit stopped rather than return a model that predicts NaN.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for the 1-based epoch at which divergence was detected.</summary>
    public TrainingDivergedException(string algorithm, int epoch, double loss, float learningRate)
        : base($"{algorithm} diverged at epoch {epoch}: the training loss is {loss} or a parameter is no longer finite. " +
               $"Try a smaller learning rate (it is {learningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}).")
    {
        Algorithm = algorithm;
        Epoch = epoch;
    }

    /// <summary>The algorithm's registry name.</summary>
    public string Algorithm { get; }

    /// <summary>The 1-based epoch after which NaN or infinity was found.</summary>
    public int Epoch { get; }
}
