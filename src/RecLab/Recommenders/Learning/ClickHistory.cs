using RecLab.Data;

namespace RecLab.Recommenders.Learning;

/// <summary>
/// Counting features of a (user, item) pair at a moment, as CTR systems keep them: from the training interactions the
/// user's, the item's and the creator's click counts, the user's clicks on that creator and the user's taste for the
/// item's cross features (topic, genre: the share of the user's clicks that carried them); from the training impression
/// log the impressions and smoothed click-through rates of the item, the user, the user on that creator and the user on
/// the item's topics; the item's age; the follow edge and the creator's audience where the world has them; and, as
/// context, the user's recent exposure to the creator (impressions, halved with every day since: the platform knows
/// what it showed, no label involved); and the user's collaborative taste for the item's creator (<see cref="CreatorTaste"/>,
/// solved from the user's impressions before the moment).
/// </summary>
/// <remarks>
/// Label-bearing counts only ever include events strictly before the moment asked about, and training rows are swept
/// in time order (as CatBoost's ordered statistics are), so no row's features count its own click. Not thread-safe
/// while sweeping; once advanced to the end it is read-only and thread-safe. Without timestamps (on the interactions, or
/// on an impression log there is) there is no "before": every row's counts would include its own label, which boosted
/// trees learn to read and held-out rows do not have. Then the label-bearing counts are left out (written as 0, the
/// rates as the overall rate) and only the follow edge and the audience remain.
/// </remarks>
internal sealed class ClickHistory
{
    /// <summary>Features written per pair.</summary>
    public const int Count = 17;

    /// <summary>Names of the features, in order.</summary>
    public static readonly string[] Names =
    [
        "user-clicks", "item-clicks", "creator-clicks", "user-creator-clicks", "user-topic-share", "item-age-days", "follows", "creator-followers",
        "item-impressions", "item-ctr", "user-impressions", "user-ctr", "user-creator-impressions", "user-creator-ctr", "user-topic-ctr", "creator-exposure",
        "user-creator-taste",
    ];

    private const double Day = 86_400;

    /// <summary>Weight, in impressions, of the overall click rate every rate starts from.</summary>
    private const float PriorImpressions = 20;

    private readonly InteractionData _data;
    private readonly ImpressionLog? _log;
    private readonly bool _exposeLog;
    private readonly CsrMatrix _cross;
    private readonly CreatorLinks _creators;
    private readonly int[] _order;
    private readonly int[] _logOrder;
    private readonly int[] _userOf;
    private readonly int[] _userClicks;
    private readonly int[] _itemClicks;
    private readonly int[] _creatorClicks;
    private readonly Dictionary<long, int> _userCreator = [];
    private readonly float[] _userCross;
    private readonly int[] _crossColumn;
    private readonly int _crossWidth;
    private readonly long[] _firstSeen;
    private readonly int[] _itemShown, _itemTaken, _userShown, _userTaken;
    private readonly Dictionary<long, (int Shown, int Taken)> _userCreatorShown = [];
    private readonly float[] _userCrossShown, _userCrossTaken;
    private readonly Dictionary<long, (double Value, long Time)> _exposure = [];
    private readonly float _prior;
    private readonly bool _timed;
    private readonly CreatorTaste? _taste;
    private int _next, _nextShown;

