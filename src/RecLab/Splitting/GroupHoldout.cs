using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Splitting;

/// <summary>
/// Per-group holdout: for each tested user (or item) with <c>n</c> interactions, <c>t</c> of them go to test, the
/// rest to train. <c>t</c> is <see cref="HoldoutSize.Count"/>, or <see cref="HoldoutSize.Fraction"/> × n rounded by
/// <see cref="GroupHoldoutOptions.Rounding"/>, capped at n; when <c>t</c> is 0 or <c>n − t</c> is below
/// <see cref="GroupHoldoutOptions.MinTrain"/>, the group stays wholly in train (and is counted). The test rows are
/// a seeded random sample or the group's latest by time. One class covers several published protocols:
/// <list type="bullet">
/// <item><c>user-holdout:0.2</c>: 20% of each user's interactions at random (rounded to nearest), every user keeping
/// at least one training interaction.</item>
/// <item><c>user-kfold:5:fraction=0.2</c>: LensKit's <c>crossfold_users(data, 5, SampleFrac(0.2))</c>; users are
/// partitioned into 5 folds and each fold tests only its own users; <c>count=N</c> is <c>SampleN(N)</c>,
/// <c>order=time</c> gives <c>LastFrac</c>/<c>LastN</c>. LensKit sends every rating of a user with at most N to test:
/// add <c>min-train=0</c> for that.</item>
/// <item><c>stratified:0.75</c>: Microsoft Recommenders' <c>python_stratified_split(data, ratio=0.75,
/// filter_by="user")</c>. Their definition: rows get uniform random keys, are sorted by (group, key), and the
/// <c>k</c>-th of a group's <c>n</c> rows goes to train when <c>k/n ≤ ratio</c>, else to test; so a group keeps
/// <c>floor(ratio × n)</c> training rows and a group with one row goes wholly to test. Here that is
/// <see cref="FractionRounding.Up"/> on the test fraction <c>1 − ratio</c> with <c>MinTrain = 0</c>;
/// <c>by=item</c> is their <c>filter_by="item"</c> (each item's raters split 75/25, used by their MovieLens
/// benchmark) and <c>order=time</c> their <c>python_chrono_split</c>. Their <c>min_rating</c> filter drops rows;
/// RecLab never drops rows, so filter the data beforehand if you need it.</item>
/// <item><c>leave-last-out</c> / <c>leave-one-out:random</c>: one interaction per user (latest, or random); only users
/// with at least <c>min</c> (default 2) interactions are tested.</item>
/// <item><c>user-temporal:0.2</c>: each user's latest 20%. Other users' later interactions stay in train, so
/// time-ordered folds carry a leakage warning in <see cref="Fold.Warnings"/>.</item>
/// </list>
/// </summary>
public sealed class GroupHoldout : ISplitter
{
    /// <summary>A per-group holdout with the given options.</summary>
    public GroupHoldout(GroupHoldoutOptions options)
    {
        if (!options.Size.IsValid)
            throw new ArgumentException("Size is not set; use HoldoutSize.OfFraction or HoldoutSize.OfCount.", nameof(options));
        if (options.MinTrain < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.MinTrain, "MinTrain (min-train) must be at least 0.");
        if (options.Folds is < 2)
            throw new ArgumentOutOfRangeException(nameof(options), options.Folds, "Folds must be at least 2, or null for one fold.");
        Options = options;
    }

    /// <summary>Microsoft Recommenders' <c>python_stratified_split</c> (or <c>python_chrono_split</c> with <see cref="HoldoutOrder.Time"/>).</summary>
    /// <param name="trainRatio">Their <c>ratio</c>: the share of each group's rows kept for training, in (0, 1).</param>
    /// <param name="by">Their <c>filter_by</c>.</param>
    /// <param name="order">Random (stratified split) or by time (chrono split).</param>
    public static GroupHoldout Stratified(double trainRatio, GroupBy by = GroupBy.User, HoldoutOrder order = HoldoutOrder.Random) =>
        new(new GroupHoldoutOptions
        {
            By = by,
            Size = HoldoutSize.OfFraction(Fractions.Complement(trainRatio)),
            Order = order,
            Rounding = FractionRounding.Up,
            MinTrain = 0,
        });

    /// <summary>One interaction per user to test, the latest (default) or a random one.</summary>
    /// <param name="order">Which interaction.</param>
    /// <param name="minInteractions">Users with fewer interactions stay wholly in train (default 2: every tested user keeps one).</param>
    public static GroupHoldout LeaveOneOut(HoldoutOrder order = HoldoutOrder.Time, int minInteractions = 2) =>
        minInteractions >= 1
            ? new(new GroupHoldoutOptions { Size = HoldoutSize.OfCount(1), Order = order, MinTrain = minInteractions - 1 })
            : throw new ArgumentOutOfRangeException(nameof(minInteractions), minInteractions, "The minimum number of interactions (min) must be at least 1.");

