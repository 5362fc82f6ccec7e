using System.Diagnostics;
using RecLab.Data;
using RecLab.Data.Synthetic;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Recommenders.Neighborhood;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Policies;
using RecLab.Splitting;

namespace RecLab.Experiments.Benchmarking;

/// <summary>
/// The fixed benchmark set of <c>reclab bench</c>: loading ml-latest-small, 5-fold biased MF, implicit ALS, parallel SGD
/// epochs, item-kNN, whole-catalogue top-10 for every user, the large synthetic world with SGD on its ratings, SGD on 10M
/// power-law ratings and implicit ALS on the same pairs as interactions, and the day loop of a 14-day simulated A/B test, and last the ceiling of what the cores give:
/// register-only arithmetic on one thread and on all.
/// Each task runs <see cref="BenchOptions.Repeats"/> times, more when its runs are short
/// (<see cref="BenchOptions.MinimumSeconds"/>; the first run includes JIT compilation, which the median hides when
/// there are three or more, and a task compared across thread counts runs <see cref="BenchOptions.Warmup"/> times untimed
/// first, once if that run takes <see cref="LongWarmupSeconds"/> or more) and reports the median, the peak working set and the
/// managed allocation of a run. The tasks that show parallel scaling (SGD epochs, item-kNN, SGD on the large world and
/// on 10M ratings, ALS on 10M interactions, the A/B day loop, the ceiling) run on one thread and on <see cref="BenchOptions.Threads"/>, alternately, so both medians see the same load.
/// The SGD tasks time their epoch loop, the part the threads share; each note also gives the whole fit's time.
/// </summary>
public static class BenchRunner
{
    /// <summary>Runs the set; <paramref name="progress"/> hears of each task as it starts and ends.</summary>
    public static BenchReport Run(BenchOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repeats, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinimumSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Warmup);
        var started = DateTime.UtcNow;
        var context = new FitContext { Seed = options.Seed, MaxThreads = Math.Max(1, options.Threads), CancellationToken = ct };
        var tasks = new List<BenchTaskResult>();

        var threads = context.MaxThreads;
        BenchTaskResult Time(string name, string description, Func<string> run)
        {
            progress?.Report($"{name}: {options.Repeats} run{(options.Repeats == 1 ? "" : "s")} or more");
            var result = Measure(name, description, threads, options, run, ct);
            progress?.Report($"{name}: median {result.MedianSeconds:0.000} s");
            tasks.Add(result);
            return result;
        }

        // On one thread and on all, alternately: the two medians then share the machine's load.
        void Scaling(string name, string description, Func<FitContext, TaskRun> run)
        {
            int[] counts = threads == 1 ? [1] : [1, threads];
            progress?.Report($"{name}: {options.Repeats} run{(options.Repeats == 1 ? "" : "s")} or more on {string.Join(" and ", counts)} thread(s), alternately");
            var results = MeasureAlternately(name, description, counts, options, t => run(context with { MaxThreads = t }), ct, options.Warmup);
            foreach (var result in results)
                progress?.Report($"{name}, {result.Threads} thread(s): median {result.MedianSeconds:0.000} s");
            tasks.AddRange(results);
        }

        Dataset ml = null!;
        Time("load-ml-latest-small", "read ratings, movies and tags of ml-latest-small into memory", () =>
        {
            ml = DatasetLoader.Load(options.MovieLens);
            return $"{ml.Interactions.Count:N0} ratings";
        });
        var implicitMl = new Dataset(ml.Name, ml.Interactions.ToImplicit(), ml.ItemFeatures, ml.UserFeatures);

        Time("biased-mf-5fold", "biased-mf (Surprise SVD defaults: 100 factors, 20 epochs) fitted and scored on each fold of kfold:5", () =>
        {
            var evaluation = new EvaluationOptions { Metrics = MetricSpec.ParseList("rmse"), MaxThreads = context.MaxThreads, BootstrapResamples = 0 };
            var result = CrossValidation.Run([("biased-mf", "", () => new BiasedMf(new BiasedMfOptions()))], ml, SplitSpec.Parse("kfold:5"), evaluation, options.Seed, ct: ct);
            return $"RMSE {result[0].Metrics[0].Value:0.0000}";
        });

        ImplicitAls als = null!;
        Time("implicit-als", "implicit-als, 64 factors, 15 iterations, on every ml-latest-small rating as an interaction", () =>
        {
            als = new ImplicitAls(new ImplicitAlsOptions { Factors = 64, Iterations = 15 });
            als.Fit(TrainingSet.Of(implicitMl), context);
            return $"{implicitMl.Interactions.Count:N0} interactions";
        });

