using System.Diagnostics;
using RecLab.Data;
using RecLab.Data.Synthetic;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Recommenders.Neighborhood;
using RecLab.Simulation.AbTesting;
using RecLab.Splitting;

namespace RecLab.Experiments.Benchmarking;

/// <summary>
/// The fixed benchmark set of <c>reclab bench</c>: loading ml-latest-small, 5-fold biased MF, implicit ALS, item-kNN,
/// whole-catalogue top-10 for every user, the large synthetic world and ALS on it, and a 14-day simulated A/B test. Each task runs
/// <see cref="BenchOptions.Repeats"/> times (the first run includes JIT compilation; the median hides it when there
/// are three or more) and reports the median, the peak working set and the managed allocation of a run.
/// </summary>
public static class BenchRunner
{
    /// <summary>Runs the set; <paramref name="progress"/> hears of each task as it starts and ends.</summary>
    public static BenchReport Run(BenchOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repeats, 1);
        var started = DateTime.UtcNow;
        var context = new FitContext { Seed = options.Seed, MaxThreads = Math.Max(1, options.Threads), CancellationToken = ct };
        var tasks = new List<BenchTaskResult>();

        BenchTaskResult Time(string name, string description, Func<string> run)
        {
            progress?.Report($"{name}: {options.Repeats} run{(options.Repeats == 1 ? "" : "s")}");
            var result = Measure(name, description, options.Repeats, run, ct);
            progress?.Report($"{name}: median {result.MedianSeconds:0.000} s");
            tasks.Add(result);
            return result;
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

        Time("item-knn-fit", "item-knn (Surprise KNNBasic item-based: MSD, k=40) fitted on every ml-latest-small rating", () =>
        {
            new ItemKnn(new ItemKnnOptions()).Fit(TrainingSet.Of(ml), context);
            return $"{ml.Interactions.ItemCount:N0} items";
        });

        Time("top10-all-users", "top-10 of the whole catalogue for every user from the fitted implicit-als, seen items removed", () =>
            $"{TopTenForEveryUser(als, implicitMl.Interactions, context):N0} users");

        if (options.Quick)
        {
            tasks.Add(new BenchTaskResult { Name = "synthetic-large", Description = $"generate {options.LargeWorld}", Status = BenchStatus.Skipped, Note = "--quick" });
            tasks.Add(new BenchTaskResult { Name = "implicit-als-large", Description = $"implicit-als on {options.LargeWorld}", Status = BenchStatus.Skipped, Note = "--quick" });
        }
        else
        {
            Dataset world = null!;
            Time("synthetic-large", $"generate {options.LargeWorld} (users, creators, items, interaction log)", () =>
            {
                world = SyntheticDataset.Load(options.LargeWorld, withFeatures: true, maxThreads: context.MaxThreads, cancellationToken: ct);
                return $"{world.Interactions.Count:N0} interactions";
            });
            Time("implicit-als-large", $"implicit-als, 64 factors, 15 iterations, on {options.LargeWorld}", () =>
            {
                new ImplicitAls(new ImplicitAlsOptions { Factors = 64, Iterations = 15 }).Fit(TrainingSet.Of(world), context);
                return $"{world.Interactions.UserCount:N0} users x {world.Interactions.ItemCount:N0} items";
            });
        }
        var abWorld = World.Generate(WorldOptions.Parse(options.AbWorld), context.MaxThreads, cancellationToken: ct);
        Time("ab-14-days", $"a 14-day A/B test on synthetic:{options.AbWorld} after a 7-day pre-period: popularity against implicit-als (64 factors), fits included", () =>
        {
            var run = AbSimulator.Run(abWorld, new AbTestOptions
            {
                Arms = [AbArm.FromSpec("most-popular", 0.5, "popular"), AbArm.FromSpec("implicit-als:factors=64", 0.5, "als")],
                Days = 14,
                PreDays = 7,
                Seed = options.Seed,
                MaxThreads = context.MaxThreads,
            }, cancellationToken: ct);
            return $"{run.Arms.Sum(a => a.Users.Count):N0} users, {run.Timing.CpuSeconds:0.0} s of CPU";
        });
        return new BenchReport
        {
            StartedUtc = started,
            Quick = options.Quick,
            Repeats = options.Repeats,
            Machine = MachineInfo.Current(),
            Tasks = tasks,
        };
    }

    private static BenchTaskResult Measure(string name, string description, int repeats, Func<string> run, CancellationToken ct)
    {
        var reset = PeakMemory.Reset();
        var seconds = new double[repeats];
        var allocated = new long[repeats];
        var cpu = new double[repeats];
        using var process = Process.GetCurrentProcess();
        var note = "";
        for (var r = 0; r < repeats; r++)
        {
            ct.ThrowIfCancellationRequested();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            note = run();
            seconds[r] = stopwatch.Elapsed.TotalSeconds;
            allocated[r] = GC.GetTotalAllocatedBytes(precise: true) - before;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        }
        return new BenchTaskResult
        {
            Name = name,
            Description = description,
            Status = BenchStatus.Ok,
            Seconds = seconds,
            MedianSeconds = Median(seconds),
            CpuSeconds = Median(cpu),
            PeakWorkingSetBytes = PeakMemory.Read(),
            AllocatedBytes = (long)Median(allocated.Select(a => (double)a).ToArray()),
            Note = reset ? note : note + " (peak memory: process peak so far)",
        };
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

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
