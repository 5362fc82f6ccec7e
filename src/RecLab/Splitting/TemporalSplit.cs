using RecLab.Data;

namespace RecLab.Splitting;

/// <summary>
/// A global temporal cut (LensKit's <c>split_global_time</c>): every interaction before the cut trains, every one
/// after it is tested, so no model sees the future. The cut is an instant (<c>temporal:date=2015-01-01</c>, UTC;
/// earlier to train, at or after to test), the time <c>min + F × (max − min)</c> (<c>temporal:0.8:of=time-range</c>),
/// or the position that leaves the earliest <c>round(F × N)</c> interactions in train (<c>temporal:0.8</c>; rows
/// sorted by time, ties broken by canonical order, so every train time is at most every test time).
/// </summary>
/// <remarks>
/// Users who only appear after the cut are cold in test, and items released after it are new; the fold's warnings
/// count both, since ranking metrics on them measure cold start rather than warm recommendation.
/// </remarks>
public sealed class TemporalSplit : ISplitter
{
    /// <summary>A global cut with the given options.</summary>
    public TemporalSplit(TemporalSplitOptions options)
    {
        if (options.Cut is null && !(options.TrainFraction > 0 && options.TrainFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.TrainFraction, "TrainFraction must be in (0, 1).");
        Options = options;
    }

    /// <summary>The options.</summary>
    public TemporalSplitOptions Options { get; }

    /// <inheritdoc/>
    public int FoldCount => 1;

    /// <inheritdoc/>
    public string Spec
    {
        get
        {
            var spec = new SpecText("temporal");
            if (Options.Cut is { } cut)
                return (cut.UtcTicks % TimeSpan.TicksPerDay == 0
                    ? spec.Add("date", cut.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                    : spec.Add("time", cut.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))).ToString();
            return spec.Add(SpecText.Number(Options.TrainFraction))
                .AddIf(Options.Basis != TemporalBasis.Interactions, "of", SpecText.Name(Options.Basis)).ToString();
        }
    }

    /// <inheritdoc/>
    public Fold CreateFold(InteractionData data, int index, ulong seed)
    {
        FoldParts.CheckIndex(index, FoldCount);
        FoldParts.RequireTimes(data, Spec, "cuts by time");
        var part = new byte[data.Count];
        if (Options.Cut is null && Options.Basis == TemporalBasis.Interactions)
        {
            var rows = new int[data.Count];
            for (var r = 0; r < rows.Length; r++)
                rows[r] = r;
            RowPicker.SortByTime(rows, data, new long[rows.Length]);
            for (var k = Fractions.Of(Options.TrainFraction, rows.Length, FractionRounding.Nearest); k < rows.Length; k++)
                part[rows[k]] = FoldParts.Test;
        }
        else if (data.Count > 0)
        {
            var threshold = Threshold(data);
            for (var r = 0; r < data.Count; r++)
                if (data.TimestampAt(r) >= threshold)
                    part[r] = FoldParts.Test;
        }
        var warnings = new List<string>();
        var fold = FoldParts.Build(data, index, part, withOnboarding: false, warnings: warnings);
        warnings.AddRange(ColdWarnings(fold.Train, fold.Test));
        return fold;
    }

    /// <summary>The first test timestamp: the cut instant, or min + F x (max - min) rounded up to a whole second.</summary>
    private long Threshold(InteractionData data)
    {
        if (Options.Cut is { } cut)
            return cut.ToUnixTimeSeconds();
        long min = long.MaxValue, max = long.MinValue;
        for (var r = 0; r < data.Count; r++)
        {
            var t = data.TimestampAt(r);
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }
        return min + (long)Math.Ceiling(Options.TrainFraction * ((double)max - min));
    }

    /// <summary>How many test users and items have no training interaction.</summary>
    private static IEnumerable<string> ColdWarnings(InteractionData train, InteractionData test)
    {
        var (users, coldUsers) = CountCold(test.ByUser, train.ByUser);
        var (items, newItems) = CountCold(test.ByItem, train.ByItem);
        if (coldUsers > 0 || newItems > 0)
            yield return $"Global temporal cut: {coldUsers} of {users} test users have no training interactions and {newItems} of {items} " +
                "test items are new; ranking metrics on them measure cold start, not warm recommendation.";
    }

    /// <summary>Rows present in test, and how many of them are empty in train.</summary>
    private static (int Present, int Cold) CountCold(CsrMatrix test, CsrMatrix train)
    {
        int present = 0, cold = 0;
        for (var g = 0; g < test.RowCount; g++)
        {
            if (test.RowLength(g) == 0)
                continue;
            present++;
            if (train.RowLength(g) == 0)
                cold++;
        }
        return (present, cold);
    }

    /// <inheritdoc/>
    public override string ToString() => Spec;
}
