using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using RecLab.Data.Synthetic;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Results;
using RecLab.Experiments.Schema;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Simulation.AbTesting;
using RecLab.Simulation.Statistics;

namespace RecLab.Experiments.Execution;

/// <summary>
/// Runs the <c>ab_tests</c> of an experiment, each into <c>ab/NAME/</c>: the simulation, its analysis, and the files
/// (daily.csv, summary.csv, creators.csv, users.csv, section.md) written atomically, then <c>test.json</c> last. A test
/// whose <c>test.json</c> holds the same definition hash is skipped, so a rerun resumes as cells do.
/// </summary>
internal static class AbTestExecutor
{
    /// <summary>Name of the marker written last; a test is finished when it exists with the current hash.</summary>
    public const string MarkerFileName = "test.json";

    /// <summary>The folder of a test's outputs under a results folder.</summary>
    public static string FolderOf(string resultsFolder, string test) => Path.Combine(resultsFolder, "ab", test);

    /// <summary>Runs every test not already finished; returns the errors of those that failed (test name, message).</summary>
    public static IReadOnlyList<(string Test, string Error)> RunAll(ExperimentPlan plan, RunOptions options, string folder, CancellationToken ct)
    {
        var failures = new List<(string, string)>();
        foreach (var test in plan.Config.AbTests)
        {
            ct.ThrowIfCancellationRequested();
            var definition = Definition(plan, test, options.Registry);
            var hash = CanonicalJson.Sha256(CanonicalJson.Write(definition))[..16];
            var output = FolderOf(folder, test.Name);
            if (!options.Fresh && Finished(output, hash))
                continue;
            try
            {
                Run(plan, test, options, output, definition, hash, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                failures.Add((test.Name, $"{e.GetType().Name}: {e.Message}"));
            }
        }
        return failures;
    }

    /// <summary>Everything that determines a test's results: the test, its arms' algorithms with their options, the seed.</summary>
    private static JsonObject Definition(ExperimentPlan plan, AbTestConfig test, RecommenderRegistry registry)
    {
        var arms = new JsonArray();
        foreach (var arm in test.Arms)
        {
            var (kind, options) = Algorithm(plan.Config, arm.Algorithm, registry);
            arms.Add(new JsonObject
            {
                ["name"] = arm.Name ?? arm.Algorithm,
                ["traffic"] = CanonicalJson.ToNode(arm.Traffic),
                ["kind"] = kind,
                ["options"] = CanonicalJson.ToNode(options),
            });
            if (arm.Plan is { } strategy)
                arms[^1]!["plan"] = strategy.ToString();
        }
        var node = CanonicalJson.ToNode(test)!.AsObject();
        node["arms"] = arms;
        return new JsonObject { ["format"] = 1, ["seed"] = plan.Config.Seed, ["test"] = node };
    }

    private static (string Kind, RecommenderOptions Options) Algorithm(ExperimentConfig config, string label, RecommenderRegistry registry)
    {
        var algorithm = config.Algorithms.First(a => a.Label == label);
        var info = registry.Get(algorithm.Kind);
        // The validator allows only single-point grids here: that one point is the arm's configuration.
        var options = ConfigBinder.GridPoints(algorithm.Options!, algorithm.Grid).Single();
        return (info.Name, options);
    }

    private static bool Finished(string output, string hash)
    {
        var marker = Path.Combine(output, MarkerFileName);
        if (!File.Exists(marker))
            return false;
        try
        {
            return JsonNode.Parse(File.ReadAllText(marker))?["id"]?.GetValue<string>() == hash;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static void Run(ExperimentPlan plan, AbTestConfig test, RunOptions options, string output, JsonObject definition, string hash,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var threads = Math.Max(1, Environment.ProcessorCount);
        var world = World.Generate(WorldOptions.Parse(test.World), threads, cancellationToken: ct);
        var generateSeconds = clock.Elapsed.TotalSeconds;
        var seed = Seeds.Derive(plan.Config.Seed, "ab:" + test.Name);
        var campaign = test.Campaign is { } c ? new CampaignSlots(world, c, test.Days) : null;
        var arms = test.Arms.Select(arm =>
        {
            var (kind, recommenderOptions) = Algorithm(plan.Config, arm.Algorithm, options.Registry);
            var info = options.Registry.Get(kind);
            return new AbArm
            {
                Name = arm.Name ?? arm.Algorithm, Traffic = arm.Traffic, Recommender = () => info.Create(recommenderOptions),
                Sponsored = campaign?.For(arm.Plan),
            };
        }).ToList();
        var run = AbSimulator.Run(world, new AbTestOptions
        {
            Arms = arms,
            Days = test.Days,
            PreDays = test.PreDays,
            RetrainEvery = test.RetrainEvery,
            Seed = seed,
            Salt = test.Name,
            MaxThreads = threads,
        }, cancellationToken: ct);
        var report = AbAnalysis.Analyze(run, new AbAnalysisOptions
        {
            Metrics = AnalysedMetrics(test),
            Alpha = plan.Config.Evaluation.Alpha,
            BootstrapResamples = plan.Config.Evaluation.BootstrapResamples,
            Seed = Seeds.Derive(seed, "analysis"),
        });

        Directory.CreateDirectory(output);
        AbResultFiles.WriteDaily(Path.Combine(output, AbResultFiles.Daily), report);
        AbResultFiles.WriteSummary(Path.Combine(output, AbResultFiles.Summary), report);
        AbResultFiles.WriteCreators(Path.Combine(output, AbResultFiles.Creators), report);
        AbResultFiles.WriteRegret(Path.Combine(output, AbResultFiles.Regret), report);
        AbResultFiles.WriteUsers(Path.Combine(output, AbResultFiles.Users), run);
        AtomicFile.WriteAllText(Path.Combine(output, AbResultFiles.Section), AbSection.Render(test, run, report));
        var t = run.Timing;
        var marker = new JsonObject
        {
            ["id"] = hash,
            ["definition"] = definition,
            ["finished_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["threads"] = threads,
            ["seconds"] = new JsonObject
            {
                ["generate_world"] = generateSeconds,
                ["fit"] = t.FitSeconds,
                ["pre_period"] = t.PrePeriodSeconds,
                ["test"] = t.TestSeconds,
                ["retrain"] = t.RetrainSeconds,
                ["simulation_wall"] = t.WallSeconds,
                // CPU time of the process during the simulation: the honest figure on a shared, loaded machine.
                ["simulation_cpu"] = t.CpuSeconds,
                ["total"] = clock.Elapsed.TotalSeconds,
            },
        };
        AtomicFile.WriteAllText(Path.Combine(output, MarkerFileName), marker.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The configured metrics the analysis tests over users: all but <c>creator-coverage</c>, an arm-level figure (creators.csv).</summary>
    internal static IReadOnlyList<string> AnalysedMetrics(AbTestConfig test) => [.. test.Metrics.Where(m => m != "creator-coverage")];
}
