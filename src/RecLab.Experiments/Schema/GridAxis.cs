namespace RecLab.Experiments.Schema;

/// <summary>One axis of an algorithm's grid: an option and the values it takes.</summary>
public sealed record GridAxis
{
    /// <summary>The option's property name in the options record, e.g. <c>Neighbors</c>.</summary>
    public required string Option { get; init; }

    /// <summary>The values, typed as the option (int, float, enum, ...), in the order written.</summary>
    public required IReadOnlyList<object?> Values { get; init; }
}
