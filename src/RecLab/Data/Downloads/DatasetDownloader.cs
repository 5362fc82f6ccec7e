using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecLab.Data.Downloads;

/// <summary>
/// Fetches a known dataset: downloads the zip (and its published MD5 when there is one), verifies it,
/// extracts it safely, and moves the result into the cache in one rename, so an interrupted or failed fetch
/// leaves nothing half-written. A dataset already in the cache is not fetched again.
/// </summary>
public sealed partial class DatasetDownloader
{
    private readonly HttpClient _http;
    private readonly DataCache _cache;
    private readonly Uri _baseUri;

    /// <summary>Creates a downloader; <paramref name="mirror"/> replaces the GroupLens address (tests, local mirrors).</summary>
    public DatasetDownloader(HttpClient http, DataCache cache, Uri? mirror = null)
    {
        _http = http;
        _cache = cache;
        var baseUri = mirror ?? DatasetCatalog.GroupLensBase;
        _baseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    /// <summary>Fetches <paramref name="name"/> unless it is already cached.</summary>
    /// <exception cref="ArgumentException">The name is not a known dataset.</exception>
    /// <exception cref="DownloadException">Network failure, checksum mismatch, corrupt or unsafe archive.</exception>
    public async Task<FetchResult> FetchAsync(string name, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        var known = DatasetCatalog.Find(name) ?? throw new ArgumentException(
            $"Unknown dataset '{name}'. Known: {string.Join(", ", DatasetCatalog.All.Select(d => d.Name))}.", nameof(name));
        var folder = _cache.PathOf(known.Name);
        if (_cache.Contains(known.Name))
            return new FetchResult(known.Name, folder, true, null, null, false, 0);

        var scratch = _cache.NewScratchFolder(known.Name);
        Directory.CreateDirectory(scratch);
        var zipUri = new Uri(_baseUri, known.FileName);
        var partialZip = Path.Combine(scratch, known.FileName);
        var extractDir = Path.Combine(scratch, "extract");
        try
        {
            var expectedMd5 = await FetchPublishedMd5Async(new Uri(_baseUri, known.FileName + ".md5"), ct).ConfigureAwait(false);
            var (md5, sha256, bytes) = await DownloadAsync(zipUri, partialZip, known.Name, progress, ct).ConfigureAwait(false);
            progress?.Report(new DownloadProgress(known.Name, "verifying", bytes, bytes));
            if (expectedMd5 is not null && !string.Equals(expectedMd5, md5, StringComparison.OrdinalIgnoreCase))
                throw new DownloadException(
                    $"{zipUri}: checksum mismatch (published MD5 {expectedMd5}, downloaded file {md5}). " +
                    "The download was corrupted or the file changed on the server; nothing was kept. Try again.");

            progress?.Report(new DownloadProgress(known.Name, "extracting", bytes, bytes));
            SafeZipExtractor.Extract(partialZip, extractDir, ct);
            var datasetRoot = DatasetImporter.SingleTopFolder(extractDir);
            var marker = new
            {
                name = known.Name,
                source = zipUri.AbsoluteUri,
                md5,
                sha256,
                md5Published = expectedMd5,
                bytes,
                fetchedUtc = DateTime.UtcNow.ToString("O"),
            };
            await File.WriteAllTextAsync(Path.Combine(datasetRoot, DataCache.MarkerFileName),
                JsonSerializer.Serialize(marker, new JsonSerializerOptions { WriteIndented = true }), ct).ConfigureAwait(false);

            // Another fetch of the same dataset may have finished meanwhile: keep its result.
            if (_cache.Contains(known.Name))
                return new FetchResult(known.Name, folder, true, null, null, false, 0);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true); // a previous fetch that never completed (no marker)
            Directory.Move(datasetRoot, folder);
            return new FetchResult(known.Name, folder, false, md5, sha256, expectedMd5 is not null, bytes);
        }
        catch (HttpRequestException e)
        {
            throw new DownloadException($"{zipUri}: download failed ({e.Message}). Check the network, or fetch the zip by hand and name its extracted folder by path.", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation nobody asked for.
            throw new DownloadException($"{zipUri}: the server did not answer in time ({e.Message}). Try again.", e);
        }
        finally
        {
            TryDeleteDirectory(scratch);
        }
    }

    private async Task<string?> FetchPublishedMd5Async(Uri uri, CancellationToken ct)
    {
        using var response = await _http.GetAsync(uri, ct).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return null;
        if (!response.IsSuccessStatusCode)
            throw new DownloadException($"{uri}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var match = Md5Pattern().Match(text);
        return match.Success ? match.Value.ToLowerInvariant()
            : throw new DownloadException($"{uri}: the published checksum file has no MD5 in it.");
    }

    private async Task<(string Md5, string Sha256, long Bytes)> DownloadAsync(Uri uri, string path, string name,
        IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new DownloadException($"{uri}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        var total = response.Content.Headers.ContentLength;
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        await using (var input = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false))
        await using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            var buffer = new byte[1 << 16];
            while (true)
            {
                int read;
                try
                {
                    read = await input.ReadAsync(buffer, ct).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    throw new DownloadException(
                        $"{uri}: the connection failed after {bytes} of {total?.ToString() ?? "?"} bytes ({e.Message}); nothing was kept. Try again.", e);
                }
                if (read == 0)
                    break;
                await output.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                md5.AppendData(buffer, 0, read);
                sha.AppendData(buffer, 0, read);
                bytes += read;
                progress?.Report(new DownloadProgress(name, "downloading", bytes, total));
            }
        }
        if (total is { } expected && expected != bytes)
            throw new DownloadException($"{uri}: the connection closed after {bytes} of {expected} bytes; nothing was kept. Try again.");
        return (Convert.ToHexStringLower(md5.GetHashAndReset()), Convert.ToHexStringLower(sha.GetHashAndReset()), bytes);
    }

    internal static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex("\\b[0-9a-fA-F]{32}\\b")]
    private static partial Regex Md5Pattern();
}
