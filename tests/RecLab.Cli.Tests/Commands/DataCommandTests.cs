using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RecLab.Tests.Support;

namespace RecLab.Cli.Tests.Commands;

public sealed class DataCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Info_as_json_reports_the_movielens_small_figures()
    {
        var (code, output, error) = await CliRun.Reclab("data", "info", SharedData.MovieLensSmall(), "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(610, root.GetProperty("users").GetInt32());
        Assert.Equal(9_742, root.GetProperty("items").GetInt32());
        Assert.Equal(9_724, root.GetProperty("rated_items").GetInt32());
        Assert.Equal(100_836, root.GetProperty("interactions").GetInt32());
        Assert.Equal("explicit", root.GetProperty("feedback").GetString());
        Assert.Equal(0.5, root.GetProperty("rating_scale").GetProperty("min").GetDouble());
        Assert.Equal(5, root.GetProperty("rating_scale").GetProperty("max").GetDouble());
        Assert.Equal(100_836, root.GetProperty("value_distribution").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(root.GetProperty("load_seconds").GetDouble() > 0);
    }

    [Fact]
    public async Task Info_as_a_plain_table_has_no_escape_codes()
    {
        var folder = MovieLensFixtures.MovieLens100K().WriteTo(_temp["ml-100k"]);

        var (code, output, _) = await CliRun.Reclab("data", "info", folder);

        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("4 in the catalogue, 4 with interactions", output);
        Assert.Contains("1–5 step 1", output);
        Assert.Contains("age (3 categories)", output);
    }

    [Fact]
    public async Task A_malformed_file_exits_2_naming_file_and_line()
    {
        _temp.Write("ml/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,nine,964982703\n");
        var file = _temp["ml/ratings.csv"];

        var (code, output, error) = await CliRun.Reclab("data", "info", _temp["ml"]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {file}:3:5: value 'nine' is not a number", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Skip_bad_lines_loads_the_rest_and_warns()
    {
        _temp.Write("ml/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,nine,964982703\n2,1,3.0,964982703\n");

        var (code, output, error) = await CliRun.Reclab("data", "info", _temp["ml"], "--skip-bad-lines", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("interactions").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("skipped_lines").GetInt32());
        Assert.StartsWith($"warning: skipped {_temp["ml/ratings.csv"]}:3:5: ", error);
    }

    [Fact]
    public async Task List_shows_the_five_datasets_and_what_is_cached()
    {
        var (code, output, _) = await CliRun.Reclab("data", "list", "--cache", _temp["cache"]);

        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001b', output);
        var rows = output.Split('\n').Where(l => l.Contains(" MB ")).ToArray();
        Assert.Equal(5, rows.Length);
        foreach (var name in new[] { "ml-100k", "ml-1m", "ml-latest-small", "ml-25m", "ml-32m" })
            Assert.Contains(rows, r => r.Contains($" {name} ") && r.Contains(" no "));
        Assert.Contains("Harper and Konstan", output);
    }

    [Theory]
    [InlineData("ml-999k", "reclab data fetch")]
    [InlineData("ml-1m", "reclab data fetch ml-1m")]
    public async Task An_unknown_or_missing_dataset_exits_2_with_a_hint_to_fetch(string name, string hint)
    {
        var (code, output, error) = await CliRun.Reclab("data", "info", name, "--cache", _temp["cache"]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error);
        Assert.Contains(hint, error);
    }

    [Fact]
    public async Task Fetch_of_an_unknown_name_exits_2()
    {
        var (code, _, error) = await CliRun.Reclab("data", "fetch", "ml-999k", "--cache", _temp["cache"], "--mirror", "http://127.0.0.1:9/");
        Assert.Equal(2, code);
        Assert.Contains("Unknown dataset 'ml-999k'", error);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "data")]
    [InlineData(new[] { "data", "--help" }, "fetch")]
    [InlineData(new[] { "data", "info", "--help" }, "--skip-bad-lines")]
    public async Task Help_describes_the_commands(string[] args, string expected)
    {
        var (code, output, _) = await CliRun.Reclab(args);
        Assert.Equal(0, code);
        Assert.Contains(expected, output);
        Assert.DoesNotContain('\u001b', output);
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("csv")] // a format other commands have, but info cannot write
    public async Task A_format_info_cannot_write_exits_2(string format)
    {
        var folder = MovieLensFixtures.MovieLens100K().WriteTo(_temp["ml-100k"]);
        var (code, output, error) = await CliRun.Reclab("data", "info", folder, "--format", format);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(format, error);
        Assert.Contains("reclab --help", error);
    }

    [Fact]
    public async Task Fetch_then_info_by_name_through_a_mirror()
    {
        using var server = new LoopbackServer();
        var zip = LoopbackServer.Zip("ml-100k", MovieLensFixtures.MovieLens100K());
        server.Serve("/ml-100k.zip", zip);
        server.Serve("/ml-100k.zip.md5", Encoding.ASCII.GetBytes($"MD5 (ml-100k.zip) = {Convert.ToHexStringLower(MD5.HashData(zip))}\n"));
        var cache = _temp["cache"];

        var fetch = await CliRun.Reclab("data", "fetch", "ml-100k", "--mirror", server.BaseUri.AbsoluteUri, "--cache", cache);

        Assert.Equal(0, fetch.Code);
        Assert.Equal("", fetch.Err);
        Assert.Contains("ml-100k: downloading", fetch.Out);
        Assert.Contains("verified", fetch.Out);
        Assert.DoesNotContain('\u001b', fetch.Out);

        var again = await CliRun.Reclab("data", "fetch", "ml-100k", "--mirror", server.BaseUri.AbsoluteUri, "--cache", cache);
        Assert.Equal(0, again.Code);
        Assert.Contains("already in the cache", again.Out);
        Assert.Equal(1, server.RequestCount("/ml-100k.zip"));

        var info = await CliRun.Reclab("data", "info", "ml-100k", "--cache", cache, "--format", "json");
        Assert.Equal(0, info.Code);
        using var json = JsonDocument.Parse(info.Out);
        var root = json.RootElement;
        Assert.Equal("ml-100k", root.GetProperty("name").GetString());
        Assert.Equal(3, root.GetProperty("users").GetInt32());
        Assert.Equal(4, root.GetProperty("items").GetInt32());
        Assert.Equal(4, root.GetProperty("rated_items").GetInt32());
        Assert.Equal(5, root.GetProperty("interactions").GetInt32());
        Assert.Equal(4, root.GetProperty("user_features").EnumerateObject().Count());

        var list = await CliRun.Reclab("data", "list", "--cache", cache);
        Assert.Contains(list.Out.Split('\n'), l => l.Contains(" ml-100k ") && l.Contains(" yes "));
    }

    [Fact]
    public async Task Fetch_from_a_local_copy_then_info_by_name()
    {
        var folder = MovieLensFixtures.MovieLensCsv().WriteTo(_temp["downloaded-by-hand/ml-latest-small"]);
        var cache = _temp["cache"];

        var fetch = await CliRun.Reclab("data", "fetch", "ml-latest-small", "--from", folder, "--cache", cache);
        var info = await CliRun.Reclab("data", "info", "ml-latest-small", "--cache", cache, "--format", "json");

        Assert.Equal((0, ""), (fetch.Code, fetch.Err));
        Assert.Contains("copied to", fetch.Out);
        Assert.Equal(0, info.Code);
        using var json = JsonDocument.Parse(info.Out);
        Assert.Equal("ml-latest-small", json.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_failed_fetch_exits_1_and_says_why()
    {
        using var server = new LoopbackServer();
        server.Serve("/ml-100k.zip", LoopbackServer.Zip("ml-100k", MovieLensFixtures.MovieLens100K()));
        server.Serve("/ml-100k.zip.md5", Encoding.ASCII.GetBytes($"MD5 (ml-100k.zip) = {new string('f', 32)}\n"));

        var (code, _, error) = await CliRun.Reclab("data", "fetch", "ml-100k", "--mirror", server.BaseUri.AbsoluteUri, "--cache", _temp["cache"]);

        Assert.Equal(1, code);
        Assert.StartsWith("error: ", error);
        Assert.Contains("checksum mismatch", error);
        Assert.Empty(_temp.Files("cache"));
    }
}
