using RecLab.Data.Downloads;
using RecLab.Data.Loading;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data.Downloads;

/// <summary>Importing a dataset the machine already has: the cache ends up as a fetch would leave it, or untouched.</summary>
public sealed class DatasetImporterTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DataCache _cache;

    public DatasetImporterTests() => _cache = new DataCache(_temp["cache"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_extracted_folder_becomes_a_cached_dataset_that_loads_by_name()
    {
        var folder = MovieLensFixtures.MovieLens100K().WriteTo(_temp["by-hand/ml-100k"]);

        var result = new DatasetImporter(_cache).Import("ml-100k", folder, TestContext.Current.CancellationToken);

        Assert.False(result.AlreadyPresent);
        Assert.True(_cache.Contains("ml-100k"));
        Assert.Equal(5, RecLab.Data.DatasetLoader.Load("ml-100k", cache: _cache).Interactions.Count);
        Assert.True(File.Exists(Path.Combine(folder, "u.data")), "the source is copied, never moved");
        Assert.Equal(["ml-100k"], Directory.GetDirectories(_cache.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_zip_is_checked_and_extracted_like_a_download()
    {
        var zip = _temp.WriteBytes("ml-100k.zip", LoopbackServer.Zip("ml-100k", MovieLensFixtures.MovieLens100K()));

        var result = new DatasetImporter(_cache).Import("ml-100k", zip, TestContext.Current.CancellationToken);

        Assert.Equal(32, result.Md5!.Length);
        Assert.Equal(new FileInfo(zip).Length, result.Bytes);
        Assert.Equal(DatasetFormat.MovieLens100K, DatasetFormats.Detect(_cache.PathOf("ml-100k")));
    }

    [Fact]
    public void A_second_import_is_a_no_op()
    {
        var folder = MovieLensFixtures.MovieLens100K().WriteTo(_temp["by-hand/ml-100k"]);
        var importer = new DatasetImporter(_cache);
        importer.Import("ml-100k", folder, TestContext.Current.CancellationToken);

        Assert.True(importer.Import("ml-100k", folder, TestContext.Current.CancellationToken).AlreadyPresent);
    }

    [Fact]
    public void Files_of_another_dataset_are_refused_and_nothing_is_kept()
    {
        var folder = MovieLensFixtures.MovieLensCsv().WriteTo(_temp["by-hand/latest"]);

        var e = Assert.Throws<DownloadException>(() => new DatasetImporter(_cache).Import("ml-100k", folder, TestContext.Current.CancellationToken));

        Assert.Contains("does not look like ml-100k", e.Message);
        Assert.False(_cache.Contains("ml-100k"));
        Assert.Empty(Directory.GetFileSystemEntries(_cache.Root));
    }

    [Fact]
    public void A_missing_source_is_named()
    {
        var e = Assert.Throws<DownloadException>(() => new DatasetImporter(_cache).Import("ml-1m", _temp["nowhere"], TestContext.Current.CancellationToken));

        Assert.Contains("nowhere", e.Message);
        Assert.Contains("no such zip or folder", e.Message);
    }
}