    /// <param name="data">The training interactions (their timestamps order the sweep; without any, every row sees them all).</param>
    /// <param name="log">The training impressions, when there are any.</param>
    /// <param name="exposeLog">Count the log's impressions as exposures when advancing (false when the caller exposes them row by row).</param>
    /// <param name="cross">Items x cross features (rows L2-normalized), e.g. topics.</param>
    /// <param name="creators">The items' creators and the follow graph.</param>
    /// <param name="taste">The collaborative creator scores to feed the log's impressions to as the sweep counts them (none without creators or a timed log).</param>
    public ClickHistory(InteractionData data, ImpressionLog? log, bool exposeLog, CsrMatrix cross, CreatorLinks creators, CreatorTaste? taste)
    {
        _taste = taste;
        _data = data;
        _log = log is { Count: > 0 } ? log : null;
        _exposeLog = exposeLog;
        _cross = cross;
        _creators = creators;
        _userOf = data.UserColumn();
        _order = new int[data.Count];
        for (var r = 0; r < _order.Length; r++)
            _order[r] = r;
        if (data.HasTimestamps)
            Array.Sort(data.TimestampColumn(), _order);
        _logOrder = _log?.TimeOrder() ?? [];
        var (users, items) = (data.UserCount, data.ItemCount);
        _userClicks = new int[users];
        _itemClicks = new int[items];
        _creatorClicks = new int[Math.Max(1, creators.Count)];
        // Cross features are columns of the whole vocabulary; only the ones some item has get a slot.
        _crossColumn = new int[cross.ColumnCount];
        Array.Fill(_crossColumn, -1);
        foreach (var f in cross.Indices)
            if (_crossColumn[f] < 0)
                _crossColumn[f] = _crossWidth++;
        var width = (long)users * _crossWidth <= 50_000_000 ? users * _crossWidth : 0;
        _userCross = new float[width];
        _userCrossShown = new float[_log is null ? 0 : width];
        _userCrossTaken = new float[_log is null ? 0 : width];
        _firstSeen = new long[items];
        Array.Fill(_firstSeen, long.MaxValue);
        (_itemShown, _itemTaken, _userShown, _userTaken) = (new int[items], new int[items], new int[users], new int[users]);
        _prior = _log is null || _log.Count == 0 ? 0.01f : Math.Max(1, _log.ClickCount) / (float)_log.Count;
        Latest = data.HasTimestamps && data.Count > 0 ? data.TimestampColumn().Max() : 0;
        _timed = data.HasTimestamps && (_log is null || _log.HasTimestamps);
    }

    /// <summary>The latest training time: "now" for scoring.</summary>
    public long Latest { get; }

    /// <summary>Counts every interaction and logged impression strictly before <paramref name="time"/> (times must not decrease between calls).</summary>
    public void AdvanceTo(long time)
    {
        while (_next < _order.Length && (!_data.HasTimestamps || _data.TimestampAt(_order[_next]) < time))
            Add(_order[_next++]);
        while (_nextShown < _logOrder.Length && (!_log!.HasTimestamps || _log.Timestamps[_logOrder[_nextShown]] < time))
            Show(_logOrder[_nextShown++]);
    }

    /// <summary>Counts everything.</summary>
    public void AdvanceToEnd()
    {
        AdvanceTo(long.MaxValue);
        _taste?.SolveAll();
    }

    private void Add(int row)
    {
        var u = _userOf[row];
        var i = _data.ItemColumn[row];
        _userClicks[u]++;
        _itemClicks[i]++;
        if (_data.HasTimestamps)
            _firstSeen[i] = Math.Min(_firstSeen[i], _data.TimestampAt(row));
        var c = _creators.CreatorOf(i);
        if (c >= 0)
        {
            _creatorClicks[c]++;
            var key = (long)u * _creators.Count + c;
            _userCreator[key] = _userCreator.GetValueOrDefault(key) + 1;
        }
        AddCross(_userCross, u, i, 1);
    }

    private void Show(int row)
    {
        var log = _log!;
        var (u, i, clicked) = (log.UserColumn[row], log.ItemColumn[row], log.Clicked[row]);
        var taken = clicked ? 1 : 0;
        _itemShown[i]++;
        _itemTaken[i] += taken;
        _userShown[u]++;
        _userTaken[u] += taken;
        var c = _creators.CreatorOf(i);
        if (c >= 0)
        {
            var key = (long)u * _creators.Count + c;
            var (shown, took) = _userCreatorShown.GetValueOrDefault(key);
            _userCreatorShown[key] = (shown + 1, took + taken);
            _taste?.Show(u, c, log.Positions[row], clicked);
        }
        AddCross(_userCrossShown, u, i, 1);
        if (clicked)
            AddCross(_userCrossTaken, u, i, 1);
        if (_exposeLog)
            Expose(u, i, log.HasTimestamps ? log.Timestamps[row] : 0);
    }

