using System.Numerics.Tensors;
using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

public sealed partial class World
{
    private const int ExaminationCacheSize = 256;
    private readonly float[] _examination;

    /// <summary>Length of taste and item vectors: topics plus latent factors.</summary>
    public int Dimensions => Users.Dimensions;

    /// <summary>True affinity <c>a(u,i) = x_u·v_i + q_i</c>: taste times item vector plus item quality.</summary>
    public float Affinity(int user, int item) => Affinity(Users.Taste(user), item);

    /// <summary>Affinity for a given taste (a drifted one from <see cref="UserState.Taste"/>, or any probe vector).</summary>
    /// <remarks>
    /// An item's topic part is zero but for its one or two tags, so the dot product runs over the tags and the style
    /// part only: a third of the work of the dense product, and the same value up to float rounding.
    /// </remarks>
    public float Affinity(ReadOnlySpan<float> taste, int item)
    {
        var t = Topics.Count;
        var vector = Items.Vector(item);
        var primary = Items.PrimaryTopic(item);
        var secondary = Items.SecondaryTopic(item);
        var topical = taste[primary] * vector[primary] + (secondary >= 0 ? taste[secondary] * vector[secondary] : 0f);
        return TensorPrimitives.Dot(taste[t..], vector[t..]) + topical + Items.Quality(item);
    }

    /// <summary>
    /// The oracle: true affinity of <paramref name="user"/> for every item (<paramref name="scores"/> has one slot per item).
    /// Ranking by these scores is the ceiling a learned recommender is compared against.
    /// </summary>
    public void AffinityScores(int user, Span<float> scores) => AffinityScores(Users.Taste(user), scores);

    /// <summary>The oracle for a given taste.</summary>
    public void AffinityScores(ReadOnlySpan<float> taste, Span<float> scores)
    {
        if (scores.Length != Items.Count)
            throw new ArgumentException($"Expected one score per item ({Items.Count}), got {scores.Length}.", nameof(scores));
        if (taste.Length != Dimensions)
            throw new ArgumentException($"A taste has {Dimensions} dimensions, got {taste.Length}.", nameof(taste));
        for (var i = 0; i < scores.Length; i++)
            scores[i] = Affinity(taste, i);
    }

    /// <summary>Probability that the user examines slot <paramref name="position"/> (0 = top): <c>(1 + k)^-PositionDecay</c>.</summary>
    public float ExaminationProbability(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return position < _examination.Length ? _examination[position] : (float)Math.Pow(1 + position, -Options.PositionDecay);
    }

    /// <summary>
    /// Click probability of an examined item: <c>σ(ClickBias + ClickSlope·a − FatiguePerExposure·E − SponsoredPenalty·[sponsored])</c>,
    /// E = recent exposures to its creator.
    /// </summary>
    public float ClickProbabilityIfExamined(float affinity, float creatorExposures, bool sponsored = false) =>
        Sigmoid(Options.ClickBias + Options.ClickSlope * affinity - Options.FatiguePerExposure * creatorExposures
            - (sponsored ? Options.SponsoredPenalty : 0));

    /// <summary>Click probability of an impression: examination at the position times the click probability if examined.</summary>
    public float ClickProbability(int user, int item, int position, float creatorExposures = 0) =>
        ExaminationProbability(position) * ClickProbabilityIfExamined(Affinity(user, item), creatorExposures);

    /// <summary>Like probability given a click: <c>σ(LikeBias + LikeSlope·a)</c>.</summary>
    public float LikeProbability(float affinity) => Sigmoid(Options.LikeBias + Options.LikeSlope * affinity);

    /// <summary>Purchase probability given a click (0 for posts).</summary>
    public float PurchaseProbability(int user, int item) => PurchaseProbability(user, item, Affinity(user, item));

