using System.Globalization;

namespace RecLab.Data;

/// <summary>The declared range of explicit ratings, with the step between allowed values.</summary>
/// <param name="Min">Lowest allowed rating.</param>
/// <param name="Max">Highest allowed rating.</param>
/// <param name="Step">Distance between allowed ratings (1 for 1–5 stars, 0.5 for half stars); 0 means continuous.</param>
public readonly record struct RatingScale(float Min, float Max, float Step)
{
    /// <summary>Integer stars 1..5 (MovieLens 100K and 1M).</summary>
    public static RatingScale OneToFive => new(1f, 5f, 1f);

    /// <summary>Half stars 0.5..5 (MovieLens latest, 25M, 32M).</summary>
    public static RatingScale HalfToFive => new(0.5f, 5f, 0.5f);

    /// <summary>True when <paramref name="value"/> lies in [Min, Max] and on the step grid.</summary>
    public bool Contains(float value)
    {
        if (!(value >= Min && value <= Max))
            return false;
        if (Step <= 0)
            return true;
        var steps = (value - Min) / Step;
        return MathF.Abs(steps - MathF.Round(steps)) < 1e-3f;
    }

    /// <summary>Clamps a prediction into the scale (predictions are not snapped to the step grid).</summary>
    public float Clamp(float value) => Math.Clamp(value, Min, Max);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Min:0.###}–{Max:0.###}") +
        (Step > 0 ? string.Create(CultureInfo.InvariantCulture, $" step {Step:0.###}") : "");
}
