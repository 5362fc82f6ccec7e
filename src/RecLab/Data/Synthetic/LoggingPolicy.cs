using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>
/// The production policy that chose what the historical log shows: for user u on day d, each slate slot is drawn
/// (without repeating an item in the slate) from the mixture
/// <c>π(i) = w_pop·pop_d(i) + w_follow·follow_{u,d}(i) + w_explore/N_d</c>, where pop_d is proportional to buzz times
/// <c>exp(−age/RecencyDays)</c> over items at most <see cref="WorldOptions.ShelfLifeDays"/> old, follow_{u,d} is uniform over
/// the followed creators with recent items and then over their recent items, and exploration is uniform over the
/// N_d items published before day d. When u follows no creator with recent items, the follow weight goes to popularity;
/// when the popularity pool is empty, its weight goes to exploration. Exposure therefore follows reach, not the user's
/// taste: the exposure bias of production logs.
/// </summary>
/// <remarks>The logged propensity of slot k is <c>π(i) / (1 − Σ π(j) over the items above)</c>, the exact probability of
/// sequential sampling without replacement; <see cref="Probability(int, int, int)"/> is π itself, for off-policy estimators.</remarks>
public sealed class LoggingPolicy
{
    private const int SecondsPerDay = 86_400;
    private const int MaxDrawsPerSlot = 1_000;

    private readonly WorldItems _items;
    private readonly WorldCreators _creators;
    private readonly FollowGraph _follows;
    private readonly double _popularity, _follow, _explore;
    private readonly int[] _published;
    private readonly int[] _poolStart;
    private readonly AliasTable?[] _pools;
    // Creator-major (creator × day): a user's sessions walk the days for the same few followed creators, so each
    // creator's row stays in cache across the days; day-major rows cost a cache miss per followed creator per session.
    private readonly int[] _recentStart;
    private readonly int[] _recentCount;
    private readonly int _creatorCount;
    private readonly int _recentDays;

    internal LoggingPolicy(WorldOptions options, WorldItems items, WorldCreators creators, FollowGraph follows, int? maxThreads)
    {
        _items = items;
        _creators = creators;
        _follows = follows;
        Days = options.Days;
        var total = options.PopularityShare + options.FollowShare + options.ExploreShare;
        _popularity = options.PopularityShare / total;
        _follow = options.FollowShare / total;
        _explore = options.ExploreShare / total;
        _creatorCount = creators.Count;
        _recentDays = options.FollowRecencyDays;
        _published = new int[Days];
        _poolStart = new int[Days];
        _pools = new AliasTable?[Days];
        _recentStart = new int[Days * _creatorCount];
        _recentCount = new int[Days * _creatorCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? -1 };
        Parallel.For(0, Days, parallel, d =>
        {
            var hi = items.PublishedBefore(d);
            var lo = items.PublishedBefore(d - options.ShelfLifeDays);
            _published[d] = hi;
            _poolStart[d] = lo;
            if (hi > lo)
            {
                var weights = new double[hi - lo];
                for (var i = lo; i < hi; i++)
                {
                    var age = (d * (double)SecondsPerDay - items.PublishSecond(i)) / SecondsPerDay;
                    weights[i - lo] = items.Buzz(i) * Math.Exp(-age / options.RecencyDays);
                }
                _pools[d] = new AliasTable(weights);
            }
            var from = (long)(d - options.FollowRecencyDays) * SecondsPerDay;
            var to = (long)d * SecondsPerDay;
            for (var c = 0; c < _creatorCount; c++)
            {
                var list = creators.ItemsOf(c);
                var a = LowerBound(list, from);
                var b = LowerBound(list, to);
                _recentStart[c * Days + d] = creators.ItemStart(c) + a;
                _recentCount[c * Days + d] = b - a;
            }
        });
    }

    /// <summary>Days the policy is defined for: the logged days 0 to Days - 1.</summary>
    public int Days { get; }

    /// <summary>Items that can be shown on day <paramref name="day"/> (those published before it): items 0 to N_d - 1.</summary>
    public int Available(int day) => _published[CheckDay(day)];

    /// <summary>The mixture weights (popularity, follows, exploration) for a user and day, after moving the weight of empty components.</summary>
    public (double Popularity, double Follows, double Explore) Weights(int user, int day)
    {
        var context = Begin(user, day, stackalloc int[0], countOnly: true);
        return (context.Popularity, context.Follows, context.Explore);
    }

    /// <summary>π_{u,d}(i): the probability that one draw of the policy picks <paramref name="item"/> (sums to 1 over items).</summary>
    public double Probability(int user, int day, int item)
    {
        var context = Begin(user, day, stackalloc int[0], countOnly: true);
        return Probability(in context, item);
    }

