namespace RecLab.Recommenders.Baselines;

/// <summary>Options of <see cref="RandomRecommender"/> (none besides the fit seed).</summary>
public sealed record RandomOptions : RecommenderOptions;