    /// <summary>The options.</summary>
    public GroupHoldoutOptions Options { get; }

    /// <inheritdoc/>
    public int FoldCount => Options.Folds ?? 1;

    /// <inheritdoc/>
    public string Spec
    {
        get
        {
            var o = Options;
            var byUser = o.By == GroupBy.User;
            var time = o.Order == HoldoutOrder.Time;
            if (byUser && o.Folds is null && o.Size.IsCount && o.Size.Count == 1)
                return new SpecText(time ? "leave-last-out" : "leave-one-out:random")
                    .AddIf(o.MinTrain != 1, "min", SpecText.Number(o.MinTrain + 1)).ToString();
            if (o.Folds is null && !o.Size.IsCount && o.Rounding == FractionRounding.Up && o.MinTrain == 0)
                return new SpecText("stratified").Add(SpecText.Number(Fractions.Complement(o.Size.Fraction)))
                    .AddIf(!byUser, "by", SpecText.Name(o.By))
                    .AddIf(time, "order", SpecText.Name(o.Order)).ToString();
            var spec = byUser && o.Folds is { } k
                ? new SpecText("user-kfold").Add(SpecText.Number(k))
                : new SpecText(byUser ? "user-holdout" : "item-holdout");
            if (o.Size.IsCount)
                spec.Add("count", SpecText.Number(o.Size.Count));
            else if (o.Folds is not null && byUser)
                spec.Add("fraction", SpecText.Number(o.Size.Fraction));
            else
                spec.Add(SpecText.Number(o.Size.Fraction));
            return spec
                .AddIf(time, "order", SpecText.Name(o.Order))
                .AddIf(!o.Size.IsCount && o.Rounding != FractionRounding.Nearest, "rounding", SpecText.Name(o.Rounding))
                .AddIf(o.MinTrain != 1, "min-train", SpecText.Number(o.MinTrain))
                .AddIf(!byUser && o.Folds is not null, "folds", SpecText.Number(o.Folds ?? 0)).ToString();
        }
    }

    /// <summary>Test interactions for a tested group of <paramref name="n"/>, or 0 when it stays wholly in train.</summary>
    public int TestCount(int n)
    {
        var t = Math.Min(Options.Size.Requested(n, Options.Rounding), n);
        return t <= 0 || n - t < Options.MinTrain ? 0 : t;
    }

    /// <inheritdoc/>
    public Fold CreateFold(InteractionData data, int index, ulong seed)
    {
        FoldParts.CheckIndex(index, FoldCount);
        var o = Options;
        if (o.Order == HoldoutOrder.Time)
            FoldParts.RequireTimes(data, Spec, "holds out the latest interactions");
        var groups = RowGroups.Of(data, o.By);
        bool[]? tested = null;
        if (o.Folds is { } folds)
        {
            tested = new bool[groups.Count];
            foreach (var g in FoldParts.TestUnits(groups.WithAtLeast(1), Partition.OfFolds(folds), index, Seeds.Derive(seed, "split/groups")))
                tested[g] = true;
        }

        var part = new byte[data.Count];
        var scratch = new int[groups.MaxLength];
        var keys = o.Order == HoldoutOrder.Time ? new long[groups.MaxLength] : [];
        var rowSeed = Seeds.Derive(seed, "split/group-rows");
        var pick = o.Order == HoldoutOrder.Time ? RowPicker.Order.Latest : RowPicker.Order.Random;
        var kept = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var n = groups.Length(g);
            if (n == 0 || (tested is not null && !tested[g]))
                continue;
            var t = TestCount(n);
            if (t == 0)
            {
                kept++;
                continue;
            }
            // One stream per group: a group's sample depends on the seed and the group only.
            var rng = Seeds.Stream(rowSeed, (ulong)g);
            foreach (var r in RowPicker.Pick(groups.CopyRows(g, scratch), t, pick, ref rng, data, keys))
                part[r] = FoldParts.Test;
        }

        var warnings = new List<string>();
        if (o.Order == HoldoutOrder.Time)
            warnings.Add($"Per-{SpecText.Name(o.By)} temporal split: each {SpecText.Name(o.By)}'s latest interactions are tested, but " +
                "other interactions made after them are in train, so models can learn from the future (leakage across " +
                $"{SpecText.Name(o.By)}s). Use a global cut (temporal:...) to rule it out.");
        return FoldParts.Build(data, index, part, withOnboarding: false,
            usersKept: o.By == GroupBy.User ? kept : 0, itemsKept: o.By == GroupBy.Item ? kept : 0, warnings);
    }

    /// <inheritdoc/>
    public override string ToString() => Spec;
}
