using RecLab.Experiments.Cells;

namespace RecLab.Experiments.Schema;

/// <summary>A dataset: where it comes from and how it is prepared. Give exactly one of <c>source</c> and <c>csv</c>.</summary>
public sealed record DatasetConfig
{
    /// <summary>Name used in tables and results.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// <c>synthetic:PRESET</c> (optionally <c>?key=value&amp;...</c>), a known dataset name fetched with
    /// <c>reclab data fetch</c> (e.g. <c>ml-100k</c>), a MovieLens folder, or a delimited file (columns guessed from its header;
    /// a value column named rating, stars or score holds ratings, any other value column implicit weights).
    /// </summary>
    public string? Source { get; init; }

    /// <summary>A delimited file of your own, with an explicit column mapping (instead of <c>source</c>).</summary>
    public CsvConfig? Csv { get; init; }

    /// <summary>Conversion to implicit feedback and minimum-activity filtering, applied before splitting.</summary>
    public PreprocessingConfig Preprocessing { get; init; } = new();

    /// <summary>
    /// Skip malformed lines of the data file (how many, and the first, in the run's output; the first 20 in manifest.json) instead of
    /// failing every cell of the dataset at the first; what <c>--skip-bad-lines</c> does for <c>reclab eval</c> and
    /// <c>reclab data info</c>.
    /// </summary>
    [OmittedWhenDefault]
    public bool SkipBadLines { get; init; }
}
