using System.Globalization;

namespace RecLab.Recommenders;

/// <summary>
/// Base of every algorithm's typed hyper-parameters. Options records are the YAML and command-line schema:
/// init-only properties with defaults, conventional names (<c>Factors</c>, <c>Epochs</c>, <c>Neighbors</c>, ...).
/// </summary>
public abstract record RecommenderOptions
{
    /// <summary>The most latent factors a factor model may have: far above what any dataset here rewards, far below a size that exhausts memory.</summary>
    public const int MaxFactors = 1_024;

    /// <summary>The algorithm's own range checks; empty when the values are in range. <see cref="Check"/> is what callers use.</summary>
    public virtual IEnumerable<OptionError> Validate() => [];

    /// <summary>
    /// Every problem of these options: each number that is not finite (NaN or ±∞), then the algorithm's range checks
    /// (<see cref="Validate"/>). The one check behind the command line's <c>--algo</c>, experiment files and constructors.
    /// </summary>
    public IReadOnlyList<OptionError> Check()
    {
        var errors = new List<OptionError>();
        foreach (var property in OptionsBinder.Settable(GetType()))
        {
            var value = property.GetValue(this);
            IEnumerable<object?> values = value is float[] or double[] ? ((System.Collections.IEnumerable)value).Cast<object?>() : [value];
            if (values.Any(v => v is float f && !float.IsFinite(f) || v is double d && !double.IsFinite(d)))
                errors.Add(new OptionError(property.Name, $"must be a finite number (got {OptionsBinder.Format(value)})"));
        }
        // Range checks compare with NaN as false and would add a second, vaguer message for the same option.
        errors.AddRange(Validate().Where(e => !errors.Any(x => x.Property == e.Property)));
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem <see cref="Check"/> finds, when there is any.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Check();
        if (errors.Count > 0)
            throw new ArgumentException($"Invalid {GetType().Name}: " + string.Join("; ", errors.Select(e => $"{e.Property} {e.Message}")));
    }

    /// <summary>Helper for <see cref="Validate"/>: an error when <paramref name="value"/> is below <paramref name="min"/>.</summary>
    protected static IEnumerable<OptionError> AtLeast(string property, double value, double min) =>
        value >= min ? [] : [new OptionError(property, string.Create(CultureInfo.InvariantCulture, $"must be at least {min} (got {value})"))];

    /// <summary>Helper for <see cref="Validate"/>: an error when <paramref name="value"/> is not above <paramref name="bound"/>.</summary>
    protected static IEnumerable<OptionError> GreaterThan(string property, double value, double bound) =>
        value > bound ? [] : [new OptionError(property, string.Create(CultureInfo.InvariantCulture, $"must be greater than {bound} (got {value})"))];

    /// <summary>Helper for <see cref="Validate"/>: an error when <paramref name="value"/> is outside [min, max].</summary>
    protected static IEnumerable<OptionError> Between(string property, double value, double min, double max) =>
        value >= min && value <= max ? [] : [new OptionError(property, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (got {value})"))];

    /// <summary>Helper for <see cref="Validate"/>: latent factors between 1 and <see cref="MaxFactors"/>.</summary>
    protected static IEnumerable<OptionError> FactorCount(string property, int value) => Between(property, value, 1, MaxFactors);
}
