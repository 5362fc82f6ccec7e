using RecLab.Evaluation;

namespace RecLab.Experiments.Results;

/// <summary>One algorithm configuration on one (dataset, split): its metrics aggregated over folds and repeats.</summary>
public sealed record ResultRow
{
    /// <summary>Algorithm name with grid point, e.g. <c>item-knn-implicit neighbors=20</c>.</summary>
    public required string Configuration { get; init; }

    /// <summary>Algorithm name.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Registry name.</summary>
    public required string Kind { get; init; }

    /// <summary>Grid point values.</summary>
    public required string Parameters { get; init; }

    /// <summary>Cells of this row.</summary>
    public required int Cells { get; init; }

    /// <summary>Cells with a successful result (the aggregate is over these).</summary>
    public required int Succeeded { get; init; }

    /// <summary>Aggregated metrics (see <see cref="CrossValidation.Aggregate"/>); empty when no cell succeeded.</summary>
    public required IReadOnlyList<MetricResult> Metrics { get; init; }

    /// <summary>Mean fit seconds per cell.</summary>
    public required double FitSeconds { get; init; }

    /// <summary>Mean evaluation seconds per cell.</summary>
    public required double EvaluationSeconds { get; init; }

    /// <summary>Largest process peak working set seen by its cells.</summary>
    public required long PeakWorkingSetBytes { get; init; }
}
