using RecLab.Data.Synthetic;

namespace RecLab.Simulation.AbTesting;

/// <summary>A finished simulated A/B test: per arm, what its users did day by day. Analyse it with <c>AbAnalysis</c>.</summary>
public sealed class AbRun
{
    internal AbRun(World world, AbTestOptions options, IReadOnlyList<ArmRun> arms, int firstDay, int notInTest, AbTiming timing)
    {
        World = world;
        Options = options;
        Arms = arms;
        FirstDay = firstDay;
        UsersNotInTest = notInTest;
        Timing = timing;
    }

    /// <summary>The world simulated.</summary>
    public World World { get; }

    /// <summary>The test's options.</summary>
    public AbTestOptions Options { get; }

    /// <summary>The arms, control first.</summary>
    public IReadOnlyList<ArmRun> Arms { get; }

    /// <summary>World day of the first test day (the historical log and the pre-period come before).</summary>
    public int FirstDay { get; }

    /// <summary>Test days.</summary>
    public int Days => Options.Days;

    /// <summary>Users whose bucket fell outside every arm's traffic.</summary>
    public int UsersNotInTest { get; }

    /// <summary>Where the time went.</summary>
    public AbTiming Timing { get; }

    /// <summary>The arm called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such arm.</exception>
    public ArmRun Arm(string name) =>
        Arms.FirstOrDefault(a => a.Name == name) ?? throw new KeyNotFoundException($"No arm '{name}'; arms: {string.Join(", ", Arms.Select(a => a.Name))}.");
}
