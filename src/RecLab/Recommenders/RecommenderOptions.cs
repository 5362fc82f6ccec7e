namespace RecLab.Recommenders;

/// <summary>
/// Base of every algorithm's typed hyper-parameters. Options records are the YAML and command-line schema:
/// init-only properties with defaults, conventional names (<c>Factors</c>, <c>Epochs</c>, <c>Neighbors</c>, ...).
/// </summary>
public abstract record RecommenderOptions
{
    /// <summary>Every out-of-range value; empty when the options are valid.</summary>
    public virtual IEnumerable<OptionError> Validate() => [];

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, when there is any.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate().ToList();
        if (errors.Count > 0)
            throw new ArgumentException($"Invalid {GetType().Name}: " + string.Join("; ", errors.Select(e => $"{e.Property} {e.Message}")));
    }

    /// <summary>Helper for <see cref="Validate"/>: an error when <paramref name="value"/> is below <paramref name="min"/>.</summary>
    protected static IEnumerable<OptionError> AtLeast(string property, double value, double min) =>
        value >= min ? [] : [new OptionError(property, $"must be at least {min} (got {value})")];

    /// <summary>Helper for <see cref="Validate"/>: an error when <paramref name="value"/> is outside [min, max].</summary>
    protected static IEnumerable<OptionError> Between(string property, double value, double min, double max) =>
        value >= min && value <= max ? [] : [new OptionError(property, $"must be between {min} and {max} (got {value})")];
}
