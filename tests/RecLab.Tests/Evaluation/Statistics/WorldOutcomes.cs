using RecLab.Data.Synthetic;
using RecLab.Evaluation.Statistics;
using RecLab.Randomness;

namespace RecLab.Tests.Evaluation.Statistics;

/// <summary>
/// Per-user outcomes of a synthetic world's historical log over a window of days: impressions (users whose impressions
/// were kept; NaN for the others), clicks, purchases and revenue, plus the click rows of the window so that a test can
/// inject a true effect by thinning clicks.
/// </summary>
public sealed class WorldOutcomes
{
    private readonly int[] _clickUsers;
    private readonly double[] _clickRevenue;
    private readonly bool[] _clickPurchase;

    public WorldOutcomes(World world, int fromDay, int toDay)
    {
        var n = world.Users.Count;
        Users = n;
        Impressions = new double[n];
        Clicks = new double[n];
        Purchases = new double[n];
        Revenue = new double[n];
        for (var u = 0; u < n; u++)
            Impressions[u] = world.Log.ImpressionsKept(u) ? 0 : double.NaN;
        var impressions = world.Log.Impressions;
        for (var r = 0; r < impressions.Count; r++)
        {
            var d = impressions.Day(r);
            if (d >= fromDay && d < toDay)
                Impressions[impressions.Users[r]]++;
        }
        var clicks = world.Log.Clicks;
        var users = new List<int>();
        var revenue = new List<double>();
        var bought = new List<bool>();
        for (var r = 0; r < clicks.Count; r++)
        {
            var d = clicks.Day(r);
            if (d < fromDay || d >= toDay)
                continue;
            var u = clicks.Users[r];
            var purchase = (clicks.Outcomes[r] & Engagement.Purchase) != 0;
            var price = purchase ? world.Items.Price(clicks.Items[r]) : 0.0;
            Clicks[u]++;
            Purchases[u] += purchase ? 1 : 0;
            Revenue[u] += price;
            users.Add(u);
            revenue.Add(price);
            bought.Add(purchase);
        }
        _clickUsers = [.. users];
        _clickRevenue = [.. revenue];
        _clickPurchase = [.. bought];
    }

    public int Users { get; }

    public double[] Impressions { get; }

    public double[] Clicks { get; }

    public double[] Purchases { get; }

    public double[] Revenue { get; }

    /// <summary>Assigns users to two arms by a salted hash of the user index (true = treatment), 50/50.</summary>
    public static bool[] Assign(int users, ulong salt)
    {
        var arm = new bool[users];
        for (var u = 0; u < users; u++)
            arm[u] = (Seeds.Derive(salt, (ulong)u) & 1) == 1;
        return arm;
    }

    /// <summary>Clicks, purchases and revenue after each treatment user's clicks are kept with probability 1 − <paramref name="drop"/>.</summary>
    public (double[] Clicks, double[] Purchases, double[] Revenue) Thinned(bool[] treatment, double drop, ulong seed)
    {
        var clicks = (double[])Clicks.Clone();
        var purchases = (double[])Purchases.Clone();
        var revenue = (double[])Revenue.Clone();
        var rng = new Rng(seed);
        for (var k = 0; k < _clickUsers.Length; k++)
        {
            var u = _clickUsers[k];
            if (!treatment[u] || rng.NextDouble() >= drop)
                continue;
            clicks[u]--;
            purchases[u] -= _clickPurchase[k] ? 1 : 0;
            revenue[u] -= _clickRevenue[k];
        }
        return (clicks, purchases, revenue);
    }

    /// <summary>Splits a per-user column by arm (NaN values dropped with their users).</summary>
    public static (double[] Control, double[] Treatment) Split(double[] values, bool[] treatment)
    {
        var c = new List<double>();
        var t = new List<double>();
        for (var u = 0; u < values.Length; u++)
            (treatment[u] ? t : c).Add(values[u]);
        return ([.. c], [.. t]);
    }

    /// <summary>Standard deviation over the defined values.</summary>
    public static double StandardDeviation(double[] values) => SampleSummary.Of(values).StandardDeviation;
}
