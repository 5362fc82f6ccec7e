using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using RecLab.Data.Synthetic;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Reports;
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
/// whose <c>test.json</c> holds the id of its definition (<see cref="AbTestUnit"/>) is skipped, so a rerun resumes as cells do.
/// </summary>
internal static class AbTestExecutor
{
    /// <summary>Runs every test of <paramref name="tests"/> not already finished; returns the errors of those that failed (test name, message).</summary>
    public static IReadOnlyList<(string Test, string Error)> RunAll(ExperimentPlan plan, IReadOnlyList<AbTestUnit> tests, RunOptions options, string folder,
        Pseudonymizer? pseudonyms, out int ran, CancellationToken ct)
    {
        var failures = new List<(string, string)>();
        ran = 0;
        foreach (var test in tests)
        {
            ct.ThrowIfCancellationRequested();
            if (!options.Fresh && AbTestOutputs.IsFinished(folder, test))
                continue;
            try
            {
                ran++;
                var progress = options.AbProgress is { } report ? new Forward(test.Name, report) : null;
                Run(plan, test, options.Registry, AbTestOutputs.FolderOf(folder, test.Name), pseudonyms, progress, ct);
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

    private static void Run(ExperimentPlan plan, AbTestUnit unit, RecommenderRegistry registry, string output, Pseudonymizer? pseudonyms,
        IProgress<AbProgress>? progress, CancellationToken ct)
    {
        var test = unit.Test;
        var clock = Stopwatch.StartNew();
        var threads = Math.Max(1, Environment.ProcessorCount);
        var world = World.Generate(WorldOptions.Parse(test.World), threads, cancellationToken: ct);
        var generateSeconds = clock.Elapsed.TotalSeconds;
        var seed = Seeds.Derive(plan.Config.Seed, "ab:" + test.Name);
        var campaign = test.Campaign is { } c ? new CampaignSlots(world, c, test.Days) : null;
        var arms = test.Arms.Select((arm, a) =>
        {
            var (name, kind, recommenderOptions) = unit.Arms[a];
            var info = registry.Get(kind);
            return new AbArm
            {
                Name = name, Traffic = arm.Traffic, Recommender = () => info.Create(recommenderOptions),
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
        }, progress, ct);
        var report = AbAnalysis.Analyze(run, new AbAnalysisOptions
        {
            Metrics = AnalysedMetrics(test),
            Alpha = plan.Config.Evaluation.Alpha,
            BootstrapResamples = plan.Config.Evaluation.BootstrapResamples,
            Seed = Seeds.Derive(seed, "analysis"),
        });

        AbTestOutputs.Clear(output);
        Directory.CreateDirectory(output);
        AbResultFiles.WriteDaily(Path.Combine(output, AbResultFiles.Daily), report);
        AbResultFiles.WriteSummary(Path.Combine(output, AbResultFiles.Summary), report);
        AbResultFiles.WriteCreators(Path.Combine(output, AbResultFiles.Creators), report);
        AbResultFiles.WriteRegret(Path.Combine(output, AbResultFiles.Regret), report);
        AbResultFiles.WriteUsers(Path.Combine(output, AbResultFiles.Users), run, pseudonyms is null ? null : pseudonyms.Pseudonym);
        AtomicFile.WriteAllText(Path.Combine(output, AbResultFiles.Section), AbMarkdown.Render(test, run, report));
        var t = run.Timing;
        var marker = new JsonObject
        {
            ["id"] = unit.Id,
            ["definition"] = JsonNode.Parse(unit.Definition),
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
        AtomicFile.WriteAllText(Path.Combine(output, AbTestOutputs.MarkerFileName), marker.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The configured metrics the analysis tests over users: all but <c>creator-coverage</c>, an arm-level figure (creators.csv).</summary>
    internal static IReadOnlyList<string> AnalysedMetrics(AbTestConfig test) => [.. test.Metrics.Where(m => m != "creator-coverage")];

    /// <summary>The simulator's steps, named by test, on the simulating thread (so lines come out in order).</summary>
    private sealed class Forward(string test, IProgress<AbTestProgress> target) : IProgress<AbProgress>
    {
        public void Report(AbProgress value) => target.Report(new AbTestProgress(test, value));
    }
}
