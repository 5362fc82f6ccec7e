namespace RecLab.Experiments.Configuration;

/// <summary>
/// Upper bounds on the sizes an experiment file may ask for, far above any real experiment and far below what would
/// exhaust memory before the first cell: checked arithmetically on the file, before anything is expanded.
/// </summary>
internal static class Limits
{
    /// <summary>Cells of one experiment (100,000 cells of a second each are more than a CPU-day).</summary>
    public const int Cells = 100_000;

    /// <summary>Repeats of every (dataset, split).</summary>
    public const int Repeats = 1_000;

    /// <summary>Bootstrap resamples per interval (SciPy's default is 9,999).</summary>
    public const int BootstrapResamples = 100_000;

    /// <summary>Days of a simulated A/B test, and of its pre-period (ten years).</summary>
    public const int AbTestDays = 3_650;

    /// <summary>Characters of a name (experiment, dataset, split, algorithm, A/B test, arm): names head table rows and folders.</summary>
    public const int NameLength = 100;
}
