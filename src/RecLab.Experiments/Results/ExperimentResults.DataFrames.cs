using Microsoft.Data.Analysis;

namespace RecLab.Experiments.Results;

public sealed partial class ExperimentResults
{
    /// <summary>
    /// The results as a tidy DataFrame, one row per successful cell and metric as in results.csv (with activity
    /// buckets, each cell's per-user metrics again per bucket, <c>bucket</c> naming it): <c>dataset</c>,
    /// <c>split</c>, <c>repeat</c>, <c>fold</c>, <c>configuration</c> (algorithm with its grid point),
    /// <c>algorithm</c>, <c>kind</c>, <c>params</c>, <c>metric</c>, <c>value</c>, <c>ci_low</c>, <c>ci_high</c>,
    /// <c>n</c>, <c>onboarding</c>, <c>bucket</c>, and the cell's <c>fit_seconds</c>, <c>evaluation_seconds</c> and
    /// <c>peak_mb</c>. Missing values (no interval, no onboarding size) are nulls.
    /// </summary>
    /// <example>
    /// <code>
    /// var frame = results.ToDataFrame();
    /// var ndcg = frame.Filter(frame["metric"].ElementwiseEquals("ndcg@10"));
    /// ndcg.GroupBy("configuration").Mean("value")
    /// </code>
    /// </example>
    public DataFrame ToDataFrame()
    {
        StringDataFrameColumn Text(string name) => new(name);
        var (dataset, split, configuration, algorithm, kind, parameters, metric, bucket) =
            (Text("dataset"), Text("split"), Text("configuration"), Text("algorithm"), Text("kind"), Text("params"), Text("metric"), Text("bucket"));
        var (repeat, fold, n, onboarding) = (new Int32DataFrameColumn("repeat"), new Int32DataFrameColumn("fold"), new Int32DataFrameColumn("n"),
            new Int32DataFrameColumn("onboarding"));
        var (value, low, high) = (new DoubleDataFrameColumn("value"), new DoubleDataFrameColumn("ci_low"), new DoubleDataFrameColumn("ci_high"));
        var (fit, evaluation, peak) = (new DoubleDataFrameColumn("fit_seconds"), new DoubleDataFrameColumn("evaluation_seconds"), new DoubleDataFrameColumn("peak_mb"));
        foreach (var row in TidyRows())
        {
            var cell = row.Cell;
            dataset.Append(cell.Dataset);
            split.Append(cell.Split);
            repeat.Append(cell.Repeat);
            fold.Append(cell.Fold);
            configuration.Append(cell.Configuration);
            algorithm.Append(cell.Algorithm);
            kind.Append(cell.Kind);
            parameters.Append(cell.Parameters);
            metric.Append(row.Metric);
            value.Append(row.Value);
            low.Append(row.CiLow);
            high.Append(row.CiHigh);
            n.Append(row.N);
            onboarding.Append(cell.Onboarding);
            bucket.Append(row.Bucket.Length == 0 ? null : row.Bucket);
            fit.Append(row.Record.FitSeconds);
            evaluation.Append(row.Record.EvaluationSeconds);
            peak.Append(row.Record.PeakWorkingSetBytes / 1048576.0);
        }

        return new DataFrame(dataset, split, repeat, fold, configuration, algorithm, kind, parameters, metric, value, low, high, n, onboarding,
            bucket, fit, evaluation, peak);
    }

    /// <summary>
    /// Every stored per-user value (<c>evaluation.per_user: true</c>), one row per cell, metric and test user:
    /// <c>dataset</c>, <c>split</c>, <c>repeat</c>, <c>fold</c>, <c>configuration</c>, <c>metric</c>, <c>user</c>
    /// (the external id) and <c>value</c>. The paired tests of comparisons.csv pair these rows by user.
    /// </summary>
    public DataFrame PerUserDataFrame()
    {
        var (dataset, split, configuration, metric, user) =
            (new StringDataFrameColumn("dataset"), new StringDataFrameColumn("split"), new StringDataFrameColumn("configuration"),
                new StringDataFrameColumn("metric"), new StringDataFrameColumn("user"));
        var (repeat, fold, value) = (new Int32DataFrameColumn("repeat"), new Int32DataFrameColumn("fold"), new DoubleDataFrameColumn("value"));
        foreach (var cell in Plan.Cells)
        {
            if (!Records.TryGetValue(cell.Id, out var record) || record.Status != CellRecord.Succeeded)
                continue;
            foreach (var values in Store.LoadPerUser(record))
            {
                for (var i = 0; i < values.Users.Count; i++)
                {
                    dataset.Append(cell.Dataset);
                    split.Append(cell.Split);
                    repeat.Append(cell.Repeat);
                    fold.Append(cell.Fold);
                    configuration.Append(cell.Configuration);
                    metric.Append(values.Metric);
                    user.Append(values.Users[i]);
                    value.Append(values.Values[i]);
                }
            }
        }

        return new DataFrame(dataset, split, repeat, fold, configuration, metric, user, value);
    }

