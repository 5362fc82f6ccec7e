using System.Globalization;

namespace RecLab.Data.Synthetic;

/// <summary>
/// Every parameter of the synthetic attention economy. Presets (<see cref="Tiny"/>, <see cref="Small"/>,
/// <see cref="Large"/>, <see cref="XLarge"/>) are just defaults; any field can be overridden with <c>with</c>, by key
/// (<see cref="With(string, string)"/>) or in a spec such as <c>small?users=800&amp;seed=7</c> (<see cref="Parse"/>).
/// </summary>
/// <remarks>
/// The model, with a = a(u,i): taste <c>x_u = [TopicWeight·θ_u ; p_u]</c>, item vector <c>v_i = [tags_i ; s_c + ε_i]</c>,
/// affinity <c>a = x_u·v_i + q_i</c>; examination <c>e(k) = (1+k)^-PositionDecay</c>; click if examined
/// <c>σ(ClickBias + ClickSlope·a − FatiguePerExposure·E − SponsoredPenalty·[sponsored])</c>; like given click <c>σ(LikeBias + LikeSlope·a)</c>; purchase given a
/// product click <c>σ(PurchaseBias + PurchaseSlope·a − PriceEffect·s_u·ln(1 + price/PriceReference))</c>; rating
/// <c>clip(round(RatingMean + RatingSlope·a + b_u + RatingNoise·z), 1, 5)</c>.
/// </remarks>
public sealed record WorldOptions
{
    // ---- size ----

    /// <summary>Number of users.</summary>
    public int Users { get; init; } = 5_000;

    /// <summary>Number of creators.</summary>
    public int Creators { get; init; } = 300;

    /// <summary>Number of items (posts and products) in the catalogue at the end of the log.</summary>
    public int Items { get; init; } = 20_000;

    /// <summary>Number of topics used, the first ones of <see cref="TopicCatalog.All"/> (1 to 20).</summary>
    public int Topics { get; init; } = 20;

    /// <summary>Days of logged sessions.</summary>
    public int Days { get; init; } = 60;

    /// <summary>Days before the log during which the starting catalogue was published.</summary>
    public int PrehistoryDays { get; init; } = 60;

    /// <summary>Share of items published during the logged days (the rest form the starting catalogue).</summary>
    public double ArrivingShare { get; init; } = 0.5;

    /// <summary>The world seed: every random choice derives from it.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>First logged day (UTC midnight); timestamps are unix seconds from it.</summary>
    public DateOnly Start { get; init; } = new(2025, 1, 1);

    // ---- tastes and items ----

    /// <summary>Dimensions of the style part of tastes and item vectors (the topic part has one per topic).</summary>
    public int LatentFactors { get; init; } = 16;

    /// <summary>Total Dirichlet concentration of users' interest mixtures over topics (small = few dominant topics).</summary>
    public double TopicConcentration { get; init; } = 1.5;

    /// <summary>Affinity gained from a fully matching topic interest (θ = 1).</summary>
    public double TopicWeight { get; init; } = 4.0;

    /// <summary>Standard deviation of the style match between a user and a creator, <c>p_u·s_c</c>.</summary>
    public double StyleScale { get; init; } = 1.0;

    /// <summary>Item-specific deviation from its creator's style, relative to <see cref="StyleScale"/>.</summary>
    public double ItemNoise { get; init; } = 0.5;

    /// <summary>Standard deviation of creator quality (added to every item's affinity).</summary>
    public double CreatorQualitySpread { get; init; } = 0.5;

    /// <summary>Standard deviation of item quality around its creator's.</summary>
    public double ItemQualitySpread { get; init; } = 0.3;

    /// <summary>How strongly age and gender tilt the topic interests (0: not at all).</summary>
    public double DemographicEffect { get; init; } = 0.8;

    // ---- users ----

    /// <summary>Median sessions per day (log-normal across users).</summary>
    public double ActivityMedian { get; init; } = 1.5;

    /// <summary>Log-scale standard deviation of sessions per day.</summary>
    public double ActivitySpread { get; init; } = 0.8;

    /// <summary>Median attention budget: slate positions a user scrolls through per session (log-normal).</summary>
    public double AttentionMedian { get; init; } = 10;

    /// <summary>Log-scale standard deviation of attention budgets across users.</summary>
    public double AttentionSpread { get; init; } = 0.4;

    /// <summary>Median number of creators a user follows (log-normal).</summary>
    public double FollowsMedian { get; init; } = 12;

    // ---- creators ----

