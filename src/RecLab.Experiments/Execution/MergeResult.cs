namespace RecLab.Experiments.Execution;

/// <summary>What <see cref="ResultMerger.Merge"/> did.</summary>
/// <param name="OutputDirectory">The merged results folder.</param>
/// <param name="TotalCells">Cells of the experiment.</param>
/// <param name="Copied">Cell results copied from the shard folders.</param>
/// <param name="Failed">Cells whose result is a failure.</param>
/// <param name="Missing">Cells with no result in any shard.</param>
public sealed record MergeResult(string OutputDirectory, int TotalCells, int Copied, int Failed, int Missing)
{
    /// <summary>A/B tests of the experiment.</summary>
    public int AbTests { get; init; }

    /// <summary>A/B tests copied from the shard folders.</summary>
    public int AbTestsCopied { get; init; }

    /// <summary>A/B tests finished for this configuration in no folder (a shard is missing, unfinished, or its test failed).</summary>
    public int AbTestsMissing { get; init; }
}
