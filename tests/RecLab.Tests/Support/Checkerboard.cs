using RecLab.Data;

namespace RecLab.Tests.Support;

/// <summary>
/// Data with a known answer (as implicit's tests use): users in group u % 2 like items of the same parity.
/// Each user has some items of their own parity held out, so a personalised model must rank those first.
/// </summary>
public static class Checkerboard
{
    public const int Users = 40;
    public const int Items = 40;

    /// <summary>True for the (user, item) pairs kept out of training: two items of the user's own parity.</summary>
    public static bool HeldOut(int user, int item) =>
        item % 2 == user % 2 && (item / 2 == user % (Items / 2) || item / 2 == (user + 7) % (Items / 2));

    /// <summary>Implicit: every non-held-out item of the user's parity, weight 1.</summary>
    public static InteractionData Implicit()
    {
        var b = new InteractionDataBuilder(IdMapBuilderOf(Users), IdMapBuilderOf(Items));
        for (var u = 0; u < Users; u++)
            for (var i = u % 2; i < Items; i += 2)
                if (!HeldOut(u, i))
                    b.Add(u, i, 1f, 1_000_000 + u * Items + i);
        return b.Build(FeedbackKind.Implicit, null);
    }

    /// <summary>Explicit: own parity rated 4.5-5, the other parity 1-1.5 (only some of them), held-out pairs missing.</summary>
    public static InteractionData Explicit()
    {
        var b = new InteractionDataBuilder(IdMapBuilderOf(Users), IdMapBuilderOf(Items));
        for (var u = 0; u < Users; u++)
            for (var i = 0; i < Items; i++)
            {
                if (HeldOut(u, i))
                    continue;
                var liked = i % 2 == u % 2;
                if (!liked && (i + u) % 3 == 0)
                    continue; // not everyone rated every disliked item
                b.Add(u, i, liked ? ((i + u) % 2 == 0 ? 5f : 4.5f) : ((i + u) % 2 == 0 ? 1f : 1.5f), 1_000_000 + u * Items + i);
            }
        return b.Build(FeedbackKind.Explicit, RatingScale.HalfToFive);
    }

    private static IdMapBuilder IdMapBuilderOf(int count)
    {
        var b = new IdMapBuilder(count);
        for (var k = 0; k < count; k++)
            b.GetOrAdd(k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return b;
    }
}
