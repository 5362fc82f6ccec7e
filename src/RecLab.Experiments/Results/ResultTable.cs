using RecLab.Evaluation;

namespace RecLab.Experiments.Results;

/// <summary>The results of every algorithm configuration on one (dataset, split), with comparisons to the baseline.</summary>
public sealed record ResultTable
{
    /// <summary>Dataset name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Split name.</summary>
    public required string Split { get; init; }

    /// <summary>One row per configuration, in file and grid order.</summary>
    public required IReadOnlyList<ResultRow> Rows { get; init; }

    /// <summary>Paired comparisons of each configuration with the baseline (Holm-adjusted per metric); empty without significance tests.</summary>
    public required IReadOnlyList<PairedComparison> Comparisons { get; init; }
}