    /// <summary>Pareto exponent of creator fame, the follower-count prior (smaller = heavier tail).</summary>
    public double FameExponent { get; init; } = 1.2;

    /// <summary>Mean share of products among a creator's items.</summary>
    public double ProductShare { get; init; } = 0.25;

    /// <summary>Fee per thousand impressions, in dollars, of a creator with fame 1 (fees grow with √fame).</summary>
    public double FeeBase { get; init; } = 4.0;

    /// <summary>How much more likely users follow a creator of their own region.</summary>
    public double RegionAffinity { get; init; } = 3.0;

    /// <summary>How strongly creators' audiences skew to their target gender and age (0 to 1).</summary>
    public double AudienceSkew { get; init; } = 0.6;

    // ---- logging policy ----

    /// <summary>Relative weight of the popularity component of the logging policy.</summary>
    public double PopularityShare { get; init; } = 0.6;

    /// <summary>Relative weight of the follows component (recent items of followed creators).</summary>
    public double FollowShare { get; init; } = 0.3;

    /// <summary>Relative weight of uniform exploration over the published catalogue.</summary>
    public double ExploreShare { get; init; } = 0.1;

    /// <summary>Days over which an item's popularity decays by a factor e.</summary>
    public double RecencyDays { get; init; } = 7;

    /// <summary>Days an item stays in the popularity pool after publication.</summary>
    public int ShelfLifeDays { get; init; } = 28;

    /// <summary>Days a creator's item counts as recent for followers.</summary>
    public int FollowRecencyDays { get; init; } = 14;

    /// <summary>Log-scale standard deviation of items' buzz (the reach the policy sees, beyond fame and quality).</summary>
    public double ViralitySpread { get; init; } = 1.0;

    /// <summary>Exponent of creator fame in item buzz.</summary>
    public double PopularityFameExponent { get; init; } = 0.7;

    /// <summary>Weight of item quality in item buzz.</summary>
    public double PopularityQualityWeight { get; init; } = 1.0;

    // ---- ground truth: clicks, likes, purchases, ratings ----

    /// <summary>Position bias: examination probability <c>(1 + k)^-PositionDecay</c> at slot k (0 = top).</summary>
    public double PositionDecay { get; init; } = 0.6;

    /// <summary>Click logit intercept (for an examined item of affinity 0 and no fatigue).</summary>
    public double ClickBias { get; init; } = -4.1;

    /// <summary>Click logit per unit of affinity.</summary>
    public double ClickSlope { get; init; } = 0.8;

    /// <summary>Click logit lost per recent exposure to the same creator.</summary>
    public double FatiguePerExposure { get; init; } = 0.25;

    /// <summary>Share of a day's creator exposures still felt the next day (0: fatigue resets daily).</summary>
    public double FatigueDecay { get; init; } = 0.5;

    /// <summary>
    /// Click logit lost by an item shown in a labelled sponsored slot: users avoid ads (eye-tracking finds sponsored feed
    /// posts get less dwell time and fewer fixations than organic ones), so a brand's best products click below organic
    /// posts, as ads do on social platforms. The historical log has no sponsored slots; the A/B simulator's campaigns do.
    /// </summary>
    public double SponsoredPenalty { get; init; } = 1.0;

    /// <summary>Like logit intercept (given a click).</summary>
    public double LikeBias { get; init; } = -2.5;

    /// <summary>Like logit per unit of affinity.</summary>
    public double LikeSlope { get; init; } = 0.5;

    /// <summary>Purchase logit intercept (given a click on a product).</summary>
    public double PurchaseBias { get; init; } = -4.2;

    /// <summary>Purchase logit per unit of affinity.</summary>
    public double PurchaseSlope { get; init; } = 0.5;

    /// <summary>Purchase logit lost per unit of <c>s_u·ln(1 + price/PriceReference)</c>.</summary>
    public double PriceEffect { get; init; } = 0.6;

    /// <summary>Price, in dollars, at which the price penalty is <c>ln 2</c> times the user's sensitivity.</summary>
    public double PriceReference { get; init; } = 30;

    /// <summary>Share of clicked items the user rates.</summary>
    public double RatingShare { get; init; } = 0.3;

    /// <summary>Multiplier of every topic's median product price (<see cref="Topic.PriceMedian"/>).</summary>
    public double PriceScale { get; init; } = 1.5;

    /// <summary>Rating score at affinity 0, before noise.</summary>
    public double RatingMean { get; init; } = 2.5;

    /// <summary>Rating score per unit of affinity.</summary>
    public double RatingSlope { get; init; } = 0.5;

