namespace RecLab.Evaluation.Statistics;

/// <summary>A test monitored look by look (<see cref="SequentialTests.Monitor"/>).</summary>
/// <param name="Looks">Every look in order.</param>
/// <param name="NaiveStop">First look whose Welch p-value fell below α (where a daily peek would have stopped), or null.</param>
/// <param name="AlwaysValidStop">First look whose always-valid p-value fell below α, or null.</param>
/// <param name="PeekingWarning">True when the naive peek would have stopped before (or without) the always-valid test:
/// a "significant" result that continuous monitoring does not support.</param>
public sealed record SequentialReport(IReadOnlyList<SequentialLook> Looks, int? NaiveStop, int? AlwaysValidStop, bool PeekingWarning);
