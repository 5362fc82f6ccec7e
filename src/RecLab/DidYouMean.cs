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
        foreach (var candidate in candidates)
        {
            var d = Distance(lowered, Normalize(candidate));
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        // Allow about one edit per three characters: 'neighbours' -> 'neighbors', not 'seed' -> 'alpha'.
        return best is not null && bestDistance <= Math.Max(1, input.Length / 3) ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or "", ready to append to a message.</summary>
    public static string Hint(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } c ? $" (did you mean '{c}'?)" : "";

    private static string Normalize(string s) => s.Replace("_", "").Replace("-", "").ToLowerInvariant();

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
