using System.Globalization;

namespace RecLab.Evaluation.Metrics;

/// <summary>What the <c>@N</c> metrics share: validating N, naming, and scanning the first N entries of a list.</summary>
internal static class Cutoff
{
    public static int Check(int n) =>
        n >= 1 ? n : throw new ArgumentOutOfRangeException(nameof(n), n, "The list length N must be at least 1.");

    public static string Name(string metric, int n) => metric + "@" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Number of relevant items among the first <paramref name="n"/> entries.</summary>
    public static int Hits(ReadOnlySpan<int> ranked, int n, RelevanceSet relevant)
    {
        var len = Math.Min(n, ranked.Length);
        var hits = 0;
        for (var k = 0; k < len; k++)
            if (relevant.Contains(ranked[k]))
                hits++;
        return hits;
    }

    /// <summary>0-based position of the first relevant item among the first <paramref name="n"/>, or -1.</summary>
    public static int FirstHit(ReadOnlySpan<int> ranked, int n, RelevanceSet relevant)
    {
        var len = Math.Min(n, ranked.Length);
        for (var k = 0; k < len; k++)
            if (relevant.Contains(ranked[k]))
                return k;
        return -1;
    }
}