    /// <summary>Standard deviation of the noise added to the rating score before rounding.</summary>
    public double RatingNoise { get; init; } = 0.8;

    /// <summary>Standard deviation of users' rating biases (harsh and lenient raters).</summary>
    public double RatingUserSpread { get; init; } = 0.35;

    /// <summary>
    /// Daily standard deviation of interest drift applied by <see cref="UserState.EndDay"/> (the simulator);
    /// the historical log keeps tastes fixed so that its oracle is well defined.
    /// </summary>
    public double DriftPerDay { get; init; }

    // ---- log and views ----

    /// <summary>
    /// Share of users whose every impression is kept in the impression log (every user's clicks are kept, with their
    /// propensities). A quarter of <c>small</c>'s users is about 1.7M impressions, plenty for off-policy estimates, and
    /// keeps generation within its time budget.
    /// </summary>
    public double ImpressionLogShare { get; init; } = 0.25;

    /// <summary>Weight of a click in the implicit view.</summary>
    public float ClickWeight { get; init; } = 1f;

    /// <summary>Weight added by a like in the implicit view.</summary>
    public float LikeWeight { get; init; } = 2f;

    /// <summary>Weight added by a purchase in the implicit view.</summary>
    public float PurchaseWeight { get; init; } = 4f;

    /// <summary>The view a synthetic dataset presents as its interactions.</summary>
    public SyntheticFeedback Feedback { get; init; } = SyntheticFeedback.Implicit;

    /// <summary>For tests: about 500 users; generates in well under a second.</summary>
    public static WorldOptions Tiny { get; } = new()
    {
        Users = 500, Creators = 80, Items = 2_000, Days = 30, PrehistoryDays = 30, FollowsMedian = 8, ImpressionLogShare = 1.0,
    };

    /// <summary>The default: about 5,000 users, 300 creators, 20,000 items and about 100k interactions; keeps the impressions of a quarter of users.</summary>
    public static WorldOptions Small { get; } = new();

    /// <summary>About 100k users and 10M interactions; keeps the impressions of 5% of users.</summary>
    public static WorldOptions Large { get; } = new()
    {
        Users = 100_000, Creators = 3_000, Items = 200_000, Days = 100, FollowsMedian = 20, ImpressionLogShare = 0.05,
    };

    /// <summary>About 1M users and 50M interactions, for scale benchmarks; keeps the impressions of 1% of users.</summary>
    public static WorldOptions XLarge { get; } = new()
    {
        Users = 1_000_000, Creators = 20_000, Items = 1_000_000, Days = 50, FollowsMedian = 20, ImpressionLogShare = 0.01,
    };

    /// <summary>Preset names, smallest first.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["tiny", "small", "large", "xlarge"];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the presets.</exception>
    public static WorldOptions Preset(string name) => name.Trim().ToLowerInvariant() switch
    {
        "tiny" => Tiny,
        "small" => Small,
        "large" => Large,
        "xlarge" => XLarge,
        _ => throw new ArgumentException($"Unknown synthetic preset '{name}'; presets are {string.Join(", ", PresetNames)}."),
    };

    /// <summary>Settable keys (kebab-case, as every RecLab spec; <c>_</c> is accepted for <c>-</c>), in documentation order.</summary>
    public static IReadOnlyList<string> Keys => WorldOptionKeys.Names;

    /// <summary>What a key means.</summary>
    public static string Describe(string key) => WorldOptionKeys.Find(key, "").Description;

    /// <summary>The value of a key, formatted as <see cref="With(string, string)"/> parses it.</summary>
    public string Get(string key) => WorldOptionKeys.Find(key, "").Get(this);

    /// <summary>These options with one key set from text (e.g. <c>users</c>, <c>800</c>).</summary>
    /// <exception cref="ArgumentException">Unknown key (the message lists valid keys) or a bad value.</exception>
    public WorldOptions With(string key, string value) => WorldOptionKeys.Find(key, "").Set(this, value.Trim());

    /// <summary>
    /// Parses <c>PRESET</c>, <c>PRESET?key=value&amp;key=value</c> or <c>?key=value</c> (preset small), then validates.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown preset or key, bad value, or inconsistent options.</exception>
    public static WorldOptions Parse(string spec)
    {
        var question = spec.IndexOf('?');
        var presetName = (question < 0 ? spec : spec[..question]).Trim();
        var options = presetName.Length == 0 ? Small : Preset(presetName);
        if (question >= 0)
        {
            foreach (var pair in spec[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0)
                    throw new ArgumentException($"'{pair}' in '{spec}' is not key=value; valid keys: {string.Join(", ", Keys)}.");
                options = WorldOptionKeys.Find(pair[..eq].Trim(), $" in '{spec}'").Set(options, pair[(eq + 1)..].Trim());
            }
        }
        options.Validate();
        return options;
    }

