namespace RecLab.Evaluation;

/// <summary>
/// A model produced a prediction or a metric that is not a finite number (NaN or ±∞) where the contract promises one:
/// a named failure instead of a number that would be reported, averaged or ranked as if it meant something.
/// </summary>
/// <remarks>An <see cref="ArithmeticException"/>, as <see cref="Recommenders.Factorization.TrainingDivergedException"/> is.</remarks>
public sealed class NonFiniteResultException(string algorithm, string problem)
    : ArithmeticException($"{algorithm} produced {problem}; the result is not reported as a number. Check the options (regularization, learning rate) and the data.")
{
    /// <summary>The algorithm's registry name.</summary>
    public string Algorithm { get; } = algorithm;
}
