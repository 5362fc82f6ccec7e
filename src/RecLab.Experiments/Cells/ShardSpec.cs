using System.Globalization;

namespace RecLab.Experiments.Cells;

/// <summary>
/// A deterministic share of an experiment's units of work (cells and A/B tests): <c>i/n</c> with a 0-based <c>i</c>
/// (Slurm arrays declared <c>--array=0-(n-1)</c>, Kubernetes' <c>JOB_COMPLETION_INDEX</c>). Units are sorted by id and
/// dealt round-robin, so the shares are balanced in count, disjoint, together complete, and independent of the order of the file.
/// </summary>
/// <param name="Index">0-based shard index, below <paramref name="Count"/>.</param>
/// <param name="Count">Number of shards, at least 1.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole experiment.</summary>
    public static ShardSpec All { get; } = new(0, 1);

    /// <summary>Parses <c>i/n</c>.</summary>
    /// <exception cref="FormatException">Not <c>i/n</c> with <c>0 &lt;= i &lt; n</c>.</exception>
    public static ShardSpec Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash > 0 &&
            int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
            int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count) &&
            count >= 1 && index < count)
            return new ShardSpec(index, count);
        throw new FormatException($"--shard '{text}': expected i/n with 0 <= i < n (0-based), e.g. 0/3, 1/3, 2/3.");
    }

    /// <summary>
    /// The units of <paramref name="plan"/> this shard owns: the ids of every cell and A/B test sorted together and
    /// dealt round-robin, so an A/B test is owned by exactly one shard like a cell.
    /// </summary>
    public ShardWork Select(ExperimentPlan plan)
    {
        if (Count == 1)
            return new ShardWork(plan.Cells, plan.AbTests);
        var mine = plan.Cells.Select(c => c.Id).Concat(plan.AbTests.Select(t => t.Id)).Order(StringComparer.Ordinal)
            .Where((_, k) => k % Count == Index).ToHashSet(StringComparer.Ordinal);
        return new ShardWork(plan.Cells.Where(c => mine.Contains(c.Id)).ToList(), plan.AbTests.Where(t => mine.Contains(t.Id)).ToList());
    }

    /// <summary><c>i/n</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
