namespace RecLab.Data.Synthetic;

/// <summary>
/// The catalogue of a synthetic world, in publication order (item 0 is the oldest): creator, topic tags, kind,
/// price and margin (products), quality, latent vector, publication time, title tokens, and buzz.
/// </summary>
public sealed class WorldItems
{
    private readonly int[] _creators;
    private readonly byte[] _primaryTopics;
    private readonly sbyte[] _secondaryTopics;
    private readonly ItemKind[] _kinds;
    private readonly float[] _prices;
    private readonly float[] _margins;
    private readonly float[] _quality;
    private readonly float[] _vectors;
    private readonly int[] _publishSeconds;
    private readonly int[] _tokenOffsets;
    private readonly int[] _tokens;
    private readonly float[] _buzz;
    private readonly string[] _vocabulary;

    internal WorldItems(int dimensions, long startUnixSeconds, int[] creators, byte[] primaryTopics, sbyte[] secondaryTopics,
        ItemKind[] kinds, float[] prices, float[] margins, float[] quality, float[] vectors, int[] publishSeconds,
        int[] tokenOffsets, int[] tokens, float[] buzz, string[] vocabulary)
    {
        Dimensions = dimensions;
        StartUnixSeconds = startUnixSeconds;
        _creators = creators;
        _primaryTopics = primaryTopics;
        _secondaryTopics = secondaryTopics;
        _kinds = kinds;
        _prices = prices;
        _margins = margins;
        _quality = quality;
        _vectors = vectors;
        _publishSeconds = publishSeconds;
        _tokenOffsets = tokenOffsets;
        _tokens = tokens;
        _buzz = buzz;
        _vocabulary = vocabulary;
    }

    /// <summary>Number of items.</summary>
    public int Count => _creators.Length;

    /// <summary>Length of an item vector: topics plus latent factors.</summary>
    public int Dimensions { get; }

    /// <summary>Unix time of the first logged day's midnight (UTC).</summary>
    public long StartUnixSeconds { get; }

    /// <summary>The creator who published the item.</summary>
    public int Creator(int item) => _creators[item];

    /// <summary>The item's main topic.</summary>
    public int PrimaryTopic(int item) => _primaryTopics[item];

    /// <summary>A second topic tag (weight 0.5 in the item vector), or -1.</summary>
    public int SecondaryTopic(int item) => _secondaryTopics[item];

    /// <summary>Post or product.</summary>
    public ItemKind Kind(int item) => _kinds[item];

    /// <summary>Price in dollars (0 for posts).</summary>
    public float Price(int item) => _prices[item];

    /// <summary>Margin as a share of the price (0 for posts).</summary>
    public float Margin(int item) => _margins[item];

    /// <summary>Quality q_i (its creator's quality plus noise), added to every user's affinity.</summary>
    public float Quality(int item) => _quality[item];

    /// <summary>The item vector <c>v_i = [topic tags ; s_c + ε_i]</c>.</summary>
    public ReadOnlySpan<float> Vector(int item) => _vectors.AsSpan(item * Dimensions, Dimensions);

    /// <summary>Publication time, in seconds from the first logged day's midnight (negative: before the log).</summary>
    public int PublishSecond(int item) => _publishSeconds[item];

    /// <summary>Publication time as a unix timestamp.</summary>
    public long PublishTimestamp(int item) => StartUnixSeconds + _publishSeconds[item];

    /// <summary>Publication day relative to the log (0 = first logged day; negative = before). Available from the next day.</summary>
    public int PublishDay(int item) => FloorDay(_publishSeconds[item]);

    /// <summary>Title words, as indices into <see cref="Vocabulary"/>.</summary>
    public ReadOnlySpan<int> TitleTokens(int item) => _tokens.AsSpan(_tokenOffsets[item], _tokenOffsets[item + 1] - _tokenOffsets[item]);

    /// <summary>The title: its words joined by spaces.</summary>
    public string Title(int item)
    {
        var tokens = TitleTokens(item);
        var words = new string[tokens.Length];
        for (var k = 0; k < tokens.Length; k++)
            words[k] = _vocabulary[tokens[k]];
        return string.Join(' ', words);
    }

    /// <summary>
    /// Buzz: the reach the logging policy sees (creator fame, quality, virality), not a user preference.
    /// An item's popularity weight on a day is its buzz times its recency decay.
    /// </summary>
    public float Buzz(int item) => _buzz[item];

    /// <summary>Every title word, topic by topic, without repeats.</summary>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    /// <summary>Number of items published before day <paramref name="day"/> (they are items 0 to that count - 1).</summary>
    public int PublishedBefore(int day)
    {
        var limit = (long)day * 86_400;
        int lo = 0, hi = _publishSeconds.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_publishSeconds[mid] < limit)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>Price bands used in item features: <c>0-10</c>, <c>10-25</c>, <c>25-50</c>, <c>50-100</c>, <c>100-250</c>, <c>250+</c> (dollars).</summary>
    public static string PriceBand(float price) => price switch
    {
        < 10 => "0-10",
        < 25 => "10-25",
        < 50 => "25-50",
        < 100 => "50-100",
        < 250 => "100-250",
        _ => "250+",
    };

    internal static int FloorDay(int second) => (int)Math.Floor(second / 86_400.0);

    internal ReadOnlySpan<float> VectorMatrix => _vectors;
    internal ReadOnlySpan<float> QualityColumn => _quality;
    internal ReadOnlySpan<int> CreatorColumn => _creators;
}
