namespace RecLab.Data.Synthetic;

/// <summary>
/// The creators of a synthetic world: topics (1–3, with weights), quality, fame (the power-law follower prior),
/// realized follower count, fee per thousand impressions, home region, target audience, product share and style vector.
/// </summary>
public sealed class WorldCreators
{
    internal WorldCreators(string[] names, int[] topicOffsets, byte[] topics, float[] topicWeights, float[] quality, float[] fame,
        int[] followers, float[] fees, byte[] regions, sbyte[] audienceGenders, byte[] audienceAges, float[] productShares,
        int latentFactors, float[] styles, int[] itemOffsets, int[] items)
    {
        Names = names;
        _topicOffsets = topicOffsets;
        _topics = topics;
        _topicWeights = topicWeights;
        _quality = quality;
        _fame = fame;
        _followers = followers;
        _fees = fees;
        _regions = regions;
        _audienceGenders = audienceGenders;
        _audienceAges = audienceAges;
        _productShares = productShares;
        LatentFactors = latentFactors;
        _styles = styles;
        _itemOffsets = itemOffsets;
        _items = items;
    }

    private readonly int[] _topicOffsets;
    private readonly byte[] _topics;
    private readonly float[] _topicWeights;
    private readonly float[] _quality;
    private readonly float[] _fame;
    private readonly int[] _followers;
    private readonly float[] _fees;
    private readonly byte[] _regions;
    private readonly sbyte[] _audienceGenders;
    private readonly byte[] _audienceAges;
    private readonly float[] _productShares;
    private readonly float[] _styles;
    private readonly int[] _itemOffsets;
    private readonly int[] _items;

    /// <summary>Number of creators.</summary>
    public int Count => Names.Count;

    /// <summary>Handles such as <c>@glow_serum_17</c>, by creator index.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Length of a style vector.</summary>
    public int LatentFactors { get; }

    /// <summary>The creator's topics (indices into the world's topics), primary first.</summary>
    public ReadOnlySpan<byte> Topics(int creator) => _topics.AsSpan(_topicOffsets[creator], _topicOffsets[creator + 1] - _topicOffsets[creator]);

    /// <summary>The weight of each of <see cref="Topics"/> (sums to 1).</summary>
    public ReadOnlySpan<float> TopicWeights(int creator) =>
        _topicWeights.AsSpan(_topicOffsets[creator], _topicOffsets[creator + 1] - _topicOffsets[creator]);

    /// <summary>Creator quality q_c, part of every one of its items' quality.</summary>
    public float Quality(int creator) => _quality[creator];

    /// <summary>Fame (Pareto, minimum 1): the prior of preferential attachment and of item buzz.</summary>
    public float Fame(int creator) => _fame[creator];

    /// <summary>Followers in the follow graph.</summary>
    public int Followers(int creator) => _followers[creator];

    /// <summary>Fee per thousand impressions, in dollars.</summary>
    public float FeePerThousand(int creator) => _fees[creator];

    /// <summary>Home region code (index into <see cref="Demographics.Regions"/>).</summary>
    public int Region(int creator) => _regions[creator];

    /// <summary>Target gender code, or -1 when the creator addresses everyone.</summary>
    public int AudienceGender(int creator) => _audienceGenders[creator];

    /// <summary>Target age band code.</summary>
    public int AudienceAge(int creator) => _audienceAges[creator];

    /// <summary>Probability that an item of this creator is a product.</summary>
    public float ProductShare(int creator) => _productShares[creator];

    /// <summary>The style vector s_c (each component N(0, LatentFactors^-1/2)).</summary>
    public ReadOnlySpan<float> Style(int creator) => _styles.AsSpan(creator * LatentFactors, LatentFactors);

    /// <summary>The creator's items, in publication order.</summary>
    public ReadOnlySpan<int> ItemsOf(int creator) => _items.AsSpan(_itemOffsets[creator], _itemOffsets[creator + 1] - _itemOffsets[creator]);

    internal int ItemStart(int creator) => _itemOffsets[creator];

    internal ReadOnlySpan<int> AllItemsByCreator => _items;
}