    /// <summary>
    /// Purchase probability given a click on a product: <c>σ(PurchaseBias + PurchaseSlope·a − PriceEffect·s_u·ln(1 + price/PriceReference))</c>;
    /// 0 for posts.
    /// </summary>
    public float PurchaseProbability(int user, int item, float affinity)
    {
        if (Items.Kind(item) != ItemKind.Product)
            return 0f;
        var penalty = Options.PriceEffect * Users.PriceSensitivity(user) * Math.Log(1 + Items.Price(item) / Options.PriceReference);
        return Sigmoid(Options.PurchaseBias + Options.PurchaseSlope * affinity - penalty);
    }

    /// <summary>The rating score before noise and rounding: <c>RatingMean + RatingSlope·a + b_u</c>.</summary>
    public float RatingScore(int user, float affinity) =>
        (float)(Options.RatingMean + Options.RatingSlope * affinity + Users.RatingBias(user));

    /// <summary>A rating 1–5: the rating score plus N(0, RatingNoise²), rounded and clipped.</summary>
    public byte SampleRating(int user, float affinity, ref Rng rng)
    {
        var score = RatingScore(user, affinity) + Options.RatingNoise * rng.NextGaussian();
        return (byte)Math.Clamp(Math.Round(score, MidpointRounding.AwayFromZero), 1, 5);
    }

    /// <summary>
    /// Draws a user's response to one impression: examined with <see cref="ExaminationProbability"/>; clicked with
    /// <see cref="ClickProbabilityIfExamined"/>; then liked, bought (products) and rated (with probability
    /// <see cref="WorldOptions.RatingShare"/>). The historical log was drawn with this method; a simulator calls the
    /// <see cref="UserState"/> overload.
    /// </summary>
    /// <param name="user">The user (for price sensitivity and rating bias).</param>
    /// <param name="taste">The user's taste now (<see cref="WorldUsers.Taste"/>, or a drifted one).</param>
    /// <param name="item">The item shown.</param>
    /// <param name="position">Its slate position, 0 = top.</param>
    /// <param name="creatorExposures">Recent exposures of the user to the item's creator (fatigue).</param>
    /// <param name="rng">The caller's random stream.</param>
    /// <param name="rating">The rating given after a click, or 0.</param>
    public Engagement Respond(int user, ReadOnlySpan<float> taste, int item, int position, float creatorExposures, ref Rng rng, out byte rating) =>
        Respond(user, taste, item, position, creatorExposures, ref rng, out rating, out _);

    /// <summary>
    /// Draws the response of a simulated user (its current taste and fatigue) and records the impression in its state.
    /// </summary>
    public Engagement Respond(UserState state, int item, int position, ref Rng rng, out byte rating) =>
        Respond(state, item, position, sponsored: false, ref rng, out rating);

    /// <summary>
    /// Draws the response of a simulated user to an item in a sponsored slot (<paramref name="sponsored"/>: its click logit
    /// loses <see cref="WorldOptions.SponsoredPenalty"/>) or an organic one, and records the impression in its state.
    /// </summary>
    public Engagement Respond(UserState state, int item, int position, bool sponsored, ref Rng rng, out byte rating)
    {
        var creator = Items.Creator(item);
        var outcome = Respond(state.User, state.Taste, item, position, state.ExposuresTo(creator), ref rng, out rating, out _, sponsored);
        state.RecordImpression(creator);
        return outcome;
    }

    internal Engagement Respond(int user, ReadOnlySpan<float> taste, int item, int position, float creatorExposures, ref Rng rng,
        out byte rating, out bool examined, bool sponsored = false)
    {
        rating = 0;
        examined = Examines(position, ref rng);
        return examined ? RespondExamined(user, item, Affinity(taste, item), creatorExposures, ref rng, out rating, sponsored) : Engagement.None;
    }

    /// <summary>The first draw of <see cref="Respond(int, ReadOnlySpan{float}, int, int, float, ref Rng, out byte)"/>: whether the slot is examined.</summary>
    internal bool Examines(int position, ref Rng rng) => rng.NextDouble() < ExaminationProbability(position);

