using RecLab.Data;

namespace RecLab.Splitting;

/// <summary>Turns a per-row assignment (train, test, onboarding) into a <see cref="Fold"/>.</summary>
internal static class FoldParts
{
    public const byte Train = 0;
    public const byte Test = 1;
    public const byte Onboarding = 2;

    public static Fold Build(InteractionData data, int index, byte[] part, bool withOnboarding,
        int usersKept = 0, int itemsKept = 0, List<string>? warnings = null)
    {
        Span<int> counts = stackalloc int[3];
        foreach (var p in part)
            counts[p]++;
        var rows = new[] { new int[counts[0]], new int[counts[1]], new int[counts[2]] };
        Span<int> next = stackalloc int[3];
        for (var r = 0; r < part.Length; r++)
        {
            var p = part[r];
            rows[p][next[p]++] = r;
        }
        warnings ??= [];
        if (counts[Test] == 0)
            warnings.Add("The test set is empty: the data is too small for this split.");
        else if (counts[Train] == 0)
            warnings.Add("The training set is empty: the data is too small for this split.");
        return new Fold(index, data.Subset(rows[Train]), data.Subset(rows[Test]), withOnboarding ? data.Subset(rows[Onboarding]) : null)
        {
            UsersKeptInTrain = usersKept,
            ItemsKeptInTrain = itemsKept,
            Warnings = warnings,
        };
    }

    /// <summary>Shuffles <paramref name="units"/> (rows, users or items) by the seed and returns the test units of the fold.</summary>
    public static ReadOnlySpan<int> TestUnits(int[] units, Partition partition, int fold, ulong seed)
    {
        var rng = new Randomness.Rng(seed);
        rng.Shuffle(units.AsSpan());
        var (start, end) = partition.TestRange(units.Length, fold);
        return units.AsSpan(start, end - start);
    }

    /// <summary>An error naming the split when the data has no timestamps (empty data needs none).</summary>
    public static void RequireTimes(InteractionData data, string spec, string why)
    {
        if (!data.HasTimestamps && data.Count > 0)
            throw new ArgumentException($"Split '{spec}' {why}, but this data has no timestamps.", nameof(data));
    }

    /// <summary>Validates a fold index against a fold count.</summary>
    public static void CheckIndex(int index, int foldCount)
    {
        if ((uint)index >= (uint)foldCount)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Fold index must be in [0, {foldCount}).");
    }
}
