using RecLab.Data;
using RecLab.Recommenders;

namespace RecLab.Tests.Recommenders.Content;

/// <summary>
/// Four items whose TF-IDF profiles are worked out by hand:
/// <code>
///   i0: genre:A genre:B     i1: genre:A     i2: genre:A tag:c     i3: tag:c (nobody rated it)
/// </code>
/// N = 4 items with features; df(A) = 3, df(B) = 1, df(c) = 2, so idf = ln(4/3), ln 4, ln 2.
/// Ratings (1-5): u0 rated i0 5 and i1 3; u1 rated i2 4; u2 rated i0 4. Popularity: i0 2, i1 1, i2 1, i3 0.
/// </summary>
public static class TinyCatalog
{
    public static readonly double IdfA = Math.Log(4.0 / 3), IdfB = Math.Log(4.0), IdfC = Math.Log(2.0);

    public static TrainingSet Ratings(FeedbackKind kind = FeedbackKind.Explicit)
    {
        var users = new IdMapBuilder();
        var items = new IdMapBuilder();
        foreach (var u in new[] { "u0", "u1", "u2" })
            users.GetOrAdd(u);
        foreach (var i in new[] { "i0", "i1", "i2", "i3" })
            items.GetOrAdd(i);
        var b = new InteractionDataBuilder(users, items);
        b.Add("u0", "i0", 5); b.Add("u0", "i1", 3); b.Add("u1", "i2", 4); b.Add("u2", "i0", 4);
        var data = kind == FeedbackKind.Explicit ? b.Build(FeedbackKind.Explicit, RatingScale.OneToFive) : b.Build(FeedbackKind.Implicit, null);
        var f = new ItemFeaturesBuilder();
        f.Add(0, "genre", "A"); f.Add(0, "genre", "B");
        f.Add(1, "genre", "A");
        f.Add(2, "genre", "A"); f.Add(2, "tag", "c");
        f.Add(3, "tag", "c");
        var ages = new UserFeaturesBuilder("age");
        ages.Set(0, "age", "young"); ages.Set(1, "age", "old"); ages.Set(2, "age", "young");
        return new TrainingSet(data, f.Build(data.Items), ages.Build(data.Users));
    }

    /// <summary>The hand-computed unit profile of each item, as (A, B, c) weights.</summary>
    public static (double A, double B, double C)[] Profiles()
    {
        var n0 = Math.Sqrt(IdfA * IdfA + IdfB * IdfB);
        var n2 = Math.Sqrt(IdfA * IdfA + IdfC * IdfC);
        return [(IdfA / n0, IdfB / n0, 0), (1, 0, 0), (IdfA / n2, 0, IdfC / n2), (0, 0, 1)];
    }

    public static double Dot((double A, double B, double C) x, (double A, double B, double C) y) => x.A * y.A + x.B * y.B + x.C * y.C;

    public static double Norm((double A, double B, double C) x) => Math.Sqrt(Dot(x, x));
}
