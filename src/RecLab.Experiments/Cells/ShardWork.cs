namespace RecLab.Experiments.Cells;

/// <summary>The units of work a shard owns: its cells and its A/B tests, each in plan order.</summary>
/// <param name="Cells">The shard's cells.</param>
/// <param name="AbTests">The shard's A/B tests.</param>
public sealed record ShardWork(IReadOnlyList<Cell> Cells, IReadOnlyList<AbTestUnit> AbTests);
