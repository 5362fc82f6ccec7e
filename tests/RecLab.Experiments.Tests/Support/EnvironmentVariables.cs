namespace RecLab.Experiments.Tests.Support;

/// <summary>
/// Sets process environment variables for a test and puts the earlier values back; tests that use it share one
/// collection, so they do not run at the same time as each other.
/// </summary>
internal sealed class EnvironmentVariables : IDisposable
{
    private readonly (string Name, string? Value)[] _earlier;

    public EnvironmentVariables(params (string Name, string? Value)[] values)
    {
        _earlier = [.. values.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name)))];
        foreach (var (name, value) in values)
            Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _earlier)
            Environment.SetEnvironmentVariable(name, value);
    }
}

[CollectionDefinition(nameof(EnvironmentVariables))]
public sealed class EnvironmentVariablesCollection;
