namespace RecLab.Recommenders.Neighborhood;

/// <summary>Options of <see cref="UserKnn"/>.</summary>
public sealed record UserKnnOptions : KnnOptions;
