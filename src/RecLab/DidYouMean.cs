namespace RecLab;

/// <summary>Suggests the closest valid name for a misspelt one (edit distance), for error messages.</summary>
public static class DidYouMean
{
    /// <summary>The candidate closest to <paramref name="input"/>, or null when none is close enough to be a likely typo.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lowered = Normalize(input);
        var allowed = Math.Max(1, input.Length / 3);
        foreach (var candidate in candidates)
        {
            var other = Normalize(candidate);
            // The distance is at least the difference in length: skip the quadratic table when that already rules it out.
            if (Math.Abs(other.Length - lowered.Length) > allowed)
                continue;
            var d = Distance(lowered, other);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        // Allow about one edit per three characters: 'neighbours' -> 'neighbors', not 'seed' -> 'alpha'.
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or "", ready to append to a message.</summary>
    public static string Hint(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } c ? $" (did you mean '{c}'?)" : "";

    private static string Normalize(string s) => s.Replace("_", "").Replace("-", "").ToLowerInvariant();

    /// <summary>Edit distance counting a swap of two adjacent letters as one edit (optimal string alignment), so 'ndgc' is 1 from 'ndcg'.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
