using System.Security.Cryptography;
using System.Text.Json;
using RecLab.Data.Loading;

namespace RecLab.Data.Downloads;

/// <summary>
/// Puts a copy of a known dataset that is already on this machine (its GroupLens zip, or the folder extracted from it)
/// into the cache, for machines that cannot reach GroupLens: the same checks and the same one-rename move as a fetch,
/// after which the dataset is named like any fetched one (<c>ml-latest-small</c> in YAML, notebooks and the CLI).
/// </summary>
public sealed class DatasetImporter
{
    private readonly DataCache _cache;

    /// <summary>Imports into <paramref name="cache"/>.</summary>
    public DatasetImporter(DataCache cache) => _cache = cache;

    /// <summary>Copies <paramref name="source"/> (a zip or a folder) into the cache as <paramref name="name"/>, unless it is there already.</summary>
    /// <exception cref="ArgumentException">The name is not a known dataset.</exception>
    /// <exception cref="DownloadException">The source is missing, unsafe, or not the named dataset's layout.</exception>
    public FetchResult Import(string name, string source, CancellationToken ct = default)
    {
        var known = DatasetCatalog.Find(name) ?? throw new ArgumentException(
            $"Unknown dataset '{name}'. Known: {string.Join(", ", DatasetCatalog.All.Select(d => d.Name))}.", nameof(name));
        var folder = _cache.PathOf(known.Name);
        if (_cache.Contains(known.Name))
            return new FetchResult(known.Name, folder, true, null, null, false, 0);

        var fullSource = Path.GetFullPath(source);
        var scratch = _cache.NewScratchFolder(known.Name);
        Directory.CreateDirectory(scratch);
        try
        {
            string root;
            string? md5 = null, sha256 = null;
            long bytes;
            if (File.Exists(fullSource))
            {
                (md5, sha256, bytes) = Checksums(fullSource);
                var extractDir = Path.Combine(scratch, "extract");
                SafeZipExtractor.Extract(fullSource, extractDir, ct);
                root = SingleTopFolder(extractDir);
            }
            else if (Directory.Exists(fullSource))
            {
                root = Path.Combine(scratch, "copy");
                bytes = CopyFolder(fullSource, root, ct);
            }
            else
            {
                throw new DownloadException($"{source}: no such zip or folder to import {known.Name} from.");
            }

            var format = DetectOrNull(root);
            if (format != known.Format)
                throw new DownloadException(
                    $"{source}: does not look like {known.Name} (expected the {known.Format} layout, found {format?.ToString() ?? "no known dataset files"}); nothing was kept.");

            var marker = new
            {
                name = known.Name,
                source = fullSource,
                md5,
                sha256,
                bytes,
                importedUtc = DateTime.UtcNow.ToString("O"),
            };
            File.WriteAllText(Path.Combine(root, DataCache.MarkerFileName),
                JsonSerializer.Serialize(marker, new JsonSerializerOptions { WriteIndented = true }));

            if (_cache.Contains(known.Name))
                return new FetchResult(known.Name, folder, true, null, null, false, 0);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true); // left by a fetch that never completed (no marker)
            Directory.Move(root, folder);
            return new FetchResult(known.Name, folder, false, md5, sha256, false, bytes);
        }
        finally
        {
            DatasetDownloader.TryDeleteDirectory(scratch);
        }
    }

    private static (string Md5, string Sha256, long Bytes) Checksums(string path)
    {
        using var stream = File.OpenRead(path);
        var md5 = Convert.ToHexStringLower(MD5.HashData(stream));
        stream.Position = 0;
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        return (md5, sha, stream.Length);
    }

    private static long CopyFolder(string from, string to, CancellationToken ct)
    {
        long bytes = 0;
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(from, file);
            if (Path.GetFileName(file) == DataCache.MarkerFileName)
                continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            bytes += new FileInfo(target).Length;
        }
        return bytes;
    }

    private static DatasetFormat? DetectOrNull(string folder)
    {
        try
        {
            return DatasetFormats.Detect(folder);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    internal static string SingleTopFolder(string extractDir)
    {
        var dirs = Directory.GetDirectories(extractDir);
        return dirs.Length == 1 && Directory.GetFiles(extractDir).Length == 0 ? dirs[0] : extractDir;
    }
}
