using RecLab.Data;

namespace RecLab.Recommenders.Baselines;

/// <summary>
/// Most popular items within the user's segment (a category of a user feature such as age band), for cold users
/// whose demographics are known. Users outside every segment (feature unknown, no user features in the data, an
/// anonymous query) and segments without training data get the global popularity. By count, ties within a segment
/// go to the globally more popular item.
/// </summary>
public sealed class SegmentPopularity(SegmentPopularityOptions options) : Recommender<SegmentPopularityOptions>(options)
{
    private float[] _global = [];
    private float[][] _segments = [];
    private int[] _segmentOf = [];

    /// <summary>Creates it with default options.</summary>
    public SegmentPopularity() : this(new SegmentPopularityOptions()) { }

    /// <inheritdoc/>
    public override string Name => "segment-popularity";

    /// <summary>Number of segments with training data found at fit time (0 when the field is absent).</summary>
    public int SegmentCount { get; private set; }

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var data = train.Interactions;
        var mu = ValueMean.Of(data.ValueColumn);
        var global = ItemPopularity.Compute(data, ItemPopularity.AllUsers(data), Options.Measure, Options.Damping, mu);
        var segmentOf = new int[data.UserCount];
        Array.Fill(segmentOf, -1);
        var segments = Array.Empty<float[]>();
        var field = train.UserFeatures?.FieldIndex(Options.Field) ?? -1;
        if (field >= 0)
        {
            var features = train.UserFeatures!;
            var codes = features.Column(field);
            var members = new List<int>[features.Categories(field).Count];
            for (var u = 0; u < data.UserCount; u++)
                if (codes[u] >= 0 && data.ByUser.RowLength(u) > 0)
                    (members[codes[u]] ??= []).Add(u);
            segments = new float[members.Length][];
            for (var c = 0; c < members.Length; c++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (members[c] is not { } users)
                    continue;
                segments[c] = WithGlobalTieBreak(
                    ItemPopularity.Compute(data, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(users), Options.Measure, Options.Damping, mu),
                    global);
            }
            // Every user with a known category is served by its segment, including users without training rows.
            for (var u = 0; u < data.UserCount; u++)
                segmentOf[u] = codes[u] >= 0 && segments[codes[u]] is not null ? codes[u] : -1;
        }
        _global = global;
        _segments = segments;
        _segmentOf = segmentOf;
        SegmentCount = segments.Count(s => s is not null);
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        var segment = (uint)query.User < (uint)_segmentOf.Length ? _segmentOf[query.User] : -1;
        (segment >= 0 ? _segments[segment] : _global).CopyTo(scores);
    }

    /// <summary>Count measure: adds the global count scaled into [0, 0.5], so it only breaks ties between equal counts.</summary>
    private float[] WithGlobalTieBreak(float[] segment, float[] global)
    {
        if (Options.Measure != PopularityMeasure.Count)
            return segment;
        var max = 0f;
        foreach (var g in global)
            max = Math.Max(max, g);
        if (max == 0)
            return segment;
        for (var i = 0; i < segment.Length; i++)
            segment[i] += 0.5f * global[i] / max;
        return segment;
    }
}
