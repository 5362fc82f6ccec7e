using RecLab.Recommenders;

namespace RecLab.Tests.Recommenders;

/// <summary>
/// A registered name is the name results carry: cells, tables and reports name an algorithm by what it says it is,
/// so a registration whose recommender reports another <see cref="IRecommender.Name"/> would file its results under a
/// name nobody asked for.
/// </summary>
public sealed class RegistryNamesTests
{
    [Fact]
    public void Every_registered_name_is_its_recommenders_name()
    {
        var registry = RecommenderRegistry.Default;
        Assert.NotEmpty(registry.All);

        var mismatches = registry.All
            .Select(info => (Registered: info.Name, Reported: info.Create().Name))
            .Where(x => x.Registered != x.Reported)
            .ToList();

        Assert.Empty(mismatches);
    }
}