        Scaling("sgd-epochs", $"biased-mf, 100 factors, {MlSgdEpochs} SGD epochs on a {SgdBlocks}x{SgdBlocks} block grid (the same model on any thread count) over every ml-latest-small rating; timed: the epochs (the fit's serial set-up in the note)",
            c => SgdEpochs(ml, MlSgdEpochs, c));

        Scaling("item-knn-fit", "item-knn (Surprise KNNBasic item-based: MSD, k=40) fitted on every ml-latest-small rating", c =>
        {
            new ItemKnn(new ItemKnnOptions()).Fit(TrainingSet.Of(ml), c);
            return new TaskRun($"{ml.Interactions.ItemCount:N0} items");
        });

        Time("top10-all-users", "top-10 of the whole catalogue for every user from the fitted implicit-als, seen items removed", () =>
            $"{TopTenForEveryUser(als, implicitMl.Interactions, context):N0} users");

        if (options.Quick)
        {
            tasks.Add(new BenchTaskResult { Name = "synthetic-large", Description = $"generate {options.LargeWorld}", Status = BenchStatus.Skipped, Note = "--quick" });
            tasks.Add(new BenchTaskResult { Name = "sgd-epochs-large", Description = $"biased-mf SGD epochs on {options.LargeWorld}", Status = BenchStatus.Skipped, Note = "--quick" });
            tasks.Add(new BenchTaskResult { Name = "sgd-epochs-scale", Description = $"biased-mf SGD epochs on {options.Scale.Interactions:N0} ratings", Status = BenchStatus.Skipped, Note = "--quick" });
            tasks.Add(new BenchTaskResult { Name = "implicit-als-scale", Description = $"implicit-als on {options.Scale.Interactions:N0} interactions", Status = BenchStatus.Skipped, Note = "--quick" });
        }
        else
        {
            Dataset world = null!;
            World largeWorld = null!;
            Time("synthetic-large", $"generate {options.LargeWorld} (users, creators, items, interaction log)", () =>
            {
                largeWorld = World.Generate(SyntheticDataset.Options(options.LargeWorld), context.MaxThreads, cancellationToken: ct);
                world = largeWorld.ToDataset(options.LargeWorld);
                return $"{world.Interactions.Count:N0} interactions";
            });
            // biased-mf predicts ratings: the world's explicit view (the 1-5 ratings its users gave).
            var ratings = new Dataset(options.LargeWorld, largeWorld.Ratings());
            Scaling("sgd-epochs-large", $"biased-mf, 100 factors, {LargeSgdEpochs} SGD epochs on a {SgdBlocks}x{SgdBlocks} block grid over the ratings of {options.LargeWorld}; timed: the epochs",
                c => SgdEpochs(ratings, LargeSgdEpochs, c, $"{ratings.Interactions.Count:N0} ratings, "));
            // Let go of the world (gigabytes): the scale task's peak memory is then its data's and the fit's.
            (world, largeWorld, ratings) = (null!, null!, null!);
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

            // Both kinds of model at the size implicit's fit was measured at (10M interactions, 94,300 x 168,200: 21.7-24.1 s
            // on two threads), on power-law data: a world with 10M interactions takes longer to generate than the fits.
            var rated = PowerLawInteractions.GenerateRatings(options.Scale.Users, options.Scale.Items, options.Scale.Interactions, options.Seed);
            var ratedSet = new Dataset("power-law", rated);
            Scaling("sgd-epochs-scale", $"biased-mf, 100 factors, {LargeSgdEpochs} SGD epochs on a {SgdBlocks}x{SgdBlocks} block grid over {rated.Count:N0} power-law ratings; timed: the epochs",
                c => SgdEpochs(ratedSet, LargeSgdEpochs, c, $"{rated.UserCount:N0} users x {rated.ItemCount:N0} items, "));
            // The same pairs as interactions; the ratings are let go first, so the implicit-als fits' peak memory is their own.
            var scale = rated.ToImplicit();
            (rated, ratedSet) = (null!, null!);
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            // The item-major copy is built once here, not inside the first timed fit.
            _ = scale.ByItem;
            Scaling("implicit-als-scale", $"implicit-als, 64 factors, 15 iterations, on {scale.Count:N0} power-law interactions", c =>
            {
                new ImplicitAls(new ImplicitAlsOptions { Factors = 64, Iterations = 15 }).Fit(new TrainingSet(scale), c);
                return new TaskRun($"{scale.UserCount:N0} users x {scale.ItemCount:N0} items");
            });
            scale = null!;
        }
        var abWorld = World.Generate(WorldOptions.Parse(options.AbWorld), context.MaxThreads, cancellationToken: ct);
        // Fitted once: the timed part is the day loop (rankings, slates, simulated users), which a fresh policy recomputes.
        AbArm[] arms = [AbArm.FromSpec("most-popular", 0.5, "popular"), AbArm.FromSpec("implicit-als:factors=64", 0.5, "als")];
        var fitted = arms.Select((a, k) => Policy.Fit(abWorld, a.Recommender(), abWorld.Implicit(), context with { Seed = Seeds.Derive(options.Seed, (ulong)k) })).ToArray();
        Scaling("ab-day-loop", $"the day loop of a 14-day A/B test on synthetic:{options.AbWorld} after a 7-day pre-period: popularity against implicit-als (64 factors), fitted beforehand", c =>
        {
            var run = AbSimulator.Run(abWorld, new AbTestOptions
            {
                Arms = [.. arms.Select((a, k) => a with { Fitted = fitted[k].With() })],
                Days = 14,
                PreDays = 7,
                Seed = options.Seed,
                MaxThreads = c.MaxThreads,
            }, cancellationToken: ct);
            return new TaskRun($"{run.Arms.Sum(a => a.Users.Count):N0} users");
        });
        Scaling("cpu-ceiling", $"{CeilingSteps / 1_000_000:N0} M steps of four multiply-add chains held in registers, on one thread or split evenly over all: " +
            "nothing to share but the cores, so its speed-up is what they give at the moment, the ceiling of the tasks above", c =>
        {
            var sums = new double[c.MaxThreads];
            Parallel.For(0, sums.Length, new ParallelOptions { MaxDegreeOfParallelism = sums.Length, CancellationToken = ct },
                part => sums[part] = Spin(CeilingSteps / sums.Length));
            // The sums are kept (and unread) so that the loops are not optimised away.
            return new TaskRun($"{CeilingSteps / sums.Length / 1_000_000:N0} M steps per thread");
        });
        return new BenchReport
        {
            StartedUtc = started,
            Quick = options.Quick,
            Repeats = options.Repeats,
            MinimumSeconds = options.MinimumSeconds,
            Warmup = options.Warmup,
            Machine = MachineInfo.Current(),
            Tasks = tasks,
        };
    }

    private const int SgdBlocks = 4;
    private const int MlSgdEpochs = 20;
    private const int LargeSgdEpochs = 5;

    /// <summary>
    /// Fits biased-mf on the block grid; the timed part is the fit's epoch loop (what the threads share), the note gives
    /// the time per epoch and the whole fit's, whose set-up (the initial factors drawn from one stream, as Surprise
    /// does, and the grid built) runs on one thread.
    /// </summary>
    private static TaskRun SgdEpochs(Dataset data, int epochs, FitContext context, string notePrefix = "")
    {
        var progress = new LastProgress();
        var fit = Stopwatch.StartNew();
        new BiasedMf(new BiasedMfOptions { Blocks = SgdBlocks, Epochs = epochs }).Fit(TrainingSet.Of(data), context with { Progress = progress });
        var loop = progress.Last.Elapsed;
        return new TaskRun($"{notePrefix}{loop.TotalMilliseconds / epochs:0.00} ms per epoch, fit {fit.Elapsed.TotalSeconds:0.000} s", loop.TotalSeconds);
    }

    /// <summary>Steps of <see cref="Spin"/> in a run of the cpu-ceiling task: about a third of a second on one core of the bench's machine.</summary>
    private const long CeilingSteps = 200_000_000;

    /// <summary>
    /// Four independent multiply-add chains: the core's arithmetic busy and nothing read from memory, so two threads
    /// running it slow each other only if the host gives the two virtual cores less than two physical ones (on the
    /// bench's 2-vCPU machine the same loop in C, once on each core at the same moment, sometimes took 20-40% longer).
    /// </summary>
    private static double Spin(long steps)
    {
        double a = 1, b = 2, c = 3, d = 4;
        for (var i = 0L; i < steps; i++)
        {
            a = a * 0.999999999 + 1e-9;
            b = b * 0.999999999 + 1e-9;
            c = c * 0.999999999 + 1e-9;
            d = d * 0.999999999 + 1e-9;
        }
        return a + b + c + d;
    }

    /// <summary>What one timed run of a task returns: its note, and the seconds to count when only part of the run is the task.</summary>
    internal readonly record struct TaskRun(string Note, double? TimedSeconds = null)
    {
        public static implicit operator TaskRun(string note) => new(note);
    }

    private static BenchTaskResult Measure(string name, string description, int threads, BenchOptions options, Func<string> run, CancellationToken ct) =>
        MeasureAlternately(name, description, [threads], options, _ => run(), ct)[0];

    /// <summary>A warm-up run at least this long ends the warm-up.</summary>
    internal const double LongWarmupSeconds = 5;

    /// <summary>
    /// Runs the task <paramref name="warmup"/> times untimed on the last thread count (stopping after a run of
    /// <see cref="LongWarmupSeconds"/> or more), then repeats rounds of one run per
    /// thread count, <see cref="BenchOptions.Repeats"/> of them or more until the rounds have taken
    /// <see cref="BenchOptions.MinimumSeconds"/>; the peak memory is that of all of them together.
    /// </summary>
    internal static BenchTaskResult[] MeasureAlternately(string name, string description, int[] threadCounts, BenchOptions options, Func<int, TaskRun> run,
        CancellationToken ct, int warmup = 0)
    {
        var reset = PeakMemory.Reset();
        for (var w = 0; w < warmup; w++)
        {
            ct.ThrowIfCancellationRequested();
            var warming = Stopwatch.StartNew();
            var done = run(threadCounts[^1]);
            // One run of many seconds has called its hot methods often enough for the runtime to have optimised them;
            // a second would only cost time (the 10M implicit-als task: 13-14 s a run on two threads). A task that times
            // part of its run (the SGD epochs) is judged by that part.
            if ((done.TimedSeconds ?? warming.Elapsed.TotalSeconds) >= LongWarmupSeconds)
                break;
        }
        var seconds = new List<double>[threadCounts.Length];
        var allocated = new List<double>[threadCounts.Length];
        var cpu = new List<double>[threadCounts.Length];
        var notes = new List<string>[threadCounts.Length];
        for (var t = 0; t < threadCounts.Length; t++)
            (seconds[t], allocated[t], cpu[t], notes[t]) = ([], [], [], []);
        using var process = Process.GetCurrentProcess();
        var maxRounds = options.Repeats * BenchOptions.MaxRepeatsFactor;
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < maxRounds && (r < options.Repeats || clock.Elapsed.TotalSeconds < options.MinimumSeconds); r++)
        {
            for (var t = 0; t < threadCounts.Length; t++)
            {
                ct.ThrowIfCancellationRequested();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                var done = run(threadCounts[t]);
                notes[t].Add(done.Note);
                seconds[t].Add(done.TimedSeconds ?? stopwatch.Elapsed.TotalSeconds);
                allocated[t].Add(GC.GetTotalAllocatedBytes(precise: true) - before);
                process.Refresh();
                cpu[t].Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            }
        }
        var peak = PeakMemory.Read();
        return [.. threadCounts.Select((threads, t) => new BenchTaskResult
        {
            Name = name,
            Description = description,
            Status = BenchStatus.Ok,
            Threads = threads,
            Seconds = seconds[t],
            MedianSeconds = Median([.. seconds[t]]),
            CpuSeconds = Median([.. cpu[t]]),
            PeakWorkingSetBytes = peak,
            AllocatedBytes = (long)Median([.. allocated[t]]),
            // The note of the median run: the last run's note (its ms per epoch) could contradict the median beside it.
            Note = notes[t][MedianRun([.. seconds[t]])] + (reset ? "" : " (peak memory: process peak so far)"),
        })];
    }

    /// <summary>Keeps the last progress report of a fit (reports arrive on the fitting thread, in order).</summary>
    private sealed class LastProgress : IProgress<FitProgress>
    {
        public FitProgress Last { get; private set; }

        public void Report(FitProgress value) => Last = value;
    }

    /// <summary>Whole-catalogue top-10 for every user, in parallel with a score buffer per thread; returns the users served.</summary>
    private static int TopTenForEveryUser(IRecommender model, InteractionData train, FitContext context)
    {
        var served = 0;
        Parallel.For(0, train.UserCount, context.ParallelOptions,
            () => (Scores: new float[model.ItemCount], Items: new int[10], Top: new float[10], Count: 0),
            (u, _, buffers) =>
            {
                var query = UserQuery.ForUser(train, u);
                if (Ranking.RecommendInto(model, query, buffers.Scores, buffers.Items, buffers.Top) > 0)
                    buffers.Count++;
                return buffers;
            },
            buffers => Interlocked.Add(ref served, buffers.Count));
        return served;
    }

    /// <summary>The run whose time is the median (the lower of the middle two for an even count).</summary>
    internal static int MedianRun(double[] seconds)
    {
        var order = Enumerable.Range(0, seconds.Length).OrderBy(r => seconds[r]).ThenBy(r => r).ToArray();
        return order[(order.Length - 1) / 2];
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
