using System.Globalization;
using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>
/// Random implicit data at scale, standing in for the synthetic world until it lands: Zipf-like item popularity
/// (weight 1/(rank+10)) and log-normal user activity, distinct items per user, value 1.
/// </summary>
public static class PowerLawData
{
    public static InteractionData Generate(int users, int items, long interactions, ulong seed)
    {
        var cumulative = new double[items];
        double total = 0;
        for (var i = 0; i < items; i++)
            cumulative[i] = total += 1.0 / (i + 10);
        var rng = new Rng(seed);
        var activity = new double[users];
        double activityTotal = 0;
        for (var u = 0; u < users; u++)
            activityTotal += activity[u] = Math.Exp(rng.NextGaussian(0, 1));
        var userIds = new IdMapBuilder(users);
        for (var u = 0; u < users; u++)
            userIds.GetOrAdd(u.ToString(CultureInfo.InvariantCulture));
        var itemIds = new IdMapBuilder(items);
        for (var i = 0; i < items; i++)
            itemIds.GetOrAdd(i.ToString(CultureInfo.InvariantCulture));
        var b = new InteractionDataBuilder(userIds, itemIds, (int)interactions + 1024);
        var seen = new HashSet<int>();
        for (var u = 0; u < users; u++)
        {
            var count = (int)Math.Min(items / 2, Math.Max(1, Math.Round(interactions * activity[u] / activityTotal)));
            seen.Clear();
            while (seen.Count < count)
            {
                var k = Array.BinarySearch(cumulative, rng.NextDouble() * total);
                var item = k >= 0 ? k : Math.Min(~k, items - 1);
                if (seen.Add(item))
                    b.Add(u, item, 1f);
            }
        }
        return b.Build(FeedbackKind.Implicit, null);
    }
}
