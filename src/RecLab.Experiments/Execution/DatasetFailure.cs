namespace RecLab.Experiments.Execution;

/// <summary>
/// A dataset of the run that could not be loaded, so none of its cells ran; or, with <see cref="Split"/>, a split the
/// loaded dataset cannot make (more folds than interactions), so none of that split's cells ran.
/// </summary>
/// <param name="Dataset">The dataset's name in the experiment file.</param>
/// <param name="Cells">Its cells that were due to run and were recorded as failed.</param>
/// <param name="Error">Why (for bad data: <c>file:line:column</c>, the problem and the fix).</param>
public sealed record DatasetFailure(string Dataset, int Cells, string Error)
{
    /// <summary>The split's label when only its cells did not run; null when the dataset did not load.</summary>
    public string? Split { get; init; }

    /// <summary>What loading threw, for a caller that reports it with its own exit code (<c>reclab eval</c>); null when not known.</summary>
    public Exception? Exception { get; init; }
}
