using System.Globalization;

namespace RecLab.Splitting;

/// <summary>
/// Split specs: one string names a splitter and its options, for the command line (<c>reclab eval --split</c>) and
/// experiment files. Grammar: <c>kind[:value][:key=value]...</c>; the first argument may be positional (the kind's
/// main number), the others are <c>key=value</c>; <c>,</c> separates as well as <c>:</c>; keys are case-insensitive
/// and ignore <c>-</c>/<c>_</c>. Every splitter's <see cref="ISplitter.Spec"/> is the canonical form, and
/// <c>Parse(s.Spec)</c> rebuilds an identical splitter. <see cref="Help"/> lists the kinds.
/// </summary>
public static class SplitSpec
{
    private static readonly Dictionary<string, Func<SpecReader, ISplitter>> Parsers = new()
    {
        ["holdout"] = Holdout,
        ["kfold"] = KFold,
        ["user-holdout"] = r => PerGroup(r, GroupBy.User, folds: null),
        ["item-holdout"] = r => PerGroup(r, GroupBy.Item, folds: null),
        ["user-kfold"] = UserKFold,
        ["user-temporal"] = UserTemporal,
        ["stratified"] = Stratified,
        ["leave-last-out"] = r => LeaveOneOut(r, last: true),
        ["leave-one-out"] = r => LeaveOneOut(r, last: false),
        ["temporal"] = Temporal,
        ["cold-users"] = r => ColdStart(r, GroupBy.User),
        ["cold-items"] = r => ColdStart(r, GroupBy.Item),
    };

    private static readonly string[] HoldoutKeys = ["fraction", "count", "order", "rounding", "min-train", "folds"];

    /// <summary>The split kinds, in the order of <see cref="Help"/>.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. Parsers.Keys];

    /// <summary>The grammar with every kind, its options and examples (for <c>reclab eval --help</c>).</summary>
    public static string Help => """
        Split specs: KIND[:VALUE][:KEY=VALUE]...  (only the first argument may be positional; ',' separates too)
          holdout[:F]                   F of all interactions (default 0.2) to test, at random
          kfold[:K]                     K-fold cross-validation over interactions (default 5)
          user-holdout[:F]              per user, F of their interactions (default 0.2) to test; keys:
              count=N                       N per user instead of a fraction
              order=random|time             a random sample (default) or each user's latest
              rounding=nearest|down|up      how F x n becomes a count (nearest: halves to even, as LensKit)
              min-train=M                   a user who would keep fewer than M training interactions, or
                                            whose share rounds to 0, stays wholly in train (default 1)
              folds=K                       partition users into K folds; each fold tests only its users
          item-holdout[:F]              the same per item (keys as user-holdout)
          user-kfold[:K]                LensKit crossfold_users: users in K folds (default 5), each test
                                        user's holdout by fraction=F (default 0.2) or count=N; keys as user-holdout
          user-temporal[:F]             each user's latest F (default 0.2) to test (= user-holdout:F:order=time);
                                        warns that other users' later interactions stay in train
          stratified[:R]                Microsoft Recommenders python_stratified_split: R (default 0.75) of each
                                        user's interactions to TRAIN (floor(R x n)), the rest to test, so a user
                                        with one interaction goes wholly to test; by=user|item, order=random|time
          leave-last-out                each user's latest interaction to test; min=M tests only users with at
                                        least M interactions (default 2), the others stay in train
          leave-one-out[:last|random]   one interaction per user, the latest (default) or a random one; min=M
          temporal[:F]                  global cut: the earliest F (default 0.8) of interactions TRAIN, the rest test
              of=interactions|time-range    F of the interactions (default) or of the time span
              date=YYYY-MM-DD | time=UNIX   cut at an instant (UTC) instead: before it train, from it on test
          cold-users[:F]                whole users to test: a share F (default 0.2) of them, or folds=K
              onboard=N                     N of each test user's interactions go to onboarding (given to the
                                            query, not trained on, not scored); users with <= N stay in train
              onboard-order=earliest|random which N (default earliest)
          cold-items[:F]                whole items to test, likewise; onboard=N: each new item's first N raters
        Fractions and seeds: every random choice derives from the run seed; F x n is rounded in exact decimals.
        Examples: kfold:5  holdout:0.2  user-holdout:0.2  user-holdout:count=5:order=time  user-kfold:5:fraction=0.2
                  leave-last-out  leave-one-out:random  temporal:0.8  temporal:date=2015-01-01  user-temporal:0.2
                  cold-users:0.2:onboard=5  cold-items:0.1  stratified:0.75:by=item
        """;

