namespace RecLab.Experiments.Configuration;

/// <summary>An experiment file that cannot be run, with every problem found (not just the first).</summary>
public sealed class ExperimentConfigException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ExperimentConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }
}
