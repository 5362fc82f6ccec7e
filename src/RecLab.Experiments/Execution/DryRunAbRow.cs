using RecLab.Experiments.Cells;

namespace RecLab.Experiments.Execution;

/// <summary>One A/B test of a dry run.</summary>
/// <param name="Test">The test.</param>
/// <param name="Status"><c>done</c> (finished for this configuration, will be reused), <c>stale</c> (results of another configuration, will be rerun) or <c>pending</c>.</param>
/// <param name="EstimatedSeconds">Seconds from a finished test on the same world scaled by the days simulated, when there is one.</param>
public sealed record DryRunAbRow(AbTestUnit Test, string Status, double? EstimatedSeconds);
