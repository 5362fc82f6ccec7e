using System.Diagnostics;
using RecLab.Experiments.Reports;
using RecLab.Experiments.Results;
using RecLab.Recommenders;

namespace RecLab.Experiments.Execution;

/// <summary>
/// Joins the results folders of shards of one experiment (<c>reclab merge</c>): checks they ran the same
/// configuration, copies every cell file (and its per-user file) and every finished A/B test into one folder, and
/// writes the reports from them, which gives the same bytes as a single-process run.
/// </summary>
public static class ResultMerger
{
    /// <summary>Merges <paramref name="folders"/> into <paramref name="output"/> (default: the experiment's <c>OUTPUT/NAME</c>).</summary>
    /// <exception cref="ArgumentException">No folders, or folders of different configurations.</exception>
    public static MergeResult Merge(IReadOnlyList<string> folders, string? output = null, RecommenderRegistry? registry = null)
    {
        if (folders.Count == 0)
            throw new ArgumentException("Give at least one results folder to merge.", nameof(folders));
        var stopwatch = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        var plans = folders.Select(f => (Folder: f, Plan: ExperimentResults.ReadPlan(f, registry))).ToList();
        var plan = plans[0].Plan;
        var different = plans.Where(p => p.Plan.ConfigHash != plan.ConfigHash).Select(p => p.Folder).ToList();
        if (different.Count > 0)
            throw new ArgumentException($"{string.Join(", ", different)} ran a different configuration than {folders[0]} " +
                $"(configuration hash {plan.ConfigHash[..16]}); merge only shards of one experiment run with the same file and --set options.");

        var shardManifests = ShardManifests(folders);
        var keys = shardManifests.Select(m => m.PseudonymKeyId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count > 1)
            throw new ArgumentException($"the shards pseudonymised user ids with {keys.Count} different keys (fingerprints {string.Join(", ", keys)}): " +
                "their per-user files would not pair. Run every shard with the same RECLAB_PSEUDONYM_KEY.");

        var store = new CellStore(output ?? Path.Combine(plan.Config.Output, plan.Config.Name));
        using var folderLock = ResultsFolderLock.Exclusive(store.Folder, $"reclab merge {plan.Config.Name}");
        ResultsFolder.Claim(store.Folder, plan, replace: false, "Merge into another folder with --output DIR.", registry);
        var shards = folders.Select(f => new CellStore(f)).Where(s => s.Folder != store.Folder).ToList();
        var copied = 0;
        foreach (var cell in plan.Cells)
        {
            if (store.TryLoad(cell.Id)?.Status == CellRecord.Succeeded)
                continue;
            // A success in any shard wins over a failure in another (a shard may have been rerun).
            var source = shards.Select(s => (Store: s, Record: s.TryLoad(cell.Id))).Where(x => x.Record is not null)
                .OrderBy(x => x.Record!.Status == CellRecord.Succeeded ? 0 : 1).FirstOrDefault();
            if (source.Record is null)
                continue;
            if (source.Record.PerUser is { } perUser)
                Copy(Path.Combine(source.Store.Folder, perUser), Path.Combine(store.Folder, perUser));
            Copy(source.Store.CellPath(cell.Id), store.CellPath(cell.Id));
            copied++;
        }

        // Each A/B test from the folder that finished it for this very configuration (its marker copied last).
        int abMissing = 0, abCopied = 0;
        foreach (var test in plan.AbTests)
        {
            if (AbTestOutputs.IsFinished(store.Folder, test))
                continue;
            var source = shards.FirstOrDefault(s => AbTestOutputs.IsFinished(s.Folder, test));
            if (source is null)
            {
                abMissing++;
                continue;
            }
            AbTestOutputs.Copy(AbTestOutputs.FolderOf(source.Folder, test.Name), AbTestOutputs.FolderOf(store.Folder, test.Name), Copy);
            abCopied++;
        }

        var results = ExperimentResults.Load(plan, store);
        Manifest.Write(store.Folder, new Manifest
        {
            Experiment = plan.Config.Name,
            ConfigHash = plan.ConfigHash,
            Seed = plan.Config.Seed,
            RepeatSeeds = plan.RepeatSeeds,
            Shard = "merged",
            CellsTotal = plan.Cells.Count,
            CellsInShard = plan.Cells.Count,
            CellsReused = results.Records.Count - copied,
            CellsSucceeded = results.Records.Values.Count(r => r.Status == CellRecord.Succeeded),
            CellsFailed = results.Failed.Count,
            Cancelled = false,
            Datasets = shardManifests.SelectMany(m => m.Datasets).DistinctBy(d => (d.Name, d.Sha256)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList(),
            PseudonymKeyId = keys.Count == 1 ? keys[0] : null,
            RecLabVersion = Execution.Versions.RecLab,
            GitCommit = Execution.Versions.GitCommit,
            DotNet = Execution.Versions.DotNet,
            Os = Execution.Versions.Os,
            Cores = Environment.ProcessorCount,
            Jobs = 0,
            ThreadsPerCell = 0,
            StartedUtc = started.ToString("O"),
            WallSeconds = stopwatch.Elapsed.TotalSeconds,
            Shards = shardManifests,
        });
        // After the manifest, which report.html shows.
        ReportWriters.WriteAll(results);
        return new MergeResult(store.Folder, plan.Cells.Count, copied, results.Failed.Count, results.Missing.Count)
        {
            AbTests = plan.AbTests.Count,
            AbTestsCopied = abCopied,
            AbTestsMissing = abMissing,
        };
    }

    private static void Copy(string from, string to)
    {
        if (Path.GetFullPath(from) == Path.GetFullPath(to))
            return;
        using var source = File.OpenRead(from);
        AtomicFile.Write(to, source.CopyTo);
    }

    private static List<Manifest> ShardManifests(IReadOnlyList<string> folders) => folders
        .SelectMany(f => Directory.Exists(f) ? Directory.EnumerateFiles(f, "manifest*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        .Select(Manifest.TryRead).OfType<Manifest>().Where(m => m.Shard != "merged").ToList();
}
