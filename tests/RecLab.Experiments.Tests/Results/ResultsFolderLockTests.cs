using RecLab.Experiments.Cells;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Results;

/// <summary>Two runs in one folder: a whole run or merge excludes everything, shards of one experiment share it.</summary>
public sealed class ResultsFolderLockTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_second_whole_run_is_refused_naming_the_process_that_holds_the_folder()
    {
        using (ResultsFolderLock.Exclusive(_temp.Path, "reclab run default"))
        {
            var e = Assert.Throws<ResultsFolderException>(() => ResultsFolderLock.Exclusive(_temp.Path, "reclab run other"));

            Assert.StartsWith($"{_temp.Path} is in use by reclab run default (pid {Environment.ProcessId} on {Environment.MachineName}, since ", e.Message);
            Assert.EndsWith("Wait for it to finish, or give this run another --output folder.", e.Message);
            Assert.Throws<ResultsFolderException>(() => ResultsFolderLock.For(_temp.Path, new ShardSpec(0, 2), "reclab run default --shard 0/2"));
        }
        // Released with the lock, and its note with it.
        using (ResultsFolderLock.Exclusive(_temp.Path, "reclab report default"))
            Assert.Equal([".lock.json"], Directory.GetFiles(_temp.Path, ".lock*.json").Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(_temp.Path, ".lock*.json"));
    }

    [Fact]
    public void Shards_share_a_folder_but_not_a_shard_and_a_whole_run_waits_for_all()
    {
        using var first = ResultsFolderLock.For(_temp.Path, new ShardSpec(0, 3), "reclab run default --shard 0/3");
        using var second = ResultsFolderLock.For(_temp.Path, new ShardSpec(1, 3), "reclab run default --shard 1/3");

        var again = Assert.Throws<ResultsFolderException>(() => ResultsFolderLock.For(_temp.Path, new ShardSpec(1, 3), "reclab run default --shard 1/3"));
        Assert.Contains("in use by reclab run default --shard 1/3 (pid ", again.Message);
        Assert.DoesNotContain("--shard 0/3", again.Message);

        var whole = Assert.Throws<ResultsFolderException>(() => ResultsFolderLock.Exclusive(_temp.Path, "reclab merge default"));
        Assert.Contains("reclab run default --shard 0/3 (pid ", whole.Message);
        Assert.Contains("reclab run default --shard 1/3 (pid ", whole.Message);
    }

    [Fact]
    public void A_note_left_by_a_process_that_died_is_not_quoted()
    {
        // A killed run leaves its note (the lock itself dies with the process): a pid that does not run here is not named.
        File.WriteAllText(_temp[".lock.json"], $$"""{"pid": 2147483000, "host": "{{Environment.MachineName}}", "purpose": "ghost", "since_utc": "x"}""");
        using var held = new FileStream(_temp[".lock"], FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var e = Assert.Throws<ResultsFolderException>(() => ResultsFolderLock.Exclusive(_temp.Path, "reclab run default"));

        Assert.Contains("in use by another process (it left no note saying which)", e.Message);
    }
}
