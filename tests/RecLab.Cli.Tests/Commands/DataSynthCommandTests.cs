namespace RecLab.Cli.Tests.Commands;

public sealed class DataSynthCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reclab-cli-synth-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRun.Reclab(args);

    [Fact]
    public async Task Synth_writes_the_csv_files_and_prints_the_figures()
    {
        var folder = Path.Combine(_root, "out");
        var (code, output, error) = await Run("data", "synth", "--preset", "tiny", "--seed", "3", "--set", "users=120", "--set", "days=5", "--out", folder);
        Assert.True(code == 0, error);
        foreach (var file in new[] { "interactions.csv", "ratings.csv", "items.csv", "users.csv", "creators.csv", "follows.csv", "impressions.csv", "README.md" })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        Assert.Contains("synthetic:tiny?users=120&days=5&seed=3: generated in", output);
        Assert.Contains("CTR", output);
        Assert.Equal(121, File.ReadLines(Path.Combine(folder, "users.csv")).Count());
        // The calibration table beside the files, and on screen.
        var calibration = File.ReadAllText(Path.Combine(folder, "calibration.md"));
        Assert.Contains("| campaign ROAS |", calibration);
        Assert.Contains("https://", calibration);
        Assert.Contains("calibration of synthetic:tiny?users=120&days=5&seed=3", output);

        var again = await Run("data", "synth", "--preset", "tiny", "--set", "users=50", "--out", folder);
        Assert.Equal(2, again.Code);
        Assert.Contains("--force", again.Err);
        var forced = await Run("data", "synth", "--preset", "tiny", "--set", "users=50", "--set", "days=2", "--out", folder, "--force");
        Assert.Equal(0, forced.Code);
        Assert.Equal(51, File.ReadLines(Path.Combine(folder, "users.csv")).Count());
    }

    [Fact]
    public async Task Synth_takes_the_folder_with_a_trailing_separator_as_the_folder()
    {
        var folder = Path.Combine(_root, "synth") + Path.DirectorySeparatorChar;
        var (code, _, error) = await Run("data", "synth", "--preset", "tiny", "--set", "users=40", "--set", "days=2", "--out", folder);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(folder, "users.csv")));
        // Nothing else beside or inside it: the temporary folder was renamed into place.
        Assert.Equal(["synth"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(folder), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public async Task Synth_rejects_unknown_keys_listing_the_valid_ones()
    {
        var (code, _, error) = await Run("data", "synth", "--preset", "tiny", "--set", "user=5", "--out", Path.Combine(_root, "x"));
        Assert.Equal(2, code);
        Assert.Contains("did you mean 'users'", error);
        Assert.False(Directory.Exists(Path.Combine(_root, "x")));
    }

    [Fact]
    public async Task Info_describes_a_synthetic_dataset()
    {
        var (code, output, error) = await Run("data", "info", "synthetic:tiny?users=150&days=5", "--format", "json");
        Assert.True(code == 0, error);
        Assert.Contains("\"users\": 150", output);
        Assert.Contains("\"item_features\"", output);
        var calibration = System.Text.Json.Nodes.JsonNode.Parse(output)!["calibration"]!;
        Assert.Equal("tiny?users=150&days=5", calibration["world"]!.GetValue<string>());
        Assert.Contains("campaign ROAS", calibration["figures"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Info_prints_the_calibration_table_of_the_default_world_every_figure_in_range_with_its_source()
    {
        var (code, output, error) = await Run("data", "info", "synthetic:small");
        Assert.True(code == 0, error);
        Assert.Contains("calibration of synthetic:small against published ranges", output);
        foreach (var figure in new[] { "organic feed CTR", "sponsored CTR", "session conversion", "click-to-purchase of ads", "average order value",
                     "creator fee per thousand", "platform CPM", "campaign ROAS" })
            Assert.Contains(figure, output);
        Assert.DoesNotContain("NO", output);
        Assert.Contains("WordStream", output);
        Assert.Contains("https://vwo.com/blog/ecommerce-conversion-rate/", output);
    }
}
