namespace RecLab.Recommenders.Neighborhood;

/// <summary>Options of <see cref="ItemKnnImplicit"/> (defaults: implicit's CosineRecommender, K = 20).</summary>
public sealed record ItemKnnImplicitOptions : ImplicitKnnOptions;
