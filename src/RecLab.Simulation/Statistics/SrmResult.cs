namespace RecLab.Simulation.Statistics;

/// <summary>The sample-ratio-mismatch check: observed users per arm against the planned traffic split.</summary>
/// <param name="Observed">Users observed per arm.</param>
/// <param name="Expected">Users expected per arm from the traffic shares.</param>
/// <param name="ChiSquare">Pearson's statistic <c>Σ (O − E)² / E</c>.</param>
/// <param name="DegreesOfFreedom">Arms − 1.</param>
/// <param name="PValue">Upper tail of χ² with those degrees of freedom.</param>
/// <param name="Threshold">p below which the split is declared broken (conventionally 0.001).</param>
public sealed record SrmResult(IReadOnlyList<int> Observed, IReadOnlyList<double> Expected, double ChiSquare, int DegreesOfFreedom,
    double PValue, double Threshold)
{
    /// <summary>True when the split differs from the plan beyond chance: do not trust the test's other results.</summary>
    public bool Mismatch => PValue < Threshold;
}
