using System.Runtime.InteropServices;
using System.Security.Cryptography;
using RecLab.Data.Synthetic;

namespace RecLab.Tests.Data.Synthetic;

/// <summary>Worlds generated once per test run and shared by the test classes, and a content hash for determinism checks.</summary>
public static class SyntheticWorlds
{
    private static readonly Lazy<World> TinyWorld = new(() => World.Generate(WorldOptions.Tiny));
    private static readonly Lazy<World> SmallWorld = new(() => World.Generate(WorldOptions.Small));

    public static World Tiny => TinyWorld.Value;

    public static World Small => SmallWorld.Value;

    /// <summary>Generates with the test's cancellation token.</summary>
    public static World Generate(WorldOptions options, int? maxThreads = null) =>
        World.Generate(options, maxThreads, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>SHA-256 over every generated array: entities, follow graph, both log tables and the totals.</summary>
    public static string Hash(World world)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add<T>(ReadOnlySpan<T> span) where T : struct => hash.AppendData(MemoryMarshal.AsBytes(span));
        var users = world.Users;
        Add(users.AgeBandColumn);
        Add(users.GenderColumn);
        Add(users.RegionColumn);
        Add(users.TasteMatrix);
        for (var u = 0; u < users.Count; u++)
        {
            Add<float>([users.Activity(u), users.Attention(u), users.PriceSensitivity(u), users.RatingBias(u)]);
            Add(users.Interests(u));
        }
        var creators = world.Creators;
        for (var c = 0; c < creators.Count; c++)
        {
            Add(creators.Topics(c));
            Add(creators.TopicWeights(c));
            Add(creators.Style(c));
            Add(creators.ItemsOf(c));
            Add<float>([creators.Quality(c), creators.Fame(c), creators.FeePerThousand(c), creators.ProductShare(c), creators.Followers(c)]);
        }
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join(",", creators.Names)));
        var items = world.Items;
        Add(items.VectorMatrix);
        Add(items.QualityColumn);
        Add(items.CreatorColumn);
        for (var i = 0; i < items.Count; i++)
        {
            Add(items.TitleTokens(i));
            Add<float>([items.Price(i), items.Margin(i), items.Buzz(i), items.PublishSecond(i), (float)items.Kind(i), items.SecondaryTopic(i)]);
        }
        Add(world.Follows.ByUser.Offsets);
        Add(world.Follows.ByUser.Indices);
        foreach (var table in new[] { world.Log.Clicks, world.Log.Impressions })
        {
            Add(table.Users);
            Add(table.Items);
            Add(table.Seconds);
            Add(table.Positions);
            Add(table.Propensities);
            Add(table.Outcomes);
            Add(table.Ratings);
        }
        var t = world.Log.Totals;
        Add<double>([t.Sessions, t.Impressions, t.Examined, t.Clicks, t.Likes, t.Purchases, t.ProductClicks, t.Ratings, t.Revenue]);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
