using System.Globalization;

namespace RecLab.Data.Synthetic;

/// <summary>The explicit key table behind <see cref="WorldOptions.With(string, string)"/>: name, meaning, getter, setter.</summary>
internal static class WorldOptionKeys
{
    internal sealed record Key(string Name, string Description, Func<WorldOptions, string> Get, Func<WorldOptions, string, WorldOptions> Set);

    private static readonly Key[] Table =
    [
        Int("users", "number of users", o => o.Users, (o, v) => o with { Users = v }),
        Int("creators", "number of creators", o => o.Creators, (o, v) => o with { Creators = v }),
        Int("items", "number of items (posts and products)", o => o.Items, (o, v) => o with { Items = v }),
        Int("topics", "topics used (1-20)", o => o.Topics, (o, v) => o with { Topics = v }),
        Int("days", "days of logged sessions", o => o.Days, (o, v) => o with { Days = v }),
        Int("prehistory-days", "days before the log over which the starting catalogue was published", o => o.PrehistoryDays, (o, v) => o with { PrehistoryDays = v }),
        Real("arriving-share", "share of items published during the log", o => o.ArrivingShare, (o, v) => o with { ArrivingShare = v }),
        new("seed", "world seed", o => o.Seed.ToString(CultureInfo.InvariantCulture), (o, v) => o with { Seed = ParseSeed("seed", v) }),
        new("start", "first logged day, yyyy-MM-dd (UTC)", o => o.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (o, v) => o with { Start = ParseDate("start", v) }),
        Int("latent-factors", "dimensions of the style part of tastes and item vectors", o => o.LatentFactors, (o, v) => o with { LatentFactors = v }),
        Real("topic-concentration", "total Dirichlet concentration of interest mixtures", o => o.TopicConcentration, (o, v) => o with { TopicConcentration = v }),
        Real("topic-weight", "affinity of a fully matching topic interest", o => o.TopicWeight, (o, v) => o with { TopicWeight = v }),
        Real("style-scale", "standard deviation of user-creator style match", o => o.StyleScale, (o, v) => o with { StyleScale = v }),
        Real("item-noise", "item deviation from its creator's style, relative", o => o.ItemNoise, (o, v) => o with { ItemNoise = v }),
        Real("creator-quality-spread", "standard deviation of creator quality", o => o.CreatorQualitySpread, (o, v) => o with { CreatorQualitySpread = v }),
        Real("item-quality-spread", "standard deviation of item quality around its creator's", o => o.ItemQualitySpread, (o, v) => o with { ItemQualitySpread = v }),
        Real("demographic-effect", "tilt of topic interests by age and gender", o => o.DemographicEffect, (o, v) => o with { DemographicEffect = v }),
        Real("activity-median", "median sessions per day", o => o.ActivityMedian, (o, v) => o with { ActivityMedian = v }),
        Real("activity-spread", "log-scale spread of sessions per day", o => o.ActivitySpread, (o, v) => o with { ActivitySpread = v }),
        Real("attention-median", "median slate positions scrolled per session", o => o.AttentionMedian, (o, v) => o with { AttentionMedian = v }),
        Real("attention-spread", "log-scale spread of attention budgets", o => o.AttentionSpread, (o, v) => o with { AttentionSpread = v }),
        Real("follows-median", "median creators followed per user", o => o.FollowsMedian, (o, v) => o with { FollowsMedian = v }),
        Real("fame-exponent", "Pareto exponent of creator fame", o => o.FameExponent, (o, v) => o with { FameExponent = v }),
        Real("product-share", "mean share of products among a creator's items", o => o.ProductShare, (o, v) => o with { ProductShare = v }),
        Real("fee-base", "fee per thousand impressions (dollars) at fame 1", o => o.FeeBase, (o, v) => o with { FeeBase = v }),
        Real("region-affinity", "follow boost for creators of one's region", o => o.RegionAffinity, (o, v) => o with { RegionAffinity = v }),
        Real("audience-skew", "skew of creator audiences to their target gender and age (0-1)", o => o.AudienceSkew, (o, v) => o with { AudienceSkew = v }),
        Real("popularity-share", "logging policy weight of popularity", o => o.PopularityShare, (o, v) => o with { PopularityShare = v }),
        Real("follow-share", "logging policy weight of followed creators' recent items", o => o.FollowShare, (o, v) => o with { FollowShare = v }),
        Real("explore-share", "logging policy weight of uniform exploration", o => o.ExploreShare, (o, v) => o with { ExploreShare = v }),
        Real("recency-days", "days over which popularity decays by e", o => o.RecencyDays, (o, v) => o with { RecencyDays = v }),
        Int("shelf-life-days", "days an item stays in the popularity pool", o => o.ShelfLifeDays, (o, v) => o with { ShelfLifeDays = v }),
        Int("follow-recency-days", "days an item counts as recent for followers", o => o.FollowRecencyDays, (o, v) => o with { FollowRecencyDays = v }),
        Real("virality-spread", "log-scale spread of item buzz", o => o.ViralitySpread, (o, v) => o with { ViralitySpread = v }),
        Real("popularity-fame-exponent", "exponent of creator fame in item buzz", o => o.PopularityFameExponent, (o, v) => o with { PopularityFameExponent = v }),
        Real("popularity-quality-weight", "weight of item quality in item buzz", o => o.PopularityQualityWeight, (o, v) => o with { PopularityQualityWeight = v }),
        Real("position-decay", "examination (1+k)^-decay at slot k", o => o.PositionDecay, (o, v) => o with { PositionDecay = v }),
        Real("click-bias", "click logit intercept", o => o.ClickBias, (o, v) => o with { ClickBias = v }),
        Real("click-slope", "click logit per unit of affinity", o => o.ClickSlope, (o, v) => o with { ClickSlope = v }),
        Real("fatigue-per-exposure", "click logit lost per recent exposure to the creator", o => o.FatiguePerExposure, (o, v) => o with { FatiguePerExposure = v }),
        Real("fatigue-decay", "share of exposures still felt the next day (0-1)", o => o.FatigueDecay, (o, v) => o with { FatigueDecay = v }),
        Real("like-bias", "like logit intercept", o => o.LikeBias, (o, v) => o with { LikeBias = v }),
        Real("like-slope", "like logit per unit of affinity", o => o.LikeSlope, (o, v) => o with { LikeSlope = v }),
        Real("sponsored-penalty", "click logit lost by a labelled sponsored item (ad avoidance)", o => o.SponsoredPenalty, (o, v) => o with { SponsoredPenalty = v }),
        Real("purchase-bias", "purchase logit intercept", o => o.PurchaseBias, (o, v) => o with { PurchaseBias = v }),
        Real("purchase-slope", "purchase logit per unit of affinity", o => o.PurchaseSlope, (o, v) => o with { PurchaseSlope = v }),
        Real("price-effect", "purchase logit lost per unit of sensitivity x ln(1 + price/reference)", o => o.PriceEffect, (o, v) => o with { PriceEffect = v }),
        Real("price-reference", "reference price in dollars", o => o.PriceReference, (o, v) => o with { PriceReference = v }),
        Real("price-scale", "multiplier of every topic's median product price", o => o.PriceScale, (o, v) => o with { PriceScale = v }),
        Real("rating-share", "share of clicked items that get rated", o => o.RatingShare, (o, v) => o with { RatingShare = v }),
        Real("rating-mean", "rating score at affinity 0", o => o.RatingMean, (o, v) => o with { RatingMean = v }),
        Real("rating-slope", "rating score per unit of affinity", o => o.RatingSlope, (o, v) => o with { RatingSlope = v }),
        Real("rating-noise", "rating noise standard deviation", o => o.RatingNoise, (o, v) => o with { RatingNoise = v }),
        Real("rating-user-spread", "standard deviation of user rating biases", o => o.RatingUserSpread, (o, v) => o with { RatingUserSpread = v }),
        Real("drift-per-day", "daily interest drift applied by UserState (simulator only)", o => o.DriftPerDay, (o, v) => o with { DriftPerDay = v }),
        Real("impression-log-share", "share of users whose impressions are kept", o => o.ImpressionLogShare, (o, v) => o with { ImpressionLogShare = v }),
        Real("click-weight", "implicit weight of a click", o => o.ClickWeight, (o, v) => o with { ClickWeight = (float)v }),
        Real("like-weight", "implicit weight added by a like", o => o.LikeWeight, (o, v) => o with { LikeWeight = (float)v }),
        Real("purchase-weight", "implicit weight added by a purchase", o => o.PurchaseWeight, (o, v) => o with { PurchaseWeight = (float)v }),
        new("feedback", "view presented as a dataset: implicit or ratings", o => o.Feedback.ToString().ToLowerInvariant(),
            (o, v) => o with { Feedback = ParseFeedback(v) }),
    ];

