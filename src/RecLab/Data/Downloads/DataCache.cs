namespace RecLab.Data.Downloads;

/// <summary>
/// The folder where downloaded datasets live: <c>RECLAB_DATA</c> when set, else <c>~/.cache/reclab</c>.
/// A dataset is present when its folder holds the marker file written as the last step of a fetch.
/// </summary>
public sealed class DataCache
{
    /// <summary>The marker file that a completed fetch writes (name, source, checksums).</summary>
    public const string MarkerFileName = ".reclab-dataset.json";

    /// <summary>Uses <paramref name="root"/>, else the environment's default.</summary>
    public DataCache(string? root = null) => Root = Path.GetFullPath(root ?? DefaultRoot());

    /// <summary>The cache folder.</summary>
    public string Root { get; }

    /// <summary><c>RECLAB_DATA</c>, or <c>~/.cache/reclab</c>.</summary>
    public static string DefaultRoot()
    {
        var env = Environment.GetEnvironmentVariable("RECLAB_DATA");
        if (!string.IsNullOrWhiteSpace(env))
            return env;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "reclab");
    }

    /// <summary>Where a dataset's files are (or would be).</summary>
    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>True when a completed fetch of the dataset is in the cache.</summary>
    public bool Contains(string name) => File.Exists(Path.Combine(PathOf(name), MarkerFileName));

    /// <summary>
    /// A fresh scratch folder for one fetch in progress, inside the cache (same file system, so the final move is
    /// atomic) and unique, so that concurrent fetches never share or delete each other's files.
    /// </summary>
    internal string NewScratchFolder(string name) => Path.Combine(Root, $".partial-{name}-{Guid.NewGuid():N}");
}
