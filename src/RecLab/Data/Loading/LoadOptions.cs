namespace RecLab.Data.Loading;

/// <summary>How strict a loader is.</summary>
public sealed record LoadOptions
{
    /// <summary>The defaults: stop at the first bad line; duplicates resolved by latest timestamp.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Skip malformed lines (and count them in the <see cref="LoadReport"/>) instead of failing.</summary>
    public bool SkipBadLines { get; init; }

    /// <summary>How repeated (user, item) pairs are resolved.</summary>
    public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.LastByTimestamp;

    /// <summary>Load item and user side information when the dataset has it.</summary>
    public bool LoadFeatures { get; init; } = true;
}
