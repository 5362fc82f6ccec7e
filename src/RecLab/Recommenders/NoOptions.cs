namespace RecLab.Recommenders;

/// <summary>Options of an algorithm without hyper-parameters.</summary>
public sealed record NoOptions : RecommenderOptions;
