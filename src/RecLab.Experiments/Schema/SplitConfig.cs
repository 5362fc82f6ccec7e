namespace RecLab.Experiments.Schema;

/// <summary>A splitter, by its spec string (the same grammar as <c>reclab eval --split</c>).</summary>
public sealed record SplitConfig
{
    /// <summary>Name used in tables and results; defaults to the spec.</summary>
    public string? Name { get; init; }

    /// <summary>The split spec, e.g. <c>kfold:5</c>, <c>user-holdout:0.2</c>, <c>leave-last-out</c>, <c>temporal:0.8</c>.</summary>
    public required string Spec { get; init; }

    /// <summary>The name, or the spec when no name is given.</summary>
    public string Label => Name ?? Spec;
}
