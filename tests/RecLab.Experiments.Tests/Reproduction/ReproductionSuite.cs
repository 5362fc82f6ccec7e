using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reproduction;

/// <summary>
/// Runs a suite of experiments/reproduce on ml-latest-small as a user would: the dataset named through a cache that
/// holds it (<see cref="SharedData.CacheRoot"/>), never by a path.
/// </summary>
internal static class ReproductionSuite
{
    public static string Folder => Path.Combine(SharedData.RepoRoot, "experiments", "reproduce");

    /// <summary>
    /// Runs <paramref name="suite"/> on ml-latest-small into <paramref name="output"/>, keeping only
    /// <paramref name="algorithms"/> when given (the protocol, splits, metrics and evaluation stay the suite's).
    /// </summary>
    public static async Task<ExperimentResults> RunAsync(string suite, string output, IReadOnlyList<string>? algorithms = null)
    {
        var cache = SharedData.Cache();
        var config = ExperimentFile.Load(Path.Combine(Folder, suite), ["datasets[ml].source=ml-latest-small"], cache: cache);
        if (algorithms is not null)
            config = config with { Algorithms = config.Algorithms.Where(a => algorithms.Contains(a.Name)).ToList() };
        var plan = ExperimentPlan.Create(config);
        var run = await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = output, Data = cache }, TestContext.Current.CancellationToken);
        Assert.Empty(run.Failures);
        return ExperimentResults.Load(plan, new CellStore(output));
    }

    /// <summary>The runner's figure of <paramref name="algorithm"/> for <paramref name="metric"/> in the first result table.</summary>
    public static double Figure(ExperimentResults results, string algorithm, string metric) =>
        results.Tables[0].Rows.Single(r => r.Configuration == algorithm).Metrics.Single(m => m.Name == metric).Value;

    /// <summary>
    /// Asserts that the runner's <paramref name="metric"/> of <paramref name="algorithm"/> (the mean over
    /// <paramref name="runnerSplits"/> random splits) agrees with the reimplementation's <paramref name="samples"/> (one
    /// per independent split) within <see cref="TopNByHand.SplitTolerance"/>, and prints both.
    /// </summary>
    public static void AssertAgrees(ExperimentResults results, string algorithm, string metric, IReadOnlyList<double> samples, int runnerSplits = 1) =>
        AssertAgrees($"{algorithm} {metric}", Figure(results, algorithm, metric), samples, runnerSplits);

    /// <summary>As the other overload, for a figure derived from the runner's (<paramref name="runner"/>, named <paramref name="what"/>).</summary>
    public static void AssertAgrees(string what, double runner, IReadOnlyList<double> samples, int runnerSplits = 1)
    {
        var expected = samples.Average();
        var tolerance = TopNByHand.SplitTolerance(samples, runnerSplits);
        TestContext.Current.TestOutputHelper?.WriteLine(
            FormattableString.Invariant($"{what}: runner {runner:F4}, reimplementation {expected:F4} (mean of {samples.Count} splits, {samples.Min():F4} to {samples.Max():F4}), tolerance {tolerance:F4}"));
        Assert.InRange(runner, expected - tolerance, expected + tolerance);
    }
}
