using System.Text.Json;
using System.Text.Json.Serialization;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Execution;

namespace RecLab.Experiments.Results;

/// <summary>
/// <c>manifest.json</c>: what produced the results: configuration hash, seeds, dataset checksums, RecLab version and
/// git commit, .NET, OS, cores, jobs, wall time. A shard writes <c>manifest-shard-I-of-N.json</c> instead; a merge
/// writes a manifest listing the shards'.
/// </summary>
public sealed record Manifest
{
    /// <summary>Experiment name.</summary>
    public required string Experiment { get; init; }

    /// <summary>SHA-256 of the canonical configuration.</summary>
    public required string ConfigHash { get; init; }

    /// <summary>Experiment seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Repeat seeds.</summary>
    public required IReadOnlyList<ulong> RepeatSeeds { get; init; }

    /// <summary><c>i/n</c>, or <c>merged</c>.</summary>
    public required string Shard { get; init; }

    /// <summary>Cells of the experiment.</summary>
    public required int CellsTotal { get; init; }

    /// <summary>Cells of this shard (all for an unsharded run).</summary>
    public required int CellsInShard { get; init; }

    /// <summary>Cells skipped because a result was stored.</summary>
    public required int CellsReused { get; init; }

    /// <summary>Cells run that succeeded.</summary>
    public required int CellsSucceeded { get; init; }

    /// <summary>Cells run that failed.</summary>
    public required int CellsFailed { get; init; }

    /// <summary>Folds built (each shared by the algorithms of its dataset, split and repeat).</summary>
    public int FoldsBuilt { get; init; }

    /// <summary>True when stopped by cancellation.</summary>
    public required bool Cancelled { get; init; }

    /// <summary>Datasets loaded in this run, with checksums of the prepared interactions.</summary>
    public required IReadOnlyList<DatasetFacts> Datasets { get; init; }

    /// <summary>True when every user id in the outputs is a keyed pseudonym (<c>privacy.pseudonymize_ids</c>); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? PseudonymizedIds => PseudonymKeyId is null ? null : true;

    /// <summary>The pseudonym key's fingerprint (never the key): shards merge only when theirs agree.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PseudonymKeyId { get; init; }

    /// <summary>RecLab version (+ git commit).</summary>
    [JsonPropertyName("reclab_version")]
    public required string RecLabVersion { get; init; }

    /// <summary>The git commit of the RecLab build, when known.</summary>
    public string? GitCommit { get; init; }

    /// <summary>.NET runtime.</summary>
    [JsonPropertyName("dotnet")]
    public required string DotNet { get; init; }

    /// <summary>Operating system.</summary>
    public required string Os { get; init; }

    /// <summary>Logical processors.</summary>
    public required int Cores { get; init; }

    /// <summary>Cells in parallel.</summary>
    public required int Jobs { get; init; }

    /// <summary>Threads per cell.</summary>
    public required int ThreadsPerCell { get; init; }

    /// <summary>Start (UTC, ISO 8601).</summary>
    public required string StartedUtc { get; init; }

    /// <summary>Wall time in seconds.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>The shard manifests a merge combined (file names relative to their folders).</summary>
    public IReadOnlyList<Manifest> Shards { get; init; } = [];

    /// <summary>The manifest file name for a shard (or <c>manifest.json</c> for a whole run).</summary>
    public static string FileName(ShardSpec shard) =>
        shard.Count == 1 ? "manifest.json" : $"manifest-shard-{shard.Index}-of-{shard.Count}.json";

    /// <summary>The manifest of a run (<paramref name="pseudonymKeyId"/>: the key's fingerprint when user ids are pseudonymised).</summary>
    public static Manifest ForRun(ExperimentPlan plan, RunOptions options, RunResult result, IEnumerable<DatasetFacts> datasets, DateTime startedUtc,
        string? pseudonymKeyId = null) => new()
    {
        Experiment = plan.Config.Name,
        ConfigHash = plan.ConfigHash,
        Seed = plan.Config.Seed,
        RepeatSeeds = plan.RepeatSeeds,
        Shard = options.Shard.ToString(),
        CellsTotal = result.TotalCells,
        CellsInShard = result.ShardCells,
        CellsReused = result.Reused,
        CellsSucceeded = result.Succeeded,
        CellsFailed = result.Failures.Count,
        FoldsBuilt = result.FoldsBuilt,
        Cancelled = result.Cancelled,
        // A skipped line's message may quote the line: not with pseudonymised ids.
        Datasets = datasets.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => pseudonymKeyId is null ? d : d with { Skipped = null }).ToList(),
        PseudonymKeyId = pseudonymKeyId,
        RecLabVersion = Versions.RecLab,
        GitCommit = Versions.GitCommit,
        DotNet = Versions.DotNet,
        Os = Versions.Os,
        Cores = Environment.ProcessorCount,
        Jobs = options.Jobs,
        ThreadsPerCell = options.ThreadsPerCell,
        StartedUtc = startedUtc.ToString("O"),
        WallSeconds = result.Elapsed.TotalSeconds,
    };

    /// <summary>Writes the manifest atomically into <paramref name="folder"/> under its shard's file name.</summary>
    public static void Write(string folder, Manifest manifest) =>
        AtomicFile.WriteAllText(Path.Combine(folder, manifest.Shard is "merged" or "0/1" ? "manifest.json" : FileName(ShardSpec.Parse(manifest.Shard))),
            JsonSerializer.Serialize(manifest, CellStore.Json) + "\n");

    /// <summary>Reads a manifest file, or null when it is absent or unreadable.</summary>
    public static Manifest? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), CellStore.Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
