using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Splitting;

/// <summary>
/// Cold start: whole users (<c>cold-users:0.2</c>) or whole items (<c>cold-items:0.1</c>) are held out, so no test
/// user (item) has a single training interaction. With <c>onboard=N</c>, N of each held-out user's interactions
/// (the earliest, or random with <c>onboard-order=random</c>) go to <see cref="Fold.Onboarding"/>: handed to the
/// query at evaluation time, never trained on, never scored; for items they are the new item's first N raters.
/// </summary>
/// <remarks>
/// Only users (items) with more than N interactions can be held out (otherwise nothing would be left to test), so
/// the share or the folds are taken over those; the others stay wholly in train and are counted in
/// <see cref="Fold.UsersKeptInTrain"/> (<see cref="Fold.ItemsKeptInTrain"/>). With k folds (<c>folds=5</c>) the
/// held-out sets of the folds partition the eligible users (items).
/// </remarks>
public sealed class ColdStartSplit : ISplitter
{
    /// <summary>A cold-start split with the given options.</summary>
    public ColdStartSplit(ColdStartOptions options)
    {
        if (!options.Groups.IsValid)
            throw new ArgumentException("Groups is not set; use Partition.OfFraction or Partition.OfFolds.", nameof(options));
        if (options.Onboard < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Onboard, "Onboard (onboard) must be at least 0.");
        Options = options;
    }

    /// <summary>The options.</summary>
    public ColdStartOptions Options { get; }

    /// <summary>
    /// The split to measure a cold-start curve up to <paramref name="largest"/> onboarding interactions on: a user
    /// cold-start split handing out at least that many (one without onboarding gets <c>onboard=largest</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Not a user cold-start split, or one handing out fewer.</exception>
    public static ColdStartSplit ForOnboardingCurve(ISplitter splitter, int largest)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        if (splitter is not ColdStartSplit { Options.By: GroupBy.User } cold)
            throw new ArgumentException($"onboarding sizes need a user cold-start split (e.g. cold-users:0.2:onboard={largest}), not '{splitter.Spec}'.");
        if (cold.Options.Onboard == 0)
            return new ColdStartSplit(cold.Options with { Onboard = largest });
        return cold.Options.Onboard >= largest ? cold
            : throw new ArgumentException($"onboarding sizes go up to {largest}, but the split '{splitter.Spec}' hands out only {cold.Options.Onboard}; use onboard={largest}.");
    }

    /// <inheritdoc/>
    public int FoldCount => Options.Groups.FoldCount;

    /// <inheritdoc/>
    public string Spec
    {
        get
        {
            var o = Options;
            var spec = new SpecText(o.By == GroupBy.User ? "cold-users" : "cold-items");
            if (o.Groups.IsFolds)
                spec.Add("folds", SpecText.Number(o.Groups.Folds));
            else
                spec.Add(SpecText.Number(o.Groups.Fraction));
            return spec.AddIf(o.Onboard > 0, "onboard", SpecText.Number(o.Onboard))
                .AddIf(o.Onboard > 0 && o.OnboardOrder != OnboardingOrder.Earliest, "onboard-order", SpecText.Name(o.OnboardOrder))
                .ToString();
        }
    }

    /// <inheritdoc/>
    public Fold CreateFold(InteractionData data, int index, ulong seed)
    {
        FoldParts.CheckIndex(index, FoldCount);
        var o = Options;
        var byTime = o.Onboard > 0 && o.OnboardOrder == OnboardingOrder.Earliest;
        if (byTime)
            FoldParts.RequireTimes(data, Spec, "onboards with the earliest interactions (use onboard-order=random)");
        var groups = RowGroups.Of(data, o.By);
        var eligible = groups.WithAtLeast(o.Onboard + 1);
        var kept = groups.WithAtLeast(1).Length - eligible.Length;

        var part = new byte[data.Count];
        var scratch = new int[groups.MaxLength];
        var keys = byTime ? new long[groups.MaxLength] : [];
        var rowSeed = Seeds.Derive(seed, "split/onboarding");
        var pick = o.OnboardOrder == OnboardingOrder.Earliest ? RowPicker.Order.Earliest : RowPicker.Order.Random;
        foreach (var g in FoldParts.TestUnits(eligible, o.Groups, index, Seeds.Derive(seed, "split/cold-groups")))
        {
            var rows = groups.CopyRows(g, scratch);
            foreach (var r in rows)
                part[r] = FoldParts.Test;
            if (o.Onboard == 0)
                continue;
            var rng = Seeds.Stream(rowSeed, (ulong)g);
            foreach (var r in RowPicker.Pick(rows, o.Onboard, pick, ref rng, data, keys))
                part[r] = FoldParts.Onboarding;
        }
        return FoldParts.Build(data, index, part, withOnboarding: o.Onboard > 0,
            usersKept: o.By == GroupBy.User ? kept : 0, itemsKept: o.By == GroupBy.Item ? kept : 0);
    }

    /// <inheritdoc/>
    public override string ToString() => Spec;
}
