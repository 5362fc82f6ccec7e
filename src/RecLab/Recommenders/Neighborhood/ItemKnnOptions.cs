namespace RecLab.Recommenders.Neighborhood;

/// <summary>Options of <see cref="ItemKnn"/>.</summary>
public sealed record ItemKnnOptions : KnnOptions;