    /// <summary>Checks ranges and consistency.</summary>
    /// <exception cref="ArgumentException">Every problem found, one per line.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        void Check(bool ok, string key, string rule)
        {
            if (!ok)
                problems.Add($"{key} = {Get(key)}: {rule}");
        }
        Check(Users >= 1, "users", "must be at least 1");
        Check(Creators >= 1, "creators", "must be at least 1");
        Check(Items >= 1, "items", "must be at least 1");
        Check(Topics is >= 1 and <= 20, "topics", "must be 1 to 20");
        Check(Days >= 1, "days", "must be at least 1");
        Check(PrehistoryDays >= 1, "prehistory-days", "must be at least 1 (the starting catalogue needs a publication day)");
        Check((long)Days + PrehistoryDays <= 20_000, "days", "days + prehistory-days must be at most 20,000 (times are 32-bit seconds)");
        Check(ArrivingShare is >= 0 and < 1, "arriving-share", "must be in [0, 1)");
        Check(LatentFactors is >= 1 and <= 256, "latent-factors", "must be 1 to 256");
        Check(TopicConcentration > 0, "topic-concentration", "must be positive");
        foreach (var (key, value) in new[]
                 {
                     ("topic-weight", TopicWeight), ("style-scale", StyleScale), ("item-noise", ItemNoise),
                     ("creator-quality-spread", CreatorQualitySpread), ("item-quality-spread", ItemQualitySpread),
                     ("demographic-effect", DemographicEffect), ("activity-spread", ActivitySpread), ("attention-spread", AttentionSpread),
                     ("follows-median", FollowsMedian), ("fee-base", FeeBase), ("virality-spread", ViralitySpread),
                     ("popularity-fame-exponent", PopularityFameExponent), ("position-decay", PositionDecay), ("click-slope", ClickSlope),
                     ("fatigue-per-exposure", FatiguePerExposure), ("price-effect", PriceEffect), ("rating-noise", RatingNoise),
                     ("rating-user-spread", RatingUserSpread), ("drift-per-day", DriftPerDay), ("sponsored-penalty", SponsoredPenalty),
                     ("popularity-share", PopularityShare), ("follow-share", FollowShare), ("explore-share", ExploreShare),
                     ("click-weight", ClickWeight), ("like-weight", LikeWeight), ("purchase-weight", PurchaseWeight),
                 })
            Check(value >= 0 && double.IsFinite(value), key, "must be a finite number, zero or more");
        Check(ActivityMedian > 0, "activity-median", "must be positive");
        Check(AttentionMedian >= 1, "attention-median", "must be at least 1");
        Check(FameExponent > 0, "fame-exponent", "must be positive");
        Check(ProductShare is >= 0 and <= 1, "product-share", "must be in [0, 1]");
        Check(RegionAffinity >= 1, "region-affinity", "must be at least 1");
        Check(AudienceSkew is >= 0 and <= 1, "audience-skew", "must be in [0, 1]");
        Check(ExploreShare > 0, "explore-share", "must be positive: exploration keeps every published item's propensity above zero");
        Check(RecencyDays > 0, "recency-days", "must be positive");
        Check(ShelfLifeDays >= 1, "shelf-life-days", "must be at least 1");
        Check(FollowRecencyDays >= 1, "follow-recency-days", "must be at least 1");
        Check(FatigueDecay is >= 0 and < 1, "fatigue-decay", "must be in [0, 1)");
        Check(PriceReference > 0, "price-reference", "must be positive");
        Check(PriceScale > 0 && double.IsFinite(PriceScale), "price-scale", "must be a positive number");
        Check(RatingShare is >= 0 and <= 1, "rating-share", "must be in [0, 1]");
        Check(ImpressionLogShare is >= 0 and <= 1, "impression-log-share", "must be in [0, 1]");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid synthetic world options:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    /// <summary>The spec that reproduces these options: <c>small?users=800&amp;seed=7</c> (only keys that differ from the preset).</summary>
    public string ToSpec(string preset = "small")
    {
        var basis = Preset(preset);
        var changed = Keys.Where(k => basis.Get(k) != Get(k)).Select(k => $"{k}={Get(k)}").ToList();
        return changed.Count == 0 ? preset : preset + "?" + string.Join("&", changed);
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
