using System.Collections.Concurrent;

namespace RecLab.Experiments.Results;

/// <summary>
/// Cells kept in memory for one run: the plan, runner and writers of <c>reclab run</c> without a results folder
/// (<c>reclab eval</c>). Records are stored as the runner made them; per-user values are kept beside them, by cell id.
/// </summary>
public sealed class MemoryCellStore : ICellStore
{
    private readonly ConcurrentDictionary<string, (CellRecord Record, IReadOnlyList<PerUserValues> PerUser)> _cells = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    /// <remarks>Always null: nothing is written.</remarks>
    public string? Folder => null;

    /// <inheritdoc/>
    public CellRecord? TryLoad(string id) => _cells.TryGetValue(id, out var cell) ? cell.Record : null;

    /// <inheritdoc/>
    public void Save(CellRecord record, IReadOnlyList<PerUserValues>? perUser) => _cells[record.Id] = (record, perUser ?? []);

    /// <inheritdoc/>
    public IReadOnlyList<PerUserValues> LoadPerUser(CellRecord record) => _cells.TryGetValue(record.Id, out var cell) ? cell.PerUser : [];
}
