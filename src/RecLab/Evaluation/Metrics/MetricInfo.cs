namespace RecLab.Evaluation.Metrics;

/// <summary>One metric name accepted by <see cref="MetricSpec.Parse"/>.</summary>
/// <param name="Name">Canonical lower-case name (<c>ndcg</c>).</param>
/// <param name="Aliases">Other accepted names (<c>hitrate</c> for <c>hit</c>).</param>
/// <param name="TakesN">True when the metric has a list length, written <c>name@N</c> (default <see cref="MetricSpec.DefaultN"/>).</param>
/// <param name="Description">One line for help text.</param>
public sealed record MetricInfo(string Name, IReadOnlyList<string> Aliases, bool TakesN, string Description);