    private static readonly Dictionary<string, Key> ByName = Table.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = Table.Select(k => k.Name).ToArray();

    /// <summary>The key named <paramref name="name"/> (underscores read as dashes, case-insensitive).</summary>
    public static Key Find(string name, string where)
    {
        if (ByName.TryGetValue(name.Trim().ToLowerInvariant().Replace('_', '-'), out var key))
            return key;
        throw new ArgumentException(
            $"Unknown synthetic world key '{name}'{where}{DidYouMean.Hint(name, Names)}; valid keys: {string.Join(", ", Names)}.");
    }

    private static Key Int(string name, string description, Func<WorldOptions, int> get, Func<WorldOptions, int, WorldOptions> set) =>
        new(name, description, o => get(o).ToString(CultureInfo.InvariantCulture), (o, text) => set(o, ParseInt(name, text)));

    private static Key Real(string name, string description, Func<WorldOptions, double> get, Func<WorldOptions, double, WorldOptions> set) =>
        new(name, description, o => WorldOptions.Format(get(o)), (o, text) => set(o, ParseReal(name, text)));

    private static int ParseInt(string key, string text)
    {
        // Accept 10_000 and 10,000 the way people write large counts.
        var cleaned = text.Replace("_", "").Replace(",", "");
        if (int.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            return v;
        if (double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue)
            return (int)d;
        throw new ArgumentException($"Synthetic world key '{key}': '{text}' is not a whole number.");
    }

    private static double ParseReal(string key, string text)
    {
        if (double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            return v;
        throw new ArgumentException($"Synthetic world key '{key}': '{text}' is not a number.");
    }

    private static ulong ParseSeed(string key, string text) =>
        ulong.TryParse(text.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ArgumentException($"Synthetic world key '{key}': '{text}' is not a non-negative whole number.");

    private static DateOnly ParseDate(string key, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ArgumentException($"Synthetic world key '{key}': '{text}' is not a date like 2025-01-01.");

    private static SyntheticFeedback ParseFeedback(string text) => text.ToLowerInvariant() switch
    {
        "implicit" => SyntheticFeedback.Implicit,
        "ratings" or "explicit" => SyntheticFeedback.Ratings,
        _ => throw new ArgumentException($"Synthetic world key 'feedback': '{text}' is not implicit or ratings."),
    };
}
