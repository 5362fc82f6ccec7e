using RecLab.Data;
using RecLab.Data.Loading;
using RecLab.Data.Synthetic;

namespace RecLab.Tests.Data.Synthetic;

public sealed class WorldCsvWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reclab-synth-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static World Tiny => SyntheticWorlds.Tiny;

    [Fact]
    public void Writes_every_file_with_a_readme_describing_every_column()
    {
        var folder = Path.Combine(_root, "tiny");
        var written = WorldCsvWriter.Write(Tiny, folder);
        Assert.All(written, f => Assert.True(File.Exists(f), f));
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        foreach (var (file, _, columns) in WorldCsvWriter.Files)
        {
            var header = File.ReadLines(Path.Combine(folder, file)).First().Split(',');
            Assert.Equal(columns.Select(c => c.Name), header);
            var section = readme[readme.IndexOf($"## {file}", StringComparison.Ordinal)..];
            foreach (var column in header)
                Assert.Contains($"| {column} |", section);
        }
        Assert.Contains("| users | 500 |", readme);
        Assert.Equal(Tiny.Log.Totals.Ratings + 1, File.ReadLines(Path.Combine(folder, "ratings.csv")).Count());
        Assert.Equal(Tiny.Log.Impressions.Count + 1, File.ReadLines(Path.Combine(folder, "impressions.csv")).Count());
        Assert.Equal(Tiny.Follows.EdgeCount + 1, File.ReadLines(Path.Combine(folder, "follows.csv")).Count());
    }

    [Fact]
    public void Generic_loader_reads_interactions_back_as_the_implicit_view()
    {
        var folder = Path.Combine(_root, "loadback");
        WorldCsvWriter.Write(Tiny, folder);
        var loaded = DelimitedLoader.Load(Path.Combine(folder, "interactions.csv"),
            options: LoadOptions.Default with { Duplicates = DuplicatePolicy.Sum }).Interactions;
        var expected = Tiny.Implicit();
        Assert.Equal(FeedbackKind.Implicit, loaded.Kind);
        Assert.Equal(expected.Count, loaded.Count);
        Assert.True(loaded.HasTimestamps);
        var rows = new Dictionary<(string, string), (float, long)>();
        for (var u = 0; u < expected.UserCount; u++)
            foreach (var r in Rows(expected, u))
                rows[(expected.Users[u], expected.Items[expected.ItemColumn[r]])] = (expected.ValueColumn[r], expected.TimestampAt(r));
        for (var u = 0; u < loaded.UserCount; u++)
            foreach (var r in Rows(loaded, u))
                Assert.Equal(rows[(loaded.Users[u], loaded.Items[loaded.ItemColumn[r]])], (loaded.ValueColumn[r], loaded.TimestampAt(r)));
    }

    private static IEnumerable<int> Rows(InteractionData data, int user)
    {
        var range = data.RowsOf(user);
        for (var r = range.Start.Value; r < range.End.Value; r++)
            yield return r;
    }

    [Fact]
    public void Refuses_a_folder_in_use_unless_told_to_overwrite_and_leaves_no_temporary_folder()
    {
        var world = SyntheticWorlds.Generate(WorldOptions.Tiny with { Users = 60, Items = 200, Creators = 8, Days = 3 });
        var folder = Path.Combine(_root, "existing");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");
        Assert.Throws<IOException>(() => WorldCsvWriter.Write(world, folder));
        Assert.True(File.Exists(Path.Combine(folder, "keep.txt")));
        WorldCsvWriter.Write(world, folder, overwrite: true);
        Assert.False(File.Exists(Path.Combine(folder, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(folder, "interactions.csv")));
        Assert.Equal(["existing"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));

        var empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);
        WorldCsvWriter.Write(world, empty);
        Assert.True(File.Exists(Path.Combine(empty, "README.md")));
    }

    [Fact]
    public void A_trailing_separator_names_the_same_folder()
    {
        var world = SyntheticWorlds.Generate(WorldOptions.Tiny with { Users = 40, Items = 100, Creators = 5, Days = 2 });
        var written = WorldCsvWriter.Write(world, Path.Combine(_root, "out") + Path.DirectorySeparatorChar);
        Assert.Equal(Path.Combine(_root, "out", "interactions.csv"), written[0]);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_removes_the_parent_folders_it_made()
    {
        var world = SyntheticWorlds.Generate(WorldOptions.Tiny with { Users = 40, Items = 100, Creators = 5, Days = 2 });
        Directory.CreateDirectory(_root);
        // A legal folder name whose temporary sibling (".NAME.tmp-...") is longer than a file name may be.
        var target = Path.Combine(_root, "new", "deeper", new string('w', 240));
        Assert.ThrowsAny<IOException>(() => WorldCsvWriter.Write(world, target));
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Same_world_writes_identical_files()
    {
        var options = WorldOptions.Tiny with { Users = 80, Items = 300, Creators = 10, Days = 4 };
        var a = Path.Combine(_root, "a");
        var b = Path.Combine(_root, "b");
        WorldCsvWriter.Write(SyntheticWorlds.Generate(options, maxThreads: 1), a);
        WorldCsvWriter.Write(SyntheticWorlds.Generate(options), b);
        foreach (var (file, _, _) in WorldCsvWriter.Files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
    }
}