    private void AddCross(float[] counts, int u, int i, float weight)
    {
        if (counts.Length == 0)
            return;
        var f = _cross.RowIndices(i);
        var v = _cross.RowValues(i);
        for (var k = 0; k < f.Length; k++)
            counts[u * _crossWidth + _crossColumn[f[k]]] += weight * v[k];
    }

    /// <summary>Records that <paramref name="item"/> was shown to <paramref name="user"/> at <paramref name="time"/> (no label).</summary>
    public void Expose(int user, int item, long time)
    {
        var c = _creators.CreatorOf(item);
        if (c < 0)
            return;
        var key = (long)user * _creators.Count + c;
        _exposure[key] = (Decayed(key, time) + 1, time);
    }

    private double Decayed(long key, long time) =>
        _exposure.TryGetValue(key, out var e) ? e.Value * Math.Pow(0.5, Math.Max(0, time - e.Time) / Day) : 0;

    private float Rate(float taken, float shown) => (taken + PriorImpressions * _prior) / (shown + PriorImpressions);

    /// <summary>
    /// Writes the <see cref="Count"/> features of (user, item) at <paramref name="time"/> (counts as of the last advance);
    /// without <paramref name="context"/> (scoring a fresh session) the exposure is 0.
    /// </summary>
    public void Write(int user, int item, long time, bool context, Span<float> features)
    {
        var known = _timed && (uint)user < (uint)_userClicks.Length;
        var userClicks = known ? _userClicks[user] : 0;
        features[0] = MathF.Log(1 + userClicks);
        features[1] = _timed ? MathF.Log(1 + _itemClicks[item]) : 0;
        var c = _creators.CreatorOf(item);
        var key = (long)user * _creators.Count + c;
        features[2] = c >= 0 && _timed ? MathF.Log(1 + _creatorClicks[c]) : 0;
        features[3] = c >= 0 && known ? MathF.Log(1 + _userCreator.GetValueOrDefault(key)) : 0;
        features[4] = known && userClicks > 0 ? Cross(_userCross, user, item) / userClicks : 0;
        var born = _creators.Published(item) ?? (_firstSeen[item] == long.MaxValue ? (long?)null : _firstSeen[item]);
        features[5] = born is { } b && _data.HasTimestamps ? (float)((time - b) / Day) : -1;
        features[6] = _creators.Follows(user, item) ? 1 : 0;
        features[7] = MathF.Log(1 + _creators.Followers(item));
        var (itemShown, itemTaken) = _timed ? (_itemShown[item], _itemTaken[item]) : (0, 0);
        features[8] = MathF.Log(1 + itemShown);
        features[9] = Rate(itemTaken, itemShown);
        var (userShown, userTaken) = known ? (_userShown[user], _userTaken[user]) : (0, 0);
        features[10] = MathF.Log(1 + userShown);
        features[11] = Rate(userTaken, userShown);
        var (pairShown, pairTaken) = c >= 0 && known ? _userCreatorShown.GetValueOrDefault(key) : (0, 0);
        features[12] = MathF.Log(1 + pairShown);
        features[13] = Rate(pairTaken, pairShown);
        features[14] = known && _userCrossShown.Length > 0 ? Rate(Cross(_userCrossTaken, user, item), Cross(_userCrossShown, user, item)) : Rate(0, 0);
        features[15] = context && c >= 0 && known ? (float)Decayed(key, time) : 0;
        features[16] = c >= 0 && known && _taste is not null ? _taste.Score(user, c) : 0;
    }

    /// <summary>The item's cross features weighted by the user's counts of them.</summary>
    private float Cross(float[] counts, int user, int item)
    {
        if (counts.Length == 0)
            return 0;
        var f = _cross.RowIndices(item);
        var v = _cross.RowValues(item);
        var sum = 0f;
        for (var k = 0; k < f.Length; k++)
            sum += v[k] * counts[user * _crossWidth + _crossColumn[f[k]]];
        return sum;
    }
}
