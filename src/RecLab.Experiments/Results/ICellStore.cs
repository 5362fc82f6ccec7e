namespace RecLab.Experiments.Results;

/// <summary>
/// Where a run keeps its finished cells: <see cref="CellStore"/> in a results folder (what <c>reclab run</c> uses, so
/// a rerun resumes), or <see cref="MemoryCellStore"/> in memory (what <c>reclab eval</c> uses: nothing is written).
/// </summary>
public interface ICellStore
{
    /// <summary>The results folder, or null when the cells are kept in memory (then no report, manifest or A/B test is written).</summary>
    string? Folder { get; }

    /// <summary>The stored record of a cell, or null when there is none.</summary>
    CellRecord? TryLoad(string id);

    /// <summary>Stores a finished cell with its per-user values (null when per-user output is off); safe to call from parallel cells.</summary>
    void Save(CellRecord record, IReadOnlyList<PerUserValues>? perUser);

    /// <summary>A cell's per-user values, by metric; empty when it has none.</summary>
    IReadOnlyList<PerUserValues> LoadPerUser(CellRecord record);
}
