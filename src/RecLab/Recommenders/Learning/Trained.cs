using Microsoft.ML;

namespace RecLab.Recommenders.Learning;

/// <summary>
/// A fitted ML.NET model read out for scoring: the margin scorer, the Platt map from margin to probability (unused by
/// rankers), and ML.NET's own transformer, against which tests check that the scorer computes what ML.NET computes.
/// </summary>
internal sealed record Trained<TScorer>(TScorer Scorer, Platt Calibration, ITransformer Model);
