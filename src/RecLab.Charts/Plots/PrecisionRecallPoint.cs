namespace RecLab.Charts.Plots;

/// <summary>Precision and recall of one algorithm at one list length.</summary>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="N">The list length.</param>
/// <param name="Precision">Precision@N.</param>
/// <param name="Recall">Recall@N.</param>
public sealed record PrecisionRecallPoint(string Algorithm, int N, double Precision, double Recall);
