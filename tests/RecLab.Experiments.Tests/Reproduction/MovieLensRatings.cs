using System.Globalization;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reproduction;

/// <summary>
/// ml-latest-small's ratings.csv read line by line in the test, so the reimplementation checks share nothing with
/// RecLab's loaders: dense user and item numbers in order of first appearance, the rating, and nothing else.
/// </summary>
internal sealed record MovieLensRatings(int[] Users, int[] Items, double[] Ratings, int UserCount, int ItemCount)
{
    public int Count => Users.Length;

    public static MovieLensRatings Load()
    {
        var path = Path.Combine(SharedData.MovieLensSmall(), "ratings.csv");
        var userIds = new Dictionary<string, int>();
        var itemIds = new Dictionary<string, int>();
        List<int> users = [], items = [];
        List<double> ratings = [];
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            users.Add(Id(userIds, f[0]));
            items.Add(Id(itemIds, f[1]));
            ratings.Add(double.Parse(f[2], CultureInfo.InvariantCulture));
        }
        return new MovieLensRatings([.. users], [.. items], [.. ratings], userIds.Count, itemIds.Count);
    }

    private static int Id(Dictionary<string, int> ids, string key)
    {
        if (!ids.TryGetValue(key, out var id))
            ids[key] = id = ids.Count;
        return id;
    }

    /// <summary>The rows of each user (or each item with <paramref name="byItem"/>), in file order.</summary>
    public List<int>[] RowsBy(bool byItem)
    {
        var groups = Enumerable.Range(0, byItem ? ItemCount : UserCount).Select(_ => new List<int>()).ToArray();
        for (var r = 0; r < Count; r++)
            groups[byItem ? Items[r] : Users[r]].Add(r);
        return groups;
    }

    /// <summary>A uniformly random permutation of <paramref name="list"/> (Fisher-Yates with <paramref name="random"/>).</summary>
    public static List<int> Shuffled(IEnumerable<int> list, Random random)
    {
        var copy = list.ToList();
        for (var k = copy.Count - 1; k > 0; k--)
        {
            var j = random.Next(k + 1);
            (copy[k], copy[j]) = (copy[j], copy[k]);
        }
        return copy;
    }
}