    /// <summary>
    /// The paired comparisons with the baseline as in comparisons.csv, one row per (dataset, split, metric,
    /// configuration): <c>pairs</c>, <c>mean_difference</c> with its interval, and the t-test's and Wilcoxon's
    /// statistic, p-value and Holm-adjusted p-value.
    /// </summary>
    public DataFrame ComparisonsDataFrame()
    {
        var text = new[] { "dataset", "split", "metric", "algorithm", "baseline" }.Select(c => new StringDataFrameColumn(c)).ToArray();
        var pairs = new Int32DataFrameColumn("pairs");
        var numbers = new[] { "mean_difference", "ci_low", "ci_high", "t", "t_p", "t_p_holm", "wilcoxon_w", "wilcoxon_p", "wilcoxon_p_holm" }
            .Select(c => new DoubleDataFrameColumn(c)).ToArray();
        foreach (var row in ComparisonRows())
        {
            string[] texts = [row.Dataset, row.Split, row.Metric, row.Algorithm, row.Baseline];
            for (var i = 0; i < texts.Length; i++)
                text[i].Append(texts[i]);
            pairs.Append(row.Pairs);
            double[] values = [row.MeanDifference, row.CiLow, row.CiHigh, row.T, row.TP, row.TPHolm, row.WilcoxonW, row.WilcoxonP, row.WilcoxonPHolm];
            for (var i = 0; i < values.Length; i++)
                numbers[i].Append(double.IsNaN(values[i]) ? null : values[i]);
        }

        return new DataFrame([.. text, pairs, .. numbers]);
    }

    /// <summary>The rows of comparisons.csv, in its order: tables in plan order, then each table's comparisons.</summary>
    public IEnumerable<ComparisonRow> ComparisonRows()
    {
        foreach (var table in Tables)
        {
            foreach (var c in table.Comparisons)
            {
                yield return new ComparisonRow
                {
                    Dataset = table.Dataset, Split = table.Split, Metric = c.Metric, Algorithm = c.A, Baseline = c.B, Pairs = c.Pairs,
                    MeanDifference = c.MeanDifference, CiLow = c.DifferenceInterval.Low, CiHigh = c.DifferenceInterval.High,
                    T = c.TTest.Statistic, TP = c.TTest.PValue, TPHolm = c.TTest.AdjustedPValue,
                    WilcoxonW = c.Wilcoxon.Statistic, WilcoxonP = c.Wilcoxon.PValue, WilcoxonPHolm = c.Wilcoxon.AdjustedPValue,
                };
            }
        }
    }

    /// <summary>The outputs of the simulated A/B test <paramref name="name"/> (in <c>ab/NAME/</c>) as DataFrames.</summary>
    /// <exception cref="FileNotFoundException">The test has no results yet.</exception>
    /// <exception cref="InvalidDataException">The folder holds the results of another configuration of the test (another seed, other arms).</exception>
    public AbTables AbTest(string name)
    {
        if (Plan.AbTests.FirstOrDefault(t => t.Name == name) is { } unit && AbTestOutputs.StoredId(Folder, name) is { } stored && stored != unit.Id)
            throw new InvalidDataException(AbTestOutputs.StaleNote(unit, stored));
        return AbTables.Load(AbTestOutputs.FolderOf(Folder, name));
    }

    /// <summary>The rows of results.csv, in its order: plan order of the cells, then the file's metric order, then bucket rows.</summary>
    internal IEnumerable<TidyResult> TidyRows()
    {
        foreach (var cell in Plan.Cells)
        {
            if (!Records.TryGetValue(cell.Id, out var record) || record.Status != CellRecord.Succeeded)
                continue;
            foreach (var spec in Plan.Metrics)
            {
                var m = record.Metrics.First(x => x.Name == spec.Name);
                yield return new TidyResult(cell, record, m.Name, m.Value, m.CiLow, m.CiHigh, m.N, "");
            }

            foreach (var bucket in record.Buckets ?? [])
                foreach (var m in bucket.Metrics)
                    yield return new TidyResult(cell, record, m.Name, m.Mean, null, null, m.Count, bucket.Label);
        }
    }
}
