namespace RecLab.Benchmarks;

/// <summary>Threads and grid size of a parallel SGD epoch (Blocks = 1: sequential).</summary>
public sealed record SgdSetup(int Threads, int Blocks)
{
    /// <inheritdoc/>
    public override string ToString() => Blocks == 1 ? $"{Threads}t seq" : $"{Threads}t {Blocks}x{Blocks}";
}
