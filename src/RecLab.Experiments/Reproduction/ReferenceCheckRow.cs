namespace RecLab.Experiments.Reproduction;

/// <summary>One figure compared with a run: RecLab's value, the band, and whether it passed.</summary>
public sealed record ReferenceCheckRow
{
    /// <summary>Dataset of the run's table.</summary>
    public required string Dataset { get; init; }

    /// <summary>Split of the run's table.</summary>
    public required string Split { get; init; }

    /// <summary>The expected figure.</summary>
    public required ReferenceFigure Figure { get; init; }

    /// <summary>RecLab's value (mean over folds and repeats); NaN when the run has none.</summary>
    public required double Value { get; init; }

    /// <summary>True when the value lies in the band.</summary>
    public bool Passed => Figure.Admits(Value);

    /// <summary>Why there is no value, when there is none.</summary>
    public string? Note { get; init; }
}
