namespace RecLab.Recommenders.Neighborhood;

/// <summary>Options of <see cref="UserKnnImplicit"/> (defaults: cosine, 50 neighbours).</summary>
public sealed record UserKnnImplicitOptions : ImplicitKnnOptions
{
    /// <summary>Defaults with 50 neighbours (users are fewer and each carries less than an item's neighbour list).</summary>
    public UserKnnImplicitOptions() => Neighbors = 50;
}
