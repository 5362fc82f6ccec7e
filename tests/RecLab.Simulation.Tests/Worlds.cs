using RecLab.Data.Synthetic;

namespace RecLab.Simulation.Tests;

/// <summary>Worlds shared by the tests (generation is deterministic, so one instance per preset is enough).</summary>
internal static class Worlds
{
    private static readonly Lazy<World> LazyTiny = new(() => World.Generate(WorldOptions.Tiny));

    /// <summary>About 500 users, 80 creators, 2,000 items.</summary>
    public static World Tiny => LazyTiny.Value;
}
