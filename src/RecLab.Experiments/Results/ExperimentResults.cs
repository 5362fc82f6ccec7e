using RecLab.Evaluation;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Randomness;
using RecLab.Recommenders;

namespace RecLab.Experiments.Results;

/// <summary>
/// An experiment's results assembled from its stored cells alone (so a single run, a resumed run and merged shards
/// give the same bytes): per-cell records, tables aggregated over folds and repeats, comparisons with the baseline.
/// </summary>
public sealed partial class ExperimentResults
{
    /// <summary>The resolved configuration saved beside the results, read back by <c>reclab merge</c> and <c>reclab report</c>.</summary>
    public const string ConfigFileName = "experiment.yaml";

    private ExperimentResults(ExperimentPlan plan, ICellStore store, IReadOnlyDictionary<string, CellRecord> records, IReadOnlyList<ResultTable> tables)
    {
        Plan = plan;
        Store = store;
        Records = records;
        Tables = tables;
    }

    /// <summary>The experiment.</summary>
    public ExperimentPlan Plan { get; }

    /// <summary>Where the cells are.</summary>
    public ICellStore Store { get; }

    /// <summary>The results folder, where the reports are written.</summary>
    /// <exception cref="InvalidOperationException">The cells are kept in memory (<see cref="MemoryCellStore"/>): there is no folder.</exception>
    public string Folder => Store.Folder ?? throw new InvalidOperationException("These results are kept in memory: they have no results folder to write to.");

    /// <summary>The stored record of every cell that has one, by id.</summary>
    public IReadOnlyDictionary<string, CellRecord> Records { get; }

    /// <summary>One table per (dataset, split), in file order.</summary>
    public IReadOnlyList<ResultTable> Tables { get; }

    /// <summary>Cells whose stored record is a failure, in plan order.</summary>
    public IReadOnlyList<(Cell Cell, CellRecord Record)> Failed =>
        Plan.Cells.Where(c => Records.TryGetValue(c.Id, out var r) && r.Status != CellRecord.Succeeded).Select(c => (c, Records[c.Id])).ToList();

    /// <summary>Cells without a stored record (not run yet, or in a shard not merged).</summary>
    public IReadOnlyList<Cell> Missing => Plan.Cells.Where(c => !Records.ContainsKey(c.Id)).ToList();

