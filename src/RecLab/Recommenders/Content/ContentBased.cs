using System.Buffers;
using System.Runtime.CompilerServices;
using RecLab.Data;

namespace RecLab.Recommenders.Content;

/// <summary>
/// Content-based filtering: item profiles x_i are TF-IDF weighted item features (genres, tags, title tokens, topics),
/// L2-normalized and sparse; a user's profile is the weighted mean of the profiles of the history items,
/// <c>p_u = Σ_h w_h x_h / Σ_h |w_h|</c>, with <c>w_h = r_h − r̄_u</c> on explicit data (centred on the user's mean
/// rating) and the interaction value on implicit data; item i scores <c>cos(p_u, x_i) = p_u·x_i / |p_u|</c>.
/// </summary>
/// <remarks>
/// The profile comes from the query's history alone, so an onboarding user is served without a refit, and an item
/// nobody rated scores from its features like any other. When centring leaves no weight (one rating, or all equal),
/// the raw ratings weight the profile; an empty history gets the popularity-weighted mean of the training items'
/// profiles (what users like on average). Items without features score 0. Scoring costs one pass over the non-zeros
/// of the item-feature matrix.
/// </remarks>
public sealed class ContentBased(ContentBasedOptions options) : Recommender<ContentBasedOptions>(options)
{
    private CsrMatrix _profiles = null!;
    private float[] _global = [];
    private bool _center;

    /// <summary>Creates it with default options.</summary>
    public ContentBased() : this(new ContentBasedOptions()) { }

    /// <inheritdoc/>
    public override string Name => "content-based";

    /// <summary>Item profiles (items x features, rows of unit length or zero) as fitted.</summary>
    public CsrMatrix ItemProfiles => _profiles ?? throw new InvalidOperationException($"{Name} is not fitted; call Fit first.");

    /// <inheritdoc/>
    protected override void FitCore(TrainingSet train, FitContext context)
    {
        var features = FeatureFields.Require(train, Name);
        var profiles = FeatureFields.Profiles(features, Options.Fields, Options.Weighting, Name);
        var data = train.Interactions;
        var global = new float[profiles.ColumnCount];
        for (var i = 0; i < data.ItemCount; i++)
            AddRow(profiles, i, data.ByItem.RowLength(i), global);
        _profiles = profiles;
        _global = global;
        _center = Options.CenterRatings && data.Kind == FeedbackKind.Explicit;
    }

    /// <inheritdoc/>
    protected override void ScoreCore(in UserQuery query, Span<float> scores)
    {
        var rented = ArrayPool<float>.Shared.Rent(_profiles.ColumnCount);
        try
        {
            var profile = rented.AsSpan(0, _profiles.ColumnCount);
            if (!UserProfile(query, profile))
                _global.CopyTo(profile);
            ScoreProfile(profile, scores);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes the user profile of a query into <paramref name="profile"/> (one slot per feature); false when the history
    /// gives no profile (empty, or only items without features).
    /// </summary>
    public bool UserProfile(in UserQuery query, Span<float> profile)
    {
        var profiles = ItemProfiles;
        if (profile.Length != profiles.ColumnCount)
            throw new ArgumentException($"A profile has {profiles.ColumnCount} slots, got {profile.Length}.", nameof(profile));
        profile.Clear();
        var history = query.History.Span;
        var values = query.Values.Span;
        var mean = 0.0;
        var known = 0;
        for (var h = 0; h < history.Length; h++)
        {
            if ((uint)history[h] >= (uint)profiles.RowCount)
                continue;
            mean += Value(values, h);
            known++;
        }
        if (known == 0)
            return false;
        mean /= known;
        var centred = _center && Accumulate(profiles, history, values, (float)mean, profile);
        if (!centred && !Accumulate(profiles, history, values, 0f, profile))
            return false;
        return true;
    }

    /// <summary>Cosine of <paramref name="profile"/> with every item profile (0 for a zero profile or an item without features).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ScoreProfile(ReadOnlySpan<float> profile, Span<float> scores)
    {
        var profiles = ItemProfiles;
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(profile));
        var scale = norm > 0 ? 1f / norm : 0f;
        for (var i = 0; i < scores.Length; i++)
        {
            var idx = profiles.RowIndices(i);
            var val = profiles.RowValues(i);
            var dot = 0f;
            for (var k = 0; k < idx.Length; k++)
                dot += val[k] * profile[idx[k]];
            scores[i] = dot * scale;
        }
    }

    /// <summary>Adds <c>(v_h − shift) x_h / Σ|v_h − shift|</c> over the history; false when every weight is zero.</summary>
    private static bool Accumulate(CsrMatrix profiles, ReadOnlySpan<int> history, ReadOnlySpan<float> values, float shift, Span<float> profile)
    {
        var total = 0f;
        for (var h = 0; h < history.Length; h++)
            if ((uint)history[h] < (uint)profiles.RowCount && profiles.RowLength(history[h]) > 0)
                total += MathF.Abs(Value(values, h) - shift);
        if (!(total > 0))
            return false;
        profile.Clear();
        for (var h = 0; h < history.Length; h++)
            if ((uint)history[h] < (uint)profiles.RowCount)
                AddRow(profiles, history[h], (Value(values, h) - shift) / total, profile);
        return true;
    }

    private static float Value(ReadOnlySpan<float> values, int h) => h < values.Length ? values[h] : 1f;

    private static void AddRow(CsrMatrix profiles, int item, float weight, Span<float> profile)
    {
        if (weight == 0)
            return;
        var idx = profiles.RowIndices(item);
        var val = profiles.RowValues(item);
        for (var k = 0; k < idx.Length; k++)
            profile[idx[k]] += weight * val[k];
    }
}