    /// <summary>
    /// Fills a slate of up to <c>items.Length</c> distinct items for a user on a day, with each slot's logged propensity.
    /// Returns the number of slots filled (fewer only when nearly every item the policy can show is already in the slate).
    /// </summary>
    public int SampleSlate(int user, int day, ref Rng rng, Span<int> items, Span<float> propensities)
    {
        if (propensities.Length < items.Length)
            throw new ArgumentException("There must be a propensity slot per item slot.", nameof(propensities));
        var follows = _follows.CreatorsFollowedBy(user).Length;
        var scratch = follows <= 256 ? stackalloc int[follows] : new int[follows];
        var candidates = items.Length <= 256 ? stackalloc int[items.Length] : new int[items.Length];
        var uniforms = items.Length <= 256 ? stackalloc double[items.Length] : new double[items.Length];
        return SampleSlate(Begin(user, day, scratch), ref rng, items, propensities, candidates, uniforms);
    }

    /// <summary>
    /// The policy for one user and day, read once for all the day's slates (<paramref name="scratch"/>: one slot per creator
    /// the user follows, kept for as long as the context is used).
    /// </summary>
    internal Context Begin(int user, int day, Span<int> scratch) => Begin(user, day, scratch, countOnly: false);

    /// <summary>
    /// <see cref="SampleSlate(int, int, ref Rng, Span{int}, Span{float})"/> for a context from <see cref="Begin(int, int, Span{int})"/>,
    /// with caller-owned scratch (one slot per slate slot in <paramref name="candidates"/> and <paramref name="uniforms"/>).
    /// With an empty <paramref name="propensities"/> the slate is drawn identically but no propensity is computed;
    /// <see cref="ExtendPropensities"/> gives them afterwards.
    /// </summary>
    /// <remarks>
    /// Equivalent to drawing slot after slot, redrawing an item already in the slate (at most
    /// <see cref="MaxDrawsPerSlot"/> times a slot): the random numbers a draw takes never depend on the items
    /// drawn before it, so the draws for all open slots are taken first, their popularity cells resolved next (the cache
    /// misses of the day's alias table overlapping), and only then accepted in order; draws left over when the slate
    /// fills cannot happen, since a batch holds exactly the open slots.
    /// </remarks>
    internal int SampleSlate(in Context context, ref Rng rng, Span<int> items, Span<float> propensities, Span<int> candidates,
        Span<double> uniforms)
    {
        var withPropensities = !propensities.IsEmpty;
        if (withPropensities && propensities.Length < items.Length)
            throw new ArgumentException("There must be a propensity slot per item slot.", nameof(propensities));
        var pool = _pools[context.Day];
        var poolStart = _poolStart[context.Day];
        var count = 0;
        var rejected = 0;
        var gaveUp = false;
        while (count < items.Length && !gaveUp)
        {
            var batch = items.Length - count;
            var before = rng;
            for (var a = 0; a < batch; a++)
                candidates[a] = DrawCandidate(in context, ref rng, out uniforms[a]);
            for (var a = 0; a < batch; a++)
            {
                if (uniforms[a] < 0)
                    continue;
                var item = pool!.Resolve(candidates[a], uniforms[a]);
                candidates[a] = poolStart + item;
                if (withPropensities)
                    pool.PrefetchProbability(item);
            }
            for (var a = 0; a < batch; a++)
            {
                var item = candidates[a];
                if (items[..count].Contains(item))
                {
                    if (++rejected < MaxDrawsPerSlot)
                        continue;
                    // The slot gives up: the stream stands after this draw, not after the rest of the batch.
                    rng = before;
                    for (var b = 0; b <= a; b++)
                        DrawCandidate(in context, ref rng, out _);
                    gaveUp = true;
                    break;
                }
                rejected = 0;
                items[count++] = item;
            }
        }
        if (withPropensities && count > 0)
        {
            var done = 0;
            var taken = 0.0;
            ExtendPropensities(in context, items[..count], propensities, ref done, ref taken, count - 1);
        }
        return count;
    }

    /// <summary>
    /// The slate drawn slot after slot, each slot's draws resolved at once: the plain algorithm
    /// <see cref="SampleSlate(in Context, ref Rng, Span{int}, Span{float}, Span{int}, Span{double})"/> must equal, draw
    /// for draw (the tests' twin).
    /// </summary>
    internal int SampleSlateOneByOne(int user, int day, ref Rng rng, Span<int> items, Span<float> propensities)
    {
        var context = Begin(user, day, new int[_follows.CreatorsFollowedBy(user).Length], countOnly: false);
        var taken = 0.0;
        var count = 0;
        for (var k = 0; k < items.Length; k++)
        {
            var item = -1;
            for (var attempt = 0; attempt < MaxDrawsPerSlot; attempt++)
            {
                var candidate = DrawCandidate(in context, ref rng, out var uniform);
                if (uniform >= 0)
                    candidate = _poolStart[day] + _pools[day]!.Resolve(candidate, uniform);
                if (!items[..count].Contains(candidate))
                {
                    item = candidate;
                    break;
                }
            }
            if (item < 0)
                break;
            items[count] = item;
            var pi = Probability(in context, item);
            propensities[count] = (float)(pi / (1 - taken));
            taken += pi;
            count++;
        }
        return count;
    }

