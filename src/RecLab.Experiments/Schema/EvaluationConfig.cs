namespace RecLab.Experiments.Schema;

/// <summary>How cells are measured and how algorithms are compared.</summary>
public sealed record EvaluationConfig
{
    /// <summary>For explicit data, a test rating at or above this is relevant; ignored for implicit data.</summary>
    public float RelevanceThreshold { get; init; } = 4.0f;

    /// <summary>Which items are ranked for each test user.</summary>
    public CandidateSet Candidates { get; init; } = CandidateSet.AllUnseen;

    /// <summary>Write each cell's per-user metric values to <c>per_user/ID.csv</c> (needed by the significance tests).</summary>
    public bool PerUser { get; init; } = true;

    /// <summary>Compare every algorithm with the baseline by paired tests over users (Holm-adjusted) and mark significant differences.</summary>
    public bool Significance { get; init; } = true;

    /// <summary>The algorithm (by name) the others are compared with; defaults to the first one listed.</summary>
    public string? Baseline { get; init; }

    /// <summary>Family-wise significance level for the marks, after Holm's adjustment.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Coverage of the bootstrap confidence intervals of means.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Bootstrap resamples for the confidence intervals.</summary>
    public int BootstrapResamples { get; init; } = 1000;
}
