using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RecLab.Data.Downloads;
using RecLab.Data.Loading;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data.Downloads;

/// <summary>The whole fetch path against a loopback server that serves zips built here.</summary>
public sealed class DatasetDownloaderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly LoopbackServer _server = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly DataCache _cache;
    private readonly DatasetDownloader _downloader;

    public DatasetDownloaderTests()
    {
        _cache = new DataCache(_temp["cache"]);
        _downloader = new DatasetDownloader(_http, _cache, _server.BaseUri);
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _temp.Dispose();
    }

    private static byte[] GoodZip() => LoopbackServer.Zip("ml-100k", MovieLensFixtures.MovieLens100K());

    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    private static byte[] Text(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>Asserts that the cache holds no dataset and no scratch files.</summary>
    private void AssertNothingKept()
    {
        Assert.False(_cache.Contains("ml-100k"));
        Assert.Empty(_temp.Files("cache"));
        Assert.Equal(["cache"], _temp.Files().Where(f => !f.StartsWith("cache" + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Fetches_verifies_and_extracts_a_zip_with_a_grouplens_md5()
    {
        var zip = GoodZip();
        _server.Serve("/ml-100k.zip", zip);
        _server.Serve("/ml-100k.zip.md5", Text($"MD5 (ml-100k.zip) = {Md5(zip)}\n"));
        var reports = new List<DownloadProgress>();

        var result = await _downloader.FetchAsync("ml-100k", new InlineProgress<DownloadProgress>(reports.Add), TestContext.Current.CancellationToken);

        Assert.False(result.AlreadyPresent);
        Assert.True(result.ChecksumVerified);
        Assert.Equal(Md5(zip), result.Md5);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(zip)), result.Sha256);
        Assert.Equal(zip.Length, result.Bytes);
        Assert.Equal(_cache.PathOf("ml-100k"), result.Folder);
        Assert.True(_cache.Contains("ml-100k"));
        Assert.Equal([DataCache.MarkerFileName, "ml-100k", "ml-100k/u.data", "ml-100k/u.genre", "ml-100k/u.item", "ml-100k/u.user"],
            _temp.Files("cache").Select(f => f.Replace(Path.DirectorySeparatorChar, '/')).Select(f => f.EndsWith(DataCache.MarkerFileName) ? DataCache.MarkerFileName : f).Order(StringComparer.Ordinal));
        Assert.Equal(MovieLensFixtures.MovieLens100K()["u.item"], File.ReadAllBytes(Path.Combine(result.Folder, "u.item")));
        Assert.Equal(5, MovieLensLoader.Load(result.Folder).Interactions.Count);

        using var marker = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.Folder, DataCache.MarkerFileName)));
        Assert.Equal(Md5(zip), marker.RootElement.GetProperty("md5Published").GetString());
        Assert.Equal(result.Sha256, marker.RootElement.GetProperty("sha256").GetString());

        Assert.Equal(["downloading", "verifying", "extracting"], reports.Select(r => r.Phase).Distinct());
        Assert.Equal(zip.Length, reports.Last(r => r.Phase == "downloading").Bytes);
        Assert.All(reports, r => Assert.Equal(zip.Length, r.TotalBytes));
    }

    [Fact]
    public async Task Accepts_a_plain_md5sum_file()
    {
        var zip = GoodZip();
        _server.Serve("/ml-100k.zip", zip);
        _server.Serve("/ml-100k.zip.md5", Text($"{Md5(zip).ToUpperInvariant()}  ml-100k.zip\n"));

        var result = await _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken);

        Assert.True(result.ChecksumVerified);
        Assert.True(_cache.Contains("ml-100k"));
    }

    [Fact]
    public async Task Without_a_published_checksum_records_the_sha256()
    {
        var zip = GoodZip();
        _server.Serve("/ml-100k.zip", zip);

        var result = await _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken);

        Assert.False(result.ChecksumVerified);
        Assert.Contains("/ml-100k.zip.md5", _server.Requests); // asked, got 404
        using var marker = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.Folder, DataCache.MarkerFileName)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(zip)), marker.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(JsonValueKind.Null, marker.RootElement.GetProperty("md5Published").ValueKind);
    }

    [Fact]
    public async Task A_wrong_checksum_keeps_nothing()
    {
        var zip = GoodZip();
        _server.Serve("/ml-100k.zip", zip);
        _server.Serve("/ml-100k.zip.md5", Text($"MD5 (ml-100k.zip) = {new string('0', 32)}\n"));

        var e = await Assert.ThrowsAsync<DownloadException>(() => _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken));

        Assert.Contains("checksum mismatch", e.Message);
        Assert.Contains(Md5(zip), e.Message);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_checksum_file_without_an_md5_is_an_error()
    {
        _server.Serve("/ml-100k.zip", GoodZip());
        _server.Serve("/ml-100k.zip.md5", Text("<html>moved</html>"));
        var e = await Assert.ThrowsAsync<DownloadException>(() => _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken));
        Assert.Contains("no MD5", e.Message);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_corrupt_zip_keeps_nothing()
    {
        var zip = GoodZip();
        var corrupt = zip[..(zip.Length / 2)]; // cut in half: the central directory is gone
        _server.Serve("/ml-100k.zip", corrupt);
        _server.Serve("/ml-100k.zip.md5", Text($"MD5 (ml-100k.zip) = {Md5(corrupt)}\n"));

        var e = await Assert.ThrowsAsync<DownloadException>(() => _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken));

        Assert.Contains("not a valid zip", e.Message);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_zip_with_damaged_entry_data_keeps_nothing()
    {
        var zip = GoodZip();
        // Flip bytes in the middle of the first entry's compressed data: the directory is intact, the data is not.
        for (var k = 60; k < 90; k++)
            zip[k] ^= 0x5A;
        _server.Serve("/ml-100k.zip", zip);

        await Assert.ThrowsAsync<DownloadException>(() => _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken));

        AssertNothingKept();
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("ml-100k/../../evil.txt")]
    [InlineData("/tmp/reclab-tests-zip-slip-evil.txt")]
    public async Task A_zip_slip_entry_refuses_the_whole_archive(string entry)
    {
        var files = MovieLensFixtures.MovieLens100K().Select(kv => new KeyValuePair<string, byte[]>("ml-100k/" + kv.Key, kv.Value)).ToList();
        files.Add(new(entry, Text("pwned")));
        _server.Serve("/ml-100k.zip", LoopbackServer.Zip(files));

        var e = await Assert.ThrowsAsync<DownloadException>(() => _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken));

        Assert.Contains(entry, e.Message);
        Assert.Contains("outside", e.Message);
        Assert.False(File.Exists(_temp["evil.txt"]));
        Assert.False(File.Exists("/tmp/reclab-tests-zip-slip-evil.txt"));
        AssertNothingKept();
    }

    [Fact]
    public async Task A_zip_with_two_entries_of_one_name_is_refused()
    {
        var files = MovieLensFixtures.MovieLens100K().Select(kv => new KeyValuePair<string, byte[]>("ml-100k/" + kv.Key, kv.Value)).ToList();
        files.Add(new("ml-100k/u.data", Text("1\t1\t1\t1\n")));
        _server.Serve("/ml-100k.zip", LoopbackServer.Zip(files));

        var e = await Assert.ThrowsAsync<DownloadException>(() => _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken));

        Assert.Contains("ml-100k/u.data", e.Message);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_second_fetch_downloads_nothing()
    {
        _server.Serve("/ml-100k.zip", GoodZip());
        var first = await _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken);
        var requests = _server.Requests.Length;

        var second = await new DatasetDownloader(_http, new DataCache(_temp["cache"]), _server.BaseUri)
            .FetchAsync("ML-100K", ct: TestContext.Current.CancellationToken);

        Assert.True(second.AlreadyPresent);
        Assert.Equal(first.Folder, second.Folder);
        Assert.Equal(requests, _server.Requests.Length);
        Assert.Equal(1, _server.RequestCount("/ml-100k.zip"));
    }

    [Fact]
    public async Task A_connection_that_closes_early_keeps_nothing()
    {
        var zip = GoodZip();
        _server.ServeTruncated("/ml-100k.zip", zip, zip.Length / 3);

        var e = await Assert.ThrowsAsync<DownloadException>(() => _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken));

        Assert.Contains("ml-100k.zip", e.Message);
        AssertNothingKept();
    }

    [Fact]
    public async Task A_server_error_keeps_nothing()
    {
        _server.Serve("/ml-100k.zip", Text("oops"), HttpStatusCode.InternalServerError);
        var e = await Assert.ThrowsAsync<DownloadException>(() => _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken));
        Assert.Contains("500", e.Message);
        AssertNothingKept();
    }

    [Fact]
    public async Task Cancelling_mid_download_keeps_nothing()
    {
        _server.Serve("/ml-100k.zip", GoodZip());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new InlineProgress<DownloadProgress>(p =>
        {
            if (p.Phase == "downloading")
                cts.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _downloader.FetchAsync("ml-100k", progress, cts.Token));

        AssertNothingKept();
    }

    [Fact]
    public async Task A_folder_left_by_an_unfinished_fetch_is_replaced()
    {
        _temp.Write("cache/ml-100k/u.data", "half-written");
        _server.Serve("/ml-100k.zip", GoodZip());

        var result = await _downloader.FetchAsync("ml-100k", ct: TestContext.Current.CancellationToken);

        Assert.Equal(5, MovieLensLoader.Load(result.Folder).Interactions.Count);
    }

    [Fact]
    public async Task An_unknown_name_lists_the_known_ones()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _downloader.FetchAsync("ml-7m", ct: TestContext.Current.CancellationToken));
        Assert.Contains("ml-100k, ml-1m, ml-latest-small, ml-25m, ml-32m", e.Message);
        Assert.Empty(_server.Requests);
    }

    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
