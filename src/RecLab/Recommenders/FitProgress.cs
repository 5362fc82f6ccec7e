namespace RecLab.Recommenders;

/// <summary>A progress report from <see cref="IRecommender.Fit"/> (an epoch, an iteration, a stage).</summary>
/// <param name="Stage">What is being done, e.g. <c>epoch</c> or <c>similarities</c>.</param>
/// <param name="Step">Steps done (1-based).</param>
/// <param name="TotalSteps">Steps planned.</param>
/// <param name="Loss">Training loss after the step, when the algorithm has one.</param>
/// <param name="Elapsed">Time since the fit started.</param>
public readonly record struct FitProgress(string Stage, int Step, int TotalSteps, double? Loss, TimeSpan Elapsed);
