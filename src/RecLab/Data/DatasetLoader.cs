using RecLab.Data.Downloads;
using RecLab.Data.Loading;

namespace RecLab.Data;

/// <summary>
/// Loads a dataset named the way users name them everywhere in RecLab: a path to a folder (format detected)
/// or to a file (generic loader), or the name of a known dataset fetched into the cache.
/// </summary>
public static class DatasetLoader
{
    /// <summary>Loads <paramref name="pathOrName"/>.</summary>
    /// <exception cref="FileNotFoundException">Neither a path nor a cached dataset; the message says how to fetch it.</exception>
    /// <exception cref="DataFormatException">Malformed input, with file and line.</exception>
    public static Dataset Load(string pathOrName, LoadOptions? options = null, DataCache? cache = null)
    {
        options ??= LoadOptions.Default;
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
            $"'{pathOrName}' is neither a file, a folder, nor a known dataset ({string.Join(", ", DatasetCatalog.All.Select(d => d.Name))}). " +
            "Name a file or folder, or fetch a known dataset first with: reclab data fetch NAME");
    }
}
