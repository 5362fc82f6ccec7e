using System.Text.Json.Serialization;

namespace RecLab.Experiments.Results;

/// <summary>
/// One row of comparisons.csv: a configuration against the baseline on one per-user metric of one (dataset, split).
/// Serialized with <see cref="CellStore.Json"/> its keys are the CSV's columns (NaN, as there, when a test has no value).
/// </summary>
public sealed record ComparisonRow
{
    /// <summary>Dataset name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Split label (with its onboarding size on a cold-start curve).</summary>
    public required string Split { get; init; }

    /// <summary>Metric name.</summary>
    public required string Metric { get; init; }

    /// <summary>The configuration compared.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The baseline configuration.</summary>
    public required string Baseline { get; init; }

    /// <summary>(fold, user) pairs measured by both.</summary>
    public required int Pairs { get; init; }

    /// <summary>Mean of algorithm − baseline over the pairs.</summary>
    public required double MeanDifference { get; init; }

    /// <summary>Lower bound of the bootstrap interval of the mean difference.</summary>
    public required double CiLow { get; init; }

    /// <summary>Upper bound of the bootstrap interval of the mean difference.</summary>
    public required double CiHigh { get; init; }

    /// <summary>Paired t statistic.</summary>
    [JsonPropertyName("t")]
    public required double T { get; init; }

    /// <summary>Paired t-test p-value.</summary>
    [JsonPropertyName("t_p")]
    public required double TP { get; init; }

    /// <summary>Paired t-test p-value, Holm-adjusted within the metric.</summary>
    [JsonPropertyName("t_p_holm")]
    public required double TPHolm { get; init; }

    /// <summary>Wilcoxon signed-rank statistic.</summary>
    [JsonPropertyName("wilcoxon_w")]
    public required double WilcoxonW { get; init; }

    /// <summary>Wilcoxon signed-rank p-value.</summary>
    public required double WilcoxonP { get; init; }

    /// <summary>Wilcoxon p-value, Holm-adjusted within the metric.</summary>
    public required double WilcoxonPHolm { get; init; }
}
