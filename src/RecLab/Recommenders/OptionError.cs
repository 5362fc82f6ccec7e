namespace RecLab.Recommenders;

/// <summary>A hyper-parameter that is out of range, with the property name as written in options records.</summary>
/// <param name="Property">The option, e.g. <c>Neighbors</c>.</param>
/// <param name="Message">What is wrong, e.g. <c>must be at least 1</c>.</param>
public sealed record OptionError(string Property, string Message);