    /// <summary>The rest of a response once the slot is examined, given the user's affinity for the item.</summary>
    internal Engagement RespondExamined(int user, int item, float affinity, float creatorExposures, ref Rng rng, out byte rating,
        bool sponsored = false)
    {
        rating = 0;
        if (rng.NextDouble() >= ClickProbabilityIfExamined(affinity, creatorExposures, sponsored))
            return Engagement.None;
        var outcome = Engagement.Click;
        if (rng.NextDouble() < LikeProbability(affinity))
            outcome |= Engagement.Like;
        if (Items.Kind(item) == ItemKind.Product && rng.NextDouble() < PurchaseProbability(user, item, affinity))
            outcome |= Engagement.Purchase;
        if (rng.NextDouble() < Options.RatingShare)
            rating = SampleRating(user, affinity, ref rng);
        return outcome;
    }

    /// <summary>
    /// An exposure-free test set for learnability checks: each user is shown <paramref name="itemsPerUser"/> items drawn
    /// uniformly from the catalogue (every item when it is at least the catalogue size), each at the top slot with no
    /// fatigue, and clicks are drawn from the ground truth. Returns the clicks (value 1) over the world's id maps;
    /// with <paramref name="excludeLogged"/> (the default) items the user clicked in the historical log are never shown,
    /// so the result is a test set disjoint from <see cref="Implicit()"/> as a training set.
    /// </summary>
    /// <remarks>
    /// Logged clicks follow exposure as much as taste, so on a held-out part of the log a model that learns the logging
    /// policy's exposure beats the affinity oracle. Relevance drawn here is free of that bias: ranked against it, the oracle
    /// is the ceiling, popularity the floor, and a learned model should land in between. On <c>small</c> with every
    /// item shown, users click about 3.4% of the catalogue.
    /// </remarks>
    public InteractionData CounterfactualClicks(int itemsPerUser, ulong seed, bool excludeLogged = true, int? maxThreads = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemsPerUser, 1);
        var logged = excludeLogged ? Implicit().ByUser : null;
        var n = Users.Count;
        var m = Items.Count;
        var shown = Math.Min(itemsPerUser, m);
        const int block = 64;
        var blocks = (n + block - 1) / block;
        var parts = new List<int>[blocks];
        var offsets = new int[n + 1];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? -1 }, () => new bool[m], (b, _, marks) =>
        {
            var rng = Seeds.Stream(seed, (ulong)b);
            var clicked = parts[b] = [];
            var end = Math.Min(n, (b + 1) * block);
            var candidates = new List<int>(shown);
            for (var u = b * block; u < end; u++)
            {
                candidates.Clear();
                if (shown == m)
                {
                    for (var i = 0; i < m; i++)
                        candidates.Add(i);
                }
                else
                {
                    while (candidates.Count < shown)
                    {
                        var i = rng.NextInt(m);
                        if (marks[i])
                            continue;
                        marks[i] = true;
                        candidates.Add(i);
                    }
                    foreach (var i in candidates)
                        marks[i] = false;
                    candidates.Sort();
                }
                var taste = Users.Taste(u);
                var seen = logged is null ? [] : logged.RowIndices(u);
                var before = clicked.Count;
                foreach (var i in candidates)
                    if (rng.NextDouble() < ClickProbabilityIfExamined(Affinity(taste, i), 0) && seen.BinarySearch(i) < 0)
                        clicked.Add(i);
                offsets[u + 1] = clicked.Count - before;
            }
            return marks;
        }, _ => { });
        for (var u = 0; u < n; u++)
            offsets[u + 1] += offsets[u];
        var items = new int[offsets[n]];
        var at = 0;
        foreach (var part in parts)
        {
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(part).CopyTo(items.AsSpan(at));
            at += part.Count;
        }
        var values = new float[items.Length];
        values.AsSpan().Fill(1f);
        return new InteractionData(UserIds, ItemIds, offsets, items, values, null, FeedbackKind.Implicit, null);
    }

    private static float Sigmoid(double x) => (float)(1 / (1 + Math.Exp(-x)));
}
