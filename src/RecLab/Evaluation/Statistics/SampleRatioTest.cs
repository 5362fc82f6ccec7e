namespace RecLab.Evaluation.Statistics;

/// <summary>The result of a sample-ratio-mismatch check (<see cref="AbTests.SampleRatioMismatch"/>).</summary>
/// <param name="ChiSquare">Pearson's statistic <c>Σ (O − E)² / E</c>.</param>
/// <param name="DegreesOfFreedom">Arms − 1.</param>
/// <param name="PValue">Upper tail of the chi-square distribution.</param>
/// <param name="Expected">Users expected per arm under the planned split.</param>
public sealed record SampleRatioTest(double ChiSquare, int DegreesOfFreedom, double PValue, IReadOnlyList<double> Expected)
{
    /// <summary>The conventional alarm threshold: an SRM at p below it invalidates the test.</summary>
    public const double AlarmThreshold = 0.001;

    /// <summary>True when <see cref="PValue"/> is below <see cref="AlarmThreshold"/>.</summary>
    public bool Mismatch => PValue < AlarmThreshold;
}
