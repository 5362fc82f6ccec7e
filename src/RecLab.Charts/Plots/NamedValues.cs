namespace RecLab.Charts.Plots;

/// <summary>A named list of numbers: per-user metric values of an algorithm, or per-item counts.</summary>
/// <param name="Name">The series name (an algorithm or a dataset).</param>
/// <param name="Values">The values.</param>
public sealed record NamedValues(string Name, IReadOnlyList<double> Values);