    /// <summary>The logged propensity of slot <paramref name="k"/> of a slate the policy drew for this user and day.</summary>
    public float SlotPropensity(int user, int day, ReadOnlySpan<int> slate, int k)
    {
        var context = Begin(user, day, stackalloc int[0], countOnly: true);
        var propensities = k < 256 ? stackalloc float[k + 1] : new float[k + 1];
        var done = 0;
        var taken = 0.0;
        ExtendPropensities(in context, slate, propensities, ref done, ref taken, k);
        return propensities[k];
    }

    /// <summary>
    /// Fills the logged propensities of slots <paramref name="done"/> to <paramref name="through"/> of a slate drawn in
    /// <paramref name="context"/>, given the first <paramref name="done"/> and the probability <paramref name="taken"/> they
    /// hold (0 and 0 to start), and advances both: a log that keeps few slots' propensities computes them once per slate.
    /// </summary>
    internal void ExtendPropensities(in Context context, ReadOnlySpan<int> slate, Span<float> propensities, ref int done, ref double taken,
        int through)
    {
        for (; done <= through; done++)
        {
            var pi = Probability(in context, slate[done]);
            propensities[done] = (float)(pi / (1 - taken));
            taken += pi;
        }
    }

    /// <summary>The policy for one user and day (<see cref="Begin(int, int, Span{int})"/>).</summary>
    internal readonly ref struct Context
    {
        public required int User { get; init; }
        public required int Day { get; init; }
        public required ReadOnlySpan<int> Followed { get; init; }
        public required Span<int> Active { get; init; }
        public required int ActiveCount { get; init; }
        public required double Popularity { get; init; }
        public required double Follows { get; init; }
        public required double Explore { get; init; }
    }

    private Context Begin(int user, int day, Span<int> scratch, bool countOnly)
    {
        CheckDay(day);
        var followed = _follows.CreatorsFollowedBy(user);
        var active = 0;
        foreach (var c in followed)
        {
            if (_recentCount[c * Days + day] == 0)
                continue;
            if (!countOnly)
                scratch[active] = c;
            active++;
        }
        double popularity = _popularity, follows = _follow, explore = _explore;
        if (active == 0)
        {
            popularity += follows;
            follows = 0;
        }
        if (_pools[day] is null)
        {
            explore += popularity;
            popularity = 0;
        }
        return new Context
        {
            User = user, Day = day, Followed = followed, Active = scratch, ActiveCount = active,
            Popularity = popularity, Follows = follows, Explore = explore,
        };
    }

    /// <summary>
    /// One draw of the mixture: the item for a follow or exploration draw (<paramref name="uniform"/> = -1), or for a
    /// popularity draw the alias cell (its load started) and the uniform that resolves it.
    /// </summary>
    private int DrawCandidate(in Context context, ref Rng rng, out double uniform)
    {
        uniform = -1;
        var r = rng.NextDouble();
        if (r < context.Popularity)
            return _pools[context.Day]!.DrawCell(ref rng, out uniform);
        if (r < context.Popularity + context.Follows)
        {
            var creator = context.Active[rng.NextInt(context.ActiveCount)];
            var slot = creator * Days + context.Day;
            return _creators.AllItemsByCreator[_recentStart[slot] + rng.NextInt(_recentCount[slot])];
        }
        return rng.NextInt(_published[context.Day]);
    }

    private double Probability(in Context context, int item)
    {
        var day = context.Day;
        var published = _published[day];
        if ((uint)item >= (uint)published)
            return 0;
        var p = context.Explore / published;
        var start = _poolStart[day];
        if (context.Popularity > 0 && item >= start)
            p += context.Popularity * _pools[day]!.ProbabilityOf(item - start);
        if (context.Follows > 0)
        {
            var creator = _items.Creator(item);
            var recentFrom = (long)(day - _recentDays) * SecondsPerDay;
            if (_items.PublishSecond(item) >= recentFrom && context.Followed.BinarySearch(creator) >= 0)
                p += context.Follows / ((double)context.ActiveCount * _recentCount[creator * Days + day]);
        }
        return p;
    }

    private int LowerBound(ReadOnlySpan<int> creatorItems, long second)
    {
        int lo = 0, hi = creatorItems.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items.PublishSecond(creatorItems[mid]) < second)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private int CheckDay(int day) =>
        (uint)day < (uint)Days ? day : throw new ArgumentOutOfRangeException(nameof(day), $"The logging policy covers days 0 to {Days - 1}.");
}