    /// <summary>Reads the saved configuration of a results folder (without checking that its data sources exist here).</summary>
    public static ExperimentPlan ReadPlan(string folder, RecommenderRegistry? registry = null)
    {
        var path = Path.Combine(folder, ConfigFileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{folder} is not an experiment results folder: it has no {ConfigFileName}.", path);
        var config = ExperimentFile.Parse(File.ReadAllText(path), path, null, registry, checkSources: false);
        return ExperimentPlan.Create(config, registry);
    }

    /// <summary>Assembles the results of <paramref name="plan"/> from <paramref name="store"/>.</summary>
    public static ExperimentResults Load(ExperimentPlan plan, ICellStore store)
    {
        var records = new Dictionary<string, CellRecord>(StringComparer.Ordinal);
        foreach (var cell in plan.Cells)
            if (store.TryLoad(cell.Id) is { } record)
                records[cell.Id] = record;
        var tables = new List<ResultTable>();
        var config = plan.Config;
        var options = plan.EvaluationOptions(Environment.ProcessorCount);
        foreach (var dataset in config.Datasets)
        {
            foreach (var split in config.Splits)
            {
                foreach (var onboarding in split.Onboarding is { Count: > 0 } sizes ? sizes.Select(n => (int?)n) : [null])
                {
                    var label = ExperimentPlan.SplitLabel(split, onboarding);
                    var cells = plan.Cells.Where(c => c.Dataset == dataset.Name && c.Split == label).ToList();
                    tables.Add(Table(plan, store, records, cells, dataset.Name, label, options) with { Onboarding = onboarding, BaseSplit = split.Label });
                }
            }
        }
        return new ExperimentResults(plan, store, records, tables);
    }

    private static ResultTable Table(ExperimentPlan plan, ICellStore store, Dictionary<string, CellRecord> records, List<Cell> cells,
        string dataset, string split, EvaluationOptions options)
    {
        var seed = plan.Config.Seed;
        var ok = cells.Where(c => records.TryGetValue(c.Id, out var r) && r.Status == CellRecord.Succeeded).ToList();
        var perUser = ok.ToDictionary(c => c.Id, c => store.LoadPerUser(records[c.Id]), StringComparer.Ordinal);
        // Users become dense keys in one fixed order (sorted ids), the same whichever process wrote the cells.
        var userIndex = perUser.Values.SelectMany(p => p).SelectMany(p => p.Users).Distinct().Order(StringComparer.Ordinal)
            .Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);

        var rows = new List<ResultRow>();
        var compared = new List<CrossValidationResult>();
        foreach (var configuration in plan.Configurations)
        {
            var mine = cells.Where(c => c.Configuration == configuration).ToList();
            if (mine.Count == 0)
                continue;
            var succeeded = mine.Where(c => perUser.ContainsKey(c.Id)).ToList();
            var folds = succeeded.Select(c => Rebuild(plan, c, records[c.Id], perUser[c.Id], userIndex)).ToList();
            var metrics = folds.Count == 0 ? [] : CrossValidation.Aggregate(folds, options, Seeds.Derive(seed, $"aggregate|{dataset}|{split}|{configuration}"));
            var first = mine[0];
            rows.Add(new ResultRow
            {
                Configuration = configuration,
                Algorithm = first.Algorithm,
                Kind = first.Kind,
                Parameters = first.Parameters,
                Cells = mine.Count,
                Succeeded = succeeded.Count,
                Metrics = metrics,
                FitSeconds = succeeded.Count == 0 ? double.NaN : succeeded.Average(c => records[c.Id].FitSeconds),
                EvaluationSeconds = succeeded.Count == 0 ? double.NaN : succeeded.Average(c => records[c.Id].EvaluationSeconds),
                PeakWorkingSetBytes = succeeded.Count == 0 ? 0 : succeeded.Max(c => records[c.Id].PeakWorkingSetBytes),
                Buckets = ActivityBreakdown.Pool(succeeded.Select(c => records[c.Id].Buckets ?? []).ToList()),
            });
            if (folds.Count > 0)
                compared.Add(new CrossValidationResult { Algorithm = first.Kind, Label = configuration, Parameters = first.Parameters, Folds = folds, Metrics = metrics });
        }
        var comparisons = plan.Baseline is { } baseline && compared.Any(r => r.Label == baseline) && compared.Count > 1
            ? Comparisons.Compare(compared, Seeds.Derive(seed, $"compare|{dataset}|{split}"), baseline,
                Math.Max(1, plan.Config.Evaluation.BootstrapResamples), plan.Config.Evaluation.ConfidenceLevel)
            : [];
        return new ResultTable { Dataset = dataset, Split = split, Rows = rows, Comparisons = comparisons };
    }

    /// <summary>A stored cell as the evaluator's result, its fold numbered across repeats so pairing keys stay distinct.</summary>
    private static EvaluationResult Rebuild(ExperimentPlan plan, Cell cell, CellRecord record, IReadOnlyList<PerUserValues> perUser, Dictionary<string, int> userIndex)
    {
        // In the file's metric order, which may differ from the order the cell was run with.
        var metrics = plan.Metrics.Select(spec => record.Metrics.First(m => m.Name == spec.Name)).Select(m =>
        {
            var values = perUser.FirstOrDefault(p => p.Metric == m.Name);
            return new MetricResult
            {
                Name = m.Name,
                Value = m.Value,
                CiLow = m.CiLow,
                CiHigh = m.CiHigh,
                HigherIsBetter = m.HigherIsBetter,
                IsUserMean = m.UserMean,
                Count = m.N,
                Note = m.Note,
                Users = values is null ? [] : values.Users.Select(u => userIndex[u]).ToArray(),
                PerUser = values is null ? [] : values.Values.ToArray(),
            };
        }).ToList();
        return new EvaluationResult
        {
            Algorithm = record.Kind,
            Fold = cell.Repeat * cell.FoldCount + cell.Fold,
            Metrics = metrics,
            TestUsers = record.TestUsers,
            UsersEvaluated = record.UsersEvaluated,
            UsersWithoutRelevant = record.TestUsers - record.UsersEvaluated,
            RatingsPredicted = 0,
            FitTime = TimeSpan.FromSeconds(record.FitSeconds),
            EvaluationTime = TimeSpan.FromSeconds(record.EvaluationSeconds),
        };
    }
}
