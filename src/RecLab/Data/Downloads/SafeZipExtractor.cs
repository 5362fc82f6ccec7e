using System.IO.Compression;

namespace RecLab.Data.Downloads;

/// <summary>Extracts a zip only when every entry stays inside the target folder (no "zip slip").</summary>
internal static class SafeZipExtractor
{
    /// <summary>
    /// Checks every entry first, then extracts; an entry whose path escapes <paramref name="target"/>
    /// (absolute, or with <c>..</c> segments that leave it) refuses the whole archive before anything is written.
    /// </summary>
    public static void Extract(string zipPath, string target, CancellationToken ct)
    {
        var root = Path.GetFullPath(target);
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            var destinations = new List<(ZipArchiveEntry Entry, string Path)>(archive.Entries.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var destination = Path.GetFullPath(Path.Combine(root, name));
                if (Path.IsPathRooted(name) || !destination.StartsWith(rootWithSeparator, StringComparison.Ordinal))
                    throw new DownloadException($"The archive entry '{entry.FullName}' would be written outside the dataset folder; refusing the whole archive.");
                // One file written twice would make the result depend on entry order.
                if (!seen.Add(Path.TrimEndingDirectorySeparator(destination)))
                    throw new DownloadException($"The archive has two entries named '{entry.FullName}'; refusing the whole archive.");
                destinations.Add((entry, destination));
            }
            Directory.CreateDirectory(root);
            foreach (var (entry, destination) in destinations)
            {
                ct.ThrowIfCancellationRequested();
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
                {
                    Directory.CreateDirectory(destination);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                entry.ExtractToFile(destination, overwrite: false);
            }
        }
        catch (InvalidDataException e)
        {
            throw new DownloadException($"The downloaded file is not a valid zip archive ({e.Message}).", e);
        }
    }
}