    /// <summary>The splitter a spec describes.</summary>
    /// <exception cref="ArgumentException">Unknown kind or key, bad value; the message lists the valid ones.</exception>
    public static ISplitter Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var reader = SpecReader.Read(spec, Parsers.Keys);
        try
        {
            return Parsers[reader.Kind](reader);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // Range checks in the options speak of properties; restate them in terms of the spec.
            throw reader.Invalid(e.Message.Split(" (Parameter")[0].Split(Environment.NewLine)[0] + $" (in '{spec}')");
        }
    }

    private static ISplitter Holdout(SpecReader r)
    {
        r.Allow(positional: true);
        return new InteractionSplit(Partition.OfFraction(Positional(r, "fraction", 0.2)));
    }

    private static ISplitter KFold(SpecReader r)
    {
        r.Allow(positional: true);
        return new InteractionSplit(Partition.OfFolds(PositionalInt(r, "folds", 5)));
    }

    private static ISplitter UserKFold(SpecReader r)
    {
        r.Allow(positional: true, [.. HoldoutKeys.Where(k => k != "folds")]);
        var folds = PositionalInt(r, "folds", 5);
        return new GroupHoldout(HoldoutOptions(r, GroupBy.User, Size(r, r.Double("fraction"), 0.2), folds));
    }

    private static ISplitter UserTemporal(SpecReader r)
    {
        r.Allow(positional: true, [.. HoldoutKeys.Where(k => k != "order")]);
        return new GroupHoldout(HoldoutOptions(r, GroupBy.User, Size(r, FractionArgument(r), 0.2), r.Int("folds")) with
        {
            Order = HoldoutOrder.Time,
        });
    }

    private static ISplitter PerGroup(SpecReader r, GroupBy by, int? folds)
    {
        r.Allow(positional: true, HoldoutKeys);
        return new GroupHoldout(HoldoutOptions(r, by, Size(r, FractionArgument(r), 0.2), folds ?? r.Int("folds")));
    }

    private static GroupHoldoutOptions HoldoutOptions(SpecReader r, GroupBy by, HoldoutSize size, int? folds) => new()
    {
        By = by,
        Size = size,
        Order = r.Enum<HoldoutOrder>("order") ?? HoldoutOrder.Random,
        Rounding = r.Enum<FractionRounding>("rounding") ?? FractionRounding.Nearest,
        MinTrain = r.Int("min-train") ?? 1,
        Folds = folds,
    };

    /// <summary>The fraction given positionally or as fraction=F (not both).</summary>
    private static double? FractionArgument(SpecReader r)
    {
        var named = r.Double("fraction");
        if (r.Positional is null)
            return named;
        return named is null
            ? r.ParseDouble("fraction", r.Positional)
            : throw r.Invalid($"the fraction is given twice ('{r.Positional}' and fraction={r.Text("fraction")}).");
    }

    /// <summary>count=N, else the fraction, else the default fraction.</summary>
    private static HoldoutSize Size(SpecReader r, double? fraction, double defaultFraction)
    {
        if (r.Int("count") is not { } count)
            return HoldoutSize.OfFraction(fraction ?? defaultFraction);
        return fraction is null
            ? HoldoutSize.OfCount(count)
            : throw r.Invalid("give either a fraction or count=N, not both.");
    }

    private static ISplitter Stratified(SpecReader r)
    {
        r.Allow(positional: true, "by", "order");
        return GroupHoldout.Stratified(Positional(r, "ratio", 0.75), r.Enum<GroupBy>("by") ?? GroupBy.User,
            r.Enum<HoldoutOrder>("order") ?? HoldoutOrder.Random);
    }

    private static ISplitter LeaveOneOut(SpecReader r, bool last)
    {
        r.Allow(positional: !last, "min");
        var order = last || r.Positional is null ? HoldoutOrder.Time
            : r.Positional.Equals("random", StringComparison.OrdinalIgnoreCase) ? HoldoutOrder.Random
            : r.Positional.Equals("last", StringComparison.OrdinalIgnoreCase) ? HoldoutOrder.Time
            : throw r.Expected("the positional argument", "last|random", r.Positional, DidYouMean.Hint(r.Positional, ["last", "random"]));
        return GroupHoldout.LeaveOneOut(order, r.Int("min") ?? 2);
    }

    private static ISplitter Temporal(SpecReader r)
    {
        r.Allow(positional: true, "of", "date", "time");
        var date = r.Text("date");
        var time = r.Long("time");
        if (date is null && time is null)
            return new TemporalSplit(new TemporalSplitOptions
            {
                TrainFraction = Positional(r, "fraction", 0.8),
                Basis = r.Enum<TemporalBasis>("of") ?? TemporalBasis.Interactions,
            });
        if (r.Positional is not null || r.Has("of") || (date is not null && time is not null))
            throw r.Invalid("give one cut: a train fraction (with of=...), date=YYYY-MM-DD or time=UNIX-SECONDS.");
        var cut = time is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
                ? d
                : throw r.Expected("date", "YYYY-MM-DD (UTC)", date!);
        return new TemporalSplit(new TemporalSplitOptions { Cut = cut });
    }

    private static ISplitter ColdStart(SpecReader r, GroupBy by)
    {
        r.Allow(positional: true, "folds", "onboard", "onboard-order");
        var folds = r.Int("folds");
        if (folds is not null && r.Positional is not null)
            throw r.Invalid("give either a share of held-out groups or folds=K, not both.");
        return new ColdStartSplit(new ColdStartOptions
        {
            By = by,
            Groups = folds is { } k ? Partition.OfFolds(k) : Partition.OfFraction(Positional(r, "fraction", 0.2)),
            Onboard = r.Int("onboard") ?? 0,
            OnboardOrder = r.Enum<OnboardingOrder>("onboard-order") ?? OnboardingOrder.Earliest,
        });
    }

    private static double Positional(SpecReader r, string what, double fallback) =>
        r.Positional is null ? fallback : r.ParseDouble(what, r.Positional);

    private static int PositionalInt(SpecReader r, string what, int fallback) =>
        r.Positional is null ? fallback : r.ParseInt(what, r.Positional);
}
