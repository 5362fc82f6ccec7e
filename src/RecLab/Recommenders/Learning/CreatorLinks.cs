using RecLab.Data;
using RecLab.Data.Synthetic;

namespace RecLab.Recommenders.Learning;

/// <summary>
/// Who made each item and who follows whom, where the data knows: a synthetic world's creators, follow graph and
/// publication times (found through <see cref="World.Of"/>), else the item feature field <c>creator</c> alone (no follows),
/// else nothing. Learned models use them as the creator and context features of a (user, item) pair.
/// </summary>
internal sealed class CreatorLinks
{
    private readonly int[] _creatorOf;
    private readonly World? _world;

    private CreatorLinks(int[] creatorOf, int creators, World? world)
    {
        _creatorOf = creatorOf;
        Count = creators;
        _world = world;
    }

    /// <summary>The creators of <paramref name="train"/>'s items.</summary>
    public static CreatorLinks Of(TrainingSet train)
    {
        if (World.Of(train.Interactions) is { } world)
        {
            var creators = new int[world.Items.Count];
            for (var i = 0; i < creators.Length; i++)
                creators[i] = world.Items.Creator(i);
            return new CreatorLinks(creators, world.Creators.Count, world);
        }
        var of = new int[train.ItemCount];
        Array.Fill(of, -1);
        var count = 0;
        if (train.ItemFeatures is { } features && features.FieldCounts().Any(f => f.Key == CreatorField))
        {
            var ordinals = new Dictionary<int, int>();
            var matrix = features.Matrix;
            for (var i = 0; i < of.Length; i++)
                foreach (var f in matrix.RowIndices(i))
                    if (features.FieldOf(f) == CreatorField)
                    {
                        if (!ordinals.TryGetValue(f, out var c))
                            ordinals[f] = c = ordinals.Count;
                        of[i] = c;
                        break;
                    }
            count = ordinals.Count;
        }
        return new CreatorLinks(of, count, null);
    }

    /// <summary>The item feature field naming an item's creator.</summary>
    public const string CreatorField = "creator";

    /// <summary>Number of creators (0 when the data names none).</summary>
    public int Count { get; }

    /// <summary>True when the follow graph is known.</summary>
    public bool HasFollows => _world is not null;

    /// <summary>The item's creator, or -1.</summary>
    public int CreatorOf(int item) => (uint)item < (uint)_creatorOf.Length ? _creatorOf[item] : -1;

    /// <summary>True when <paramref name="user"/> follows the creator of <paramref name="item"/> (false without a follow graph).</summary>
    public bool Follows(int user, int item) =>
        _world is { } w && (uint)user < (uint)w.Users.Count && CreatorOf(item) is var c and >= 0 && w.Follows.Follows(user, c);

    /// <summary>Followers of the item's creator (0 without a follow graph).</summary>
    public int Followers(int item) => _world is { } w && CreatorOf(item) is var c and >= 0 ? w.Follows.FollowersOf(c).Length : 0;

    /// <summary>Publication time of the item where the world knows it, else null.</summary>
    public long? Published(int item) => _world?.Items.PublishTimestamp(item);
}
