using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RecLab.Experiments.Results;

/// <summary>
/// What a finished cell leaves behind in <c>cells/ID.json</c>: its definition, labels, metrics (mean and confidence
/// interval), the per-user file, timings, memory, versions, or the error that stopped it.
/// </summary>
public sealed record CellRecord
{
    /// <summary>Status of a cell that finished normally.</summary>
    public const string Succeeded = "ok";

    /// <summary>Status of a cell whose fit or evaluation threw.</summary>
    public const string FailedStatus = "failed";

    /// <summary>The cell id.</summary>
    public required string Id { get; init; }

    /// <summary><see cref="Succeeded"/> or <see cref="FailedStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>The canonical definition the id hashes.</summary>
    public required JsonObject Definition { get; init; }

    /// <summary>Dataset name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Split name.</summary>
    public required string Split { get; init; }

    /// <summary>0-based fold.</summary>
    public required int Fold { get; init; }

    /// <summary>0-based repeat.</summary>
    public required int Repeat { get; init; }

    /// <summary>Algorithm name.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Registry name.</summary>
    public required string Kind { get; init; }

    /// <summary>Grid point values, e.g. <c>neighbors=20</c>.</summary>
    public required string Parameters { get; init; }

    /// <summary>Seed of the split.</summary>
    public required ulong SplitSeed { get; init; }

    /// <summary>Seed of the fit and bootstrap.</summary>
    public required ulong FitSeed { get; init; }

    /// <summary>The metrics, in the order of the experiment file (empty when the cell failed).</summary>
    public IReadOnlyList<CellMetric> Metrics { get; init; } = [];

    /// <summary>Per-user metrics averaged by user activity bucket (when the experiment sets <c>activity_buckets</c>); null otherwise.</summary>
    public IReadOnlyList<Evaluation.ActivityBucket>? Buckets { get; init; }

    /// <summary>Relative path of the per-user values (<c>per_user/ID.csv</c>), or null when not written.</summary>
    public string? PerUser { get; init; }

    /// <summary>Users with test interactions.</summary>
    public int TestUsers { get; init; }

    /// <summary>Users scored for ranking metrics.</summary>
    public int UsersEvaluated { get; init; }

    /// <summary>Interactions the model was fitted on (null in cells written before it was recorded).</summary>
    public long? TrainInteractions { get; init; }

    /// <summary>Seconds to fit.</summary>
    public double FitSeconds { get; init; }

    /// <summary>Seconds to predict, rank and measure.</summary>
    public double EvaluationSeconds { get; init; }

    /// <summary>Peak working set of the whole process when the cell finished (cells running in parallel share it).</summary>
    public long PeakWorkingSetBytes { get; init; }

    /// <summary>Threads the cell was allowed.</summary>
    public int Threads { get; init; }

    /// <summary>RecLab version (with the git commit when built from a clone).</summary>
    [JsonPropertyName("reclab_version")]
    public string RecLabVersion { get; init; } = "";

    /// <summary>.NET runtime.</summary>
    [JsonPropertyName("dotnet")]
    public string DotNet { get; init; } = "";

    /// <summary>Operating system.</summary>
    public string Os { get; init; } = "";

    /// <summary>When the cell finished (UTC, ISO 8601).</summary>
    public string FinishedUtc { get; init; } = "";

    /// <summary>The error type and message of a failed cell.</summary>
    public string? Error { get; init; }

    /// <summary>The stack trace of a failed cell, for debugging.</summary>
    public string? ErrorDetail { get; init; }
}
