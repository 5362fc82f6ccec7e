using RecLab.Data.Downloads;
using RecLab.Data.Loading;
using RecLab.Data.Synthetic;

namespace RecLab.Data;

/// <summary>
/// Loads a dataset named the way users name them everywhere in RecLab: a path to a folder (format detected)
/// or to a file (generic loader), the name of a known dataset fetched into the cache, or a generated synthetic world
/// (<c>synthetic:small</c>, <c>synthetic:tiny?users=800&amp;seed=7</c>).
/// </summary>
public static class DatasetLoader
{
    /// <summary>Loads <paramref name="pathOrName"/>.</summary>
    /// <exception cref="FileNotFoundException">Neither a path nor a cached dataset; the message says how to fetch it.</exception>
    /// <exception cref="DataFormatException">Malformed input, with file and line.</exception>
    public static Dataset Load(string pathOrName, LoadOptions? options = null, DataCache? cache = null)
    {
        options ??= LoadOptions.Default;
        if (SyntheticDataset.IsName(pathOrName))
            return SyntheticDataset.Load(pathOrName, options.LoadFeatures);
        if (File.Exists(pathOrName))
            return DelimitedLoader.Load(pathOrName, options: options);
        if (Directory.Exists(pathOrName))
            return MovieLensLoader.Load(pathOrName, options);
        if (DatasetCatalog.Find(pathOrName) is { } known)
        {
            cache ??= new DataCache();
            if (!cache.Contains(known.Name))
                throw new FileNotFoundException(
                    $"Dataset '{known.Name}' is not in the cache ({cache.Root}). Fetch it with: reclab data fetch {known.Name}");
            var loaded = MovieLensLoader.Load(cache.PathOf(known.Name), options);
            return loaded;
        }
        throw new FileNotFoundException(
            $"'{pathOrName}' is neither a file, a folder, nor a known dataset ({string.Join(", ", DatasetCatalog.All.Select(d => d.Name))}, synthetic:PRESET). " +
            "Name a file or folder, a generated world such as synthetic:small, or fetch a known dataset first with: reclab data fetch NAME");
    }
}
