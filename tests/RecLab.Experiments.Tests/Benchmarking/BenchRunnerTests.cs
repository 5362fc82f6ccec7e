using System.Globalization;
using System.Text;
using RecLab.Experiments.Benchmarking;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Benchmarking;

public sealed class BenchRunnerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A MovieLens-latest folder of 40 users x 30 films with taste groups, big enough for 5 folds.</summary>
    private string TinyMovieLens()
    {
        var folder = _temp["ml-tiny"];
        Directory.CreateDirectory(folder);
        var ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (var u = 1; u <= 40; u++)
            for (var i = 1; i <= 30; i++)
                if ((u * 7 + i * 3) % 4 != 0)
                    ratings.Append(CultureInfo.InvariantCulture, $"{u},{i},{(u % 3 == i % 3 ? 4.5 : 2.0)},{1_000_000 + u * 100 + i}\n");
        File.WriteAllText(Path.Combine(folder, "ratings.csv"), ratings.ToString());
        var movies = new StringBuilder("movieId,title,genres\n");
        for (var i = 1; i <= 30; i++)
            movies.Append(CultureInfo.InvariantCulture, $"{i},Film {i} (2000),{(i % 2 == 0 ? "Drama" : "Comedy")}\n");
        File.WriteAllText(Path.Combine(folder, "movies.csv"), movies.ToString());
        return folder;
    }

    [Theory]
    [InlineData(new[] { 0.041 }, 0)]
    [InlineData(new[] { 0.029, 0.025, 0.045 }, 0)] // the note beside a median of 0.029 s comes from that run, not the last
    [InlineData(new[] { 0.3, 0.1, 0.2, 0.4 }, 2)] // even count: the lower of the middle two
    [InlineData(new[] { 0.2, 0.2, 0.2 }, 1)] // ties in run order
    public void A_task_s_note_is_that_of_its_median_run(double[] seconds, int run) =>
        Assert.Equal(run, BenchRunner.MedianRun(seconds));

    [Fact]
    public void A_tiny_bench_times_every_task_and_round_trips_through_json()
    {
        var report = BenchRunner.Run(new BenchOptions { MovieLens = TinyMovieLens(), Repeats = 2, MinimumSeconds = 0, LargeWorld = "synthetic:tiny", Scale = (300, 500, 20_000), AbWorld = "tiny", Threads = 2 },
            ct: TestContext.Current.CancellationToken);

        Assert.Equal(["load-ml-latest-small 2", "biased-mf-5fold 2", "implicit-als 2", "sgd-epochs 1", "sgd-epochs 2", "item-knn-fit 1", "item-knn-fit 2",
            "top10-all-users 2", "synthetic-large 2", "sgd-epochs-large 1", "sgd-epochs-large 2",
            "sgd-epochs-scale 1", "sgd-epochs-scale 2", "implicit-als-scale 1", "implicit-als-scale 2", "ab-day-loop 1", "ab-day-loop 2", "cpu-ceiling 1", "cpu-ceiling 2"],
            report.Tasks.Select(t => $"{t.Name} {t.Threads}"));
        foreach (var task in report.Tasks.Where(t => t.Status == BenchStatus.Ok))
        {
            Assert.Equal(2, task.Seconds.Count);
            Assert.All(task.Seconds, s => Assert.True(s > 0));
            Assert.InRange(task.MedianSeconds!.Value, task.Seconds.Min(), task.Seconds.Max());
            Assert.True(task.PeakWorkingSetBytes > 0);
        }
        Assert.Equal("900 ratings", report.Tasks[0].Note);
        Assert.Equal("40 users", report.Tasks.Single(t => t.Name == "top10-all-users").Note);
        Assert.All(report.Tasks.Where(t => t.Name == "implicit-als-scale"), t => Assert.Equal("300 users x 500 items", t.Note));
        Assert.All(report.Tasks.Where(t => t.Name == "sgd-epochs-scale"), t => Assert.StartsWith("300 users x 500 items, ", t.Note));
        var dayLoop = report.Tasks[^3];
        Assert.Equal((BenchStatus.Ok, "500 users"), (dayLoop.Status, dayLoop.Note));
        Assert.Equal(["200 M steps per thread", "100 M steps per thread"], report.Tasks.Where(t => t.Name == "cpu-ceiling").Select(t => t.Note));
        // The SGD task times its epoch loop: its median run's seconds are its note's time per epoch times 20 epochs
        // (the note is rounded to 0.01 ms, so 20 epochs may be off by up to 0.1 ms).
        var sgd = report.Tasks[3];
        var match = System.Text.RegularExpressions.Regex.Match(sgd.Note!, @"^(\d+\.\d\d) ms per epoch, fit \d+\.\d{3} s$");
        Assert.True(match.Success, sgd.Note);
        var perEpoch = match.Groups[1].Value;
        Assert.Equal(double.Parse(perEpoch, CultureInfo.InvariantCulture) * 20 / 1000, sgd.Seconds[BenchRunner.MedianRun([.. sgd.Seconds])], 1.01e-4);
        Assert.Equal(["sgd-epochs", "item-knn-fit", "sgd-epochs-large", "sgd-epochs-scale", "implicit-als-scale", "ab-day-loop", "cpu-ceiling"], report.Scaling().Select(p => p.One.Name));
        Assert.All(report.Scaling(), p => Assert.Equal((1, 2), (p.One.Threads, p.Many.Threads)));
        Assert.Equal(Environment.ProcessorCount, report.Machine.Cores);

        var path = _temp["bench.json"];
        report.WriteJson(path);
        var back = BenchReport.FromJson(File.ReadAllText(path));
        Assert.Equal(report.Tasks.Select(t => (t.Name, t.Threads, t.Status, t.MedianSeconds)), back.Tasks.Select(t => (t.Name, t.Threads, t.Status, t.MedianSeconds)));
        Assert.Contains("\"median_seconds\"", File.ReadAllText(path));
        var markdown = report.ToMarkdown();
        Assert.Contains("| ab-day-loop | 2 | ", markdown);
        Assert.Contains("Parallel scaling", markdown);
        Assert.Contains($"{report.Machine.Cores} cores", markdown);
    }

    [Fact]
    public void Quick_skips_the_large_world()
    {
        var report = BenchRunner.Run(new BenchOptions { MovieLens = TinyMovieLens(), Repeats = 1, MinimumSeconds = 0, Quick = true, LargeWorld = "synthetic:tiny", AbWorld = "tiny" },
            ct: TestContext.Current.CancellationToken);

        Assert.Equal([BenchStatus.Skipped, BenchStatus.Skipped, BenchStatus.Skipped, BenchStatus.Skipped],
            report.Tasks.Where(t => t.Name.Contains("large") || t.Name.Contains("scale")).Select(t => t.Status));
        Assert.True(report.Quick);
    }

    [Fact]
    public void Short_tasks_repeat_until_they_have_run_the_minimum_time()
    {
        var report = BenchRunner.Run(new BenchOptions { MovieLens = TinyMovieLens(), Repeats = 2, MinimumSeconds = 0.3, Quick = true, AbWorld = "tiny", Threads = 2 },
            ct: TestContext.Current.CancellationToken);

        // Top-10 for 40 users takes well under a millisecond: it stops at the cap, ten times the asked repeats.
        var top = report.Tasks.Single(t => t.Name == "top10-all-users");
        Assert.Equal(2 * BenchOptions.MaxRepeatsFactor, top.Seconds.Count);
        foreach (var task in report.Tasks.Where(t => t.Status == BenchStatus.Ok))
        {
            Assert.InRange(task.Seconds.Count, 2, 2 * BenchOptions.MaxRepeatsFactor);
            Assert.InRange(task.MedianSeconds!.Value, task.Seconds.Min(), task.Seconds.Max());
        }
        // The two thread counts of a scaling task run in rounds: the same number of runs each.
        foreach (var (one, many) in report.Scaling())
            Assert.Equal(one.Seconds.Count, many.Seconds.Count);
        var markdown = report.ToMarkdown();
        Assert.Contains("(20 runs)", markdown);
        Assert.Contains("repeats until it has run 0.3 s, at most 20 runs", markdown);
    }

    [Fact]
    public void Warm_up_runs_come_first_on_the_most_threads_and_are_not_timed()
    {
        var calls = new List<int>();
        var results = BenchRunner.MeasureAlternately("task", "a task", [1, 2], new BenchOptions { MovieLens = "unused", Repeats = 3, MinimumSeconds = 0 },
            threads =>
            {
                calls.Add(threads);
                return new BenchRunner.TaskRun($"run {calls.Count}", calls.Count);
            }, TestContext.Current.CancellationToken, warmup: 2);

        Assert.Equal([2, 2, 1, 2, 1, 2, 1, 2], calls);
        // The timed seconds are those the runs after the warm-up returned: 3, 5, 7 on one thread, 4, 6, 8 on two.
        Assert.Equal([3.0, 5.0, 7.0], results[0].Seconds);
        Assert.Equal([4.0, 6.0, 8.0], results[1].Seconds);
    }

    [Theory]
    [InlineData(4.9, 3)]
    [InlineData(5.0, 1)]
    public void A_long_warm_up_run_ends_the_warm_up(double seconds, int warmupRuns)
    {
        var calls = 0;
        BenchRunner.MeasureAlternately("task", "a task", [1, 2], new BenchOptions { MovieLens = "unused", Repeats = 1, MinimumSeconds = 0 },
            _ => new BenchRunner.TaskRun("run", ++calls <= 3 ? seconds : 0.1), TestContext.Current.CancellationToken, warmup: 3);

        Assert.Equal(warmupRuns + 2, calls);
    }

    [Fact]
    public void The_table_says_how_many_untimed_runs_came_first()
    {
        var report = new BenchReport { StartedUtc = DateTime.UnixEpoch, Quick = true, Repeats = 5, Warmup = 2, Machine = MachineInfo.Current(), Tasks = [] };

        Assert.Contains("a task compared across thread counts first runs 2 times untimed", report.ToMarkdown());
        Assert.DoesNotContain("untimed", (report with { Warmup = 0 }).ToMarkdown());
    }
}
