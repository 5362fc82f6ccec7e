namespace RecLab.Recommenders.Factorization;

/// <summary>Validation shared by the SGD options records: step sizes positive, penalties non-negative, all finite.</summary>
internal static class SgdOptionChecks
{
    /// <summary>An error for every set value that is not a positive finite number (null means "not set").</summary>
    public static IEnumerable<OptionError> Positive(params (string Name, float? Value)[] options)
    {
        foreach (var (name, value) in options)
            if (value is { } v && !(v > 0 && float.IsFinite(v)))
                yield return new OptionError(name, $"must be a positive number (got {v})");
    }

    /// <summary>An error for every set value that is negative or not finite (null means "not set").</summary>
    public static IEnumerable<OptionError> NonNegative(params (string Name, float? Value)[] options)
    {
        foreach (var (name, value) in options)
            if (value is { } v && !(v >= 0 && float.IsFinite(v)))
                yield return new OptionError(name, $"must be a non-negative number (got {v})");
    }
}
