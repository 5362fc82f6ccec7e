namespace RecLab.Experiments.Configuration;

/// <summary>Where a node came from: a file position (1-based) or an override with no lines.</summary>
internal readonly record struct SourceMark(string Source, int Line, int Column)
{
    public ConfigError Error(string path, string message) => new(Source, Line, Column, path, message);
}
