namespace RecLab.Experiments.Results;

/// <summary>
/// A results folder that cannot be used now: another run holds it, or it holds the results of another experimental
/// setup. Nothing was run; the message names the holder or the difference, and what to do.
/// </summary>
public sealed class ResultsFolderException(string message) : Exception(message);
