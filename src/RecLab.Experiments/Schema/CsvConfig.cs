using RecLab.Data;
using RecLab.Data.Loading;

namespace RecLab.Experiments.Schema;

/// <summary>A delimited interaction file with an explicit layout.</summary>
public sealed record CsvConfig
{
    /// <summary>Path to the file (relative to the current directory).</summary>
    public required string Path { get; init; }

    /// <summary>Which columns hold the user, item, value and time: header names or 0-based positions.</summary>
    public ColumnMapping Columns { get; init; } = new();

    /// <summary>Field delimiter (one or more characters; <c>"\t"</c> for tab-separated files).</summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>Whether the first line names the columns; null: true when the columns are given by name, false when by position.</summary>
    public bool? Header { get; init; }

    /// <summary>Ratings or implicit weights; null: explicit when a value column is mapped, implicit otherwise.</summary>
    public FeedbackKind? Kind { get; init; }
}
