using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using RecLab.Charts.Tests.Support;
using RecLab.Cli;
using RecLab.Notebooks.Tests.Support;
using LoopbackServer = RecLab.Tests.Support.LoopbackServer;
using SharedData = RecLab.Tests.Support.SharedData;

namespace RecLab.Notebooks.Tests.Cli;

/// <summary>
/// What a new user does after cloning and building: fetch MovieLens (here from a mirror on the loopback address,
/// holding the real ml-latest-small), then run the quickstart; and what they see when they skip the fetch.
/// </summary>
[Collection(nameof(ProcessState))]
public sealed class FreshCloneTests
{
    private static async Task<(int Code, string Out, string Err)> Reclab(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ReclabApp.Create(output, error, plain: true).RunAsync(args, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Fetch_then_the_quickstart_runs_and_without_the_fetch_the_error_names_the_fix()
    {
        var zip = ZipOf(SharedData.MovieLensSmall(), "ml-latest-small");
        using var server = new LoopbackServer();
        server.Serve("/ml-latest-small.zip", zip);
        server.Serve("/ml-latest-small.zip.md5", Encoding.ASCII.GetBytes($"MD5 (ml-latest-small.zip) = {Convert.ToHexStringLower(MD5.HashData(zip))}\n"));
        using var temp = new TempFolder();
        var quickstart = Path.Combine(Repository.NotebooksFolder, "00-quickstart.ipynb");
        var before = Environment.GetEnvironmentVariable("RECLAB_DATA");
        try
        {
            // A user's cache: the default one, which RECLAB_DATA moves here.
            Environment.SetEnvironmentVariable("RECLAB_DATA", Path.Combine(temp.Path, "cache"));

            var missing = await Reclab("notebook", "run", quickstart, "--output", Path.Combine(temp.Path, "first"));

            Assert.Equal(1, missing.Code);
            Assert.Contains("cell In [3] (id load) failed: FileNotFoundException: Dataset 'ml-latest-small' is not in the dataset cache", missing.Err, StringComparison.Ordinal);
            Assert.Contains("run `reclab data fetch ml-latest-small`, or pass `--param data=PATH` to a copy, or set RECLAB_DATA", missing.Err, StringComparison.Ordinal);

            var fetch = await Reclab("data", "fetch", "ml-latest-small", "--mirror", server.BaseUri.AbsoluteUri);
            Assert.True(fetch.Code == 0, fetch.Err);
            Assert.Contains("verified", fetch.Out, StringComparison.Ordinal);

            var run = await Reclab("notebook", "run", quickstart, "--output", Path.Combine(temp.Path, "second"));

            Assert.True(run.Code == 0, run.Err);
            Assert.Contains("recorded random ndcg@10 = ", run.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(temp.Path, "second", "00-quickstart.html")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("RECLAB_DATA", before);
        }
    }

    /// <summary>A zip of <paramref name="folder"/>'s files under one top folder, as GroupLens packs them.</summary>
    private static byte[] ZipOf(string folder, string top)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
                zip.CreateEntryFromFile(file, $"{top}/{Path.GetFileName(file)}", CompressionLevel.Fastest);
        }

        return buffer.ToArray();
    }
}
