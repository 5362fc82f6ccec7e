using System.Globalization;
using System.Text;
using RecLab.Randomness;

namespace RecLab.Experiments.Tests.Support;

/// <summary>
/// A small ratings file with structure a recommender can learn: users and items fall in three taste groups, users rate
/// items of their group 4-5 and others 1-3, and popularity is steeply skewed (so popularity clearly beats random).
/// </summary>
public static class TinyRatings
{
    public static string Write(string path, int users = 60, int items = 40, ulong seed = 7)
    {
        var rng = new Rng(seed);
        var sb = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (var u = 0; u < users; u++)
        {
            for (var i = 0; i < items; i++)
            {
                // Low item numbers are popular: seen with probability from 0.8 down to 0.05.
                if (!rng.NextBool(0.8 - 0.75 * i / items))
                    continue;
                var rating = u % 3 == i % 3 ? 4 + rng.NextInt(2) : 1 + rng.NextInt(3);
                sb.Append(CultureInfo.InvariantCulture, $"u{u},i{i},{rating},{1_000_000 + u * 1000 + i}\n");
            }
        }
        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
