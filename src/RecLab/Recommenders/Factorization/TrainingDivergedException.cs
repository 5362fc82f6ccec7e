using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Training produced NaN or infinite parameters or loss, or a system that should be positive definite was not
/// (typically a learning rate too large, or no regularization), so the fit stopped rather than return a model that
/// predicts NaN. The message names the algorithm, the epoch or iteration, and what to change.
/// </summary>
/// <remarks>An <see cref="ArithmeticException"/>, so callers catching numeric failures in general still see it.</remarks>
public sealed class TrainingDivergedException : ArithmeticException
{
    /// <summary>Creates the exception: "<c>{algorithm} diverged at {stage} {step}: {problem}. {hint}</c>".</summary>
    /// <param name="algorithm">The algorithm's registry name.</param>
    /// <param name="stage">The unit of <paramref name="step"/>, as in <see cref="FitProgress.Stage"/> (<c>epoch</c>, <c>iteration</c>).</param>
    /// <param name="step">The 1-based step after (or during) which the problem was found.</param>
    /// <param name="problem">What was found, without a final full stop.</param>
    /// <param name="hint">What to change, as a sentence.</param>
    public TrainingDivergedException(string algorithm, string stage, int step, string problem, string hint)
        : base($"{algorithm} diverged at {stage} {step}: {problem}. {hint}")
    {
        Algorithm = algorithm;
        Stage = stage;
        Step = step;
        Hint = hint;
    }

    /// <summary>The algorithm's registry name.</summary>
    public string Algorithm { get; }

    /// <summary>The unit of <see cref="Step"/>: <c>epoch</c>, <c>iteration</c>, or a named stage of the fit.</summary>
    public string Stage { get; }

    /// <summary>The 1-based epoch, iteration or stage number at which NaN, infinity or an indefinite system was found.</summary>
    public int Step { get; }

    /// <summary>What to change to make the fit converge.</summary>
    public string Hint { get; }

    /// <summary>Stops training when parameters stopped being finite numbers ("the {what} factors contain NaN or infinity").</summary>
    internal static void ThrowIfNotFinite(string algorithm, string stage, int step, string what, ReadOnlySpan<float> parameters, string hint)
    {
        if (!Dense.AllFinite(parameters))
            throw new TrainingDivergedException(algorithm, stage, step, $"the {what} factors contain NaN or infinity", hint);
    }
}
