namespace RecLab.Data.Synthetic;

/// <summary>
/// Synthetic worlds as dataset names: <c>synthetic:PRESET</c> or <c>synthetic:PRESET?key=value&amp;...</c>
/// (e.g. <c>synthetic:small</c>, <c>synthetic:tiny?users=800&amp;seed=7</c>); <c>synthetic:</c> alone is <c>synthetic:small</c>.
/// </summary>
public static class SyntheticDataset
{
    /// <summary>The prefix of synthetic dataset names.</summary>
    public const string Prefix = "synthetic:";

    /// <summary>True when <paramref name="name"/> names a synthetic world.</summary>
    public static bool IsName(string name) => name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The world options a synthetic dataset name stands for.</summary>
    /// <exception cref="ArgumentException">Not a synthetic name, or an unknown preset, key or bad value (the message lists valid ones).</exception>
    public static WorldOptions Options(string name)
    {
        if (!IsName(name))
            throw new ArgumentException($"'{name}' is not a synthetic dataset name (synthetic:PRESET?key=value&...).");
        var spec = name[Prefix.Length..];
        try
        {
            return WorldOptions.Parse(spec);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{name}: {e.Message}", e);
        }
    }

    /// <summary>Generates the world a name stands for and returns it as a dataset named <paramref name="name"/>.</summary>
    public static Dataset Load(string name, bool withFeatures = true, int? maxThreads = null, CancellationToken cancellationToken = default)
    {
        var world = World.Generate(Options(name), maxThreads, cancellationToken: cancellationToken);
        var dataset = world.ToDataset(name);
        return withFeatures ? dataset : new Dataset(name, dataset.Interactions, itemTitles: dataset.ItemTitles, source: dataset.Source);
    }
}
