namespace RecLab.Data.Synthetic;

/// <summary>
/// The users of a synthetic world, column by column: demographics (codes into <see cref="Demographics"/>),
/// interest mixture over topics, taste vector, activity, attention budget, price sensitivity and rating bias.
/// </summary>
public sealed class WorldUsers
{
    private readonly byte[] _ageBands;
    private readonly byte[] _genders;
    private readonly byte[] _regions;
    private readonly float[] _interests;
    private readonly float[] _tastes;
    private readonly float[] _activity;
    private readonly float[] _attention;
    private readonly float[] _priceSensitivity;
    private readonly float[] _ratingBias;

    internal WorldUsers(int topics, int dimensions, byte[] ageBands, byte[] genders, byte[] regions, float[] interests,
        float[] tastes, float[] activity, float[] attention, float[] priceSensitivity, float[] ratingBias)
    {
        TopicCount = topics;
        Dimensions = dimensions;
        _ageBands = ageBands;
        _genders = genders;
        _regions = regions;
        _interests = interests;
        _tastes = tastes;
        _activity = activity;
        _attention = attention;
        _priceSensitivity = priceSensitivity;
        _ratingBias = ratingBias;
    }

    /// <summary>Number of users.</summary>
    public int Count => _ageBands.Length;

    /// <summary>Number of topics (length of an interest mixture).</summary>
    public int TopicCount { get; }

    /// <summary>Length of a taste vector: topics plus latent factors.</summary>
    public int Dimensions { get; }

    /// <summary>Age band code (index into <see cref="Demographics.AgeBands"/>).</summary>
    public int AgeBand(int user) => _ageBands[user];

    /// <summary>Gender code (index into <see cref="Demographics.Genders"/>).</summary>
    public int Gender(int user) => _genders[user];

    /// <summary>Region code (index into <see cref="Demographics.Regions"/>).</summary>
    public int Region(int user) => _regions[user];

    /// <summary>The interest mixture θ_u over topics (sums to 1; Dirichlet tilted by age and gender).</summary>
    public ReadOnlySpan<float> Interests(int user) => _interests.AsSpan(user * TopicCount, TopicCount);

    /// <summary>The taste vector <c>x_u = [TopicWeight·θ_u ; p_u]</c>.</summary>
    public ReadOnlySpan<float> Taste(int user) => _tastes.AsSpan(user * Dimensions, Dimensions);

    /// <summary>Mean sessions per day.</summary>
    public float Activity(int user) => _activity[user];

    /// <summary>Mean attention budget: slate positions scrolled per session.</summary>
    public float Attention(int user) => _attention[user];

    /// <summary>Price sensitivity s_u (median about 1; younger users are more sensitive).</summary>
    public float PriceSensitivity(int user) => _priceSensitivity[user];

    /// <summary>Rating bias b_u added to every rating score of the user.</summary>
    public float RatingBias(int user) => _ratingBias[user];

    /// <summary>The topic with the largest interest.</summary>
    public int TopInterest(int user)
    {
        var theta = Interests(user);
        var best = 0;
        for (var t = 1; t < theta.Length; t++)
            if (theta[t] > theta[best])
                best = t;
        return best;
    }

    internal ReadOnlySpan<byte> AgeBandColumn => _ageBands;
    internal ReadOnlySpan<byte> GenderColumn => _genders;
    internal ReadOnlySpan<byte> RegionColumn => _regions;
    internal ReadOnlySpan<float> TasteMatrix => _tastes;
}
