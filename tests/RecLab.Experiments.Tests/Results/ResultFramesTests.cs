using System.Globalization;
using Microsoft.Data.Analysis;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Execution;
using RecLab.Experiments.Tests.Support;

namespace RecLab.Experiments.Tests.Results;

/// <summary>An experiment's results as DataFrames agree with the files the runner wrote: results.csv, comparisons.csv, ab/.</summary>
public sealed class ResultFramesTests(ReportExperiment experiment) : IClassFixture<ReportExperiment>
{
    [Fact]
    public void Results_grouped_by_algorithm_have_the_means_of_results_csv()
    {
        var frame = experiment.Results.ToDataFrame();
        var csv = ReadCsv(Path.Combine(experiment.Folder, "results.csv"));

        Assert.Equal(csv.Count, frame.Rows.Count);
        foreach (var metric in experiment.Plan.Metrics.Select(m => m.Name))
        {
            var means = frame.Filter(frame["metric"].ElementwiseEquals(metric)).GroupBy("algorithm").Mean("value");
            var expected = csv.Where(r => r["metric"] == metric).GroupBy(r => r["algorithm"])
                .ToDictionary(g => g.Key, g => g.Average(r => double.Parse(r["value"], CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Count, means.Rows.Count);
            foreach (var row in means.Rows)
                Assert.Equal(expected[(string)row[0]], (double)row[1], 12);
        }
    }

    [Fact]
    public void Results_carry_intervals_and_the_cells_timings()
    {
        var frame = experiment.Results.ToDataFrame();

        Assert.Equal(["dataset", "split", "repeat", "fold", "configuration", "algorithm", "kind", "params", "metric", "value", "ci_low", "ci_high", "n",
            "onboarding", "bucket", "fit_seconds", "evaluation_seconds", "peak_mb"], frame.Columns.Select(c => c.Name));
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            var cell = experiment.Plan.Cells.Single(c => c.Configuration == (string)frame["configuration"][i] && c.Split == (string)frame["split"][i]
                && c.Fold == (int)frame["fold"][i] && c.Repeat == (int)frame["repeat"][i]);
            var record = experiment.Results.Records[cell.Id];
            Assert.Equal(record.FitSeconds, (double)frame["fit_seconds"][i]);
            Assert.Equal(record.EvaluationSeconds, (double)frame["evaluation_seconds"][i]);
            var metric = record.Metrics.Single(m => m.Name == (string)frame["metric"][i]);
            Assert.Equal(metric.CiLow, (double?)frame["ci_low"][i]);
        }
        // Catalogue metrics have no interval: null, not NaN.
        var coverage = frame.Filter(frame["metric"].ElementwiseEquals("coverage@10"));
        Assert.Equal(coverage.Rows.Count, coverage["ci_low"].NullCount);
        Assert.Equal(frame.Rows.Count, frame["onboarding"].NullCount);
    }

    [Fact]
    public void Per_user_values_average_to_each_cells_metric()
    {
        var perUser = experiment.Results.PerUserDataFrame();
        var results = experiment.Results.ToDataFrame();

        var holdout = Where(Where(perUser, "split", "holdout"), "metric", "ndcg@10");
        var means = holdout.GroupBy("configuration").Mean("value");
        var cells = Where(Where(results, "split", "holdout"), "metric", "ndcg@10");
        Assert.Equal(cells.Rows.Count, means.Rows.Count);
        foreach (var row in cells.Rows)
        {
            var mean = means.Rows.Single(r => (string)r[0] == (string)row["configuration"]);
            Assert.Equal((double)row["value"], (double)mean[1], 12);
        }
        Assert.Equal(["dataset", "split", "repeat", "fold", "configuration", "metric", "user", "value"], perUser.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Comparisons_are_the_rows_of_comparisons_csv()
    {
        var frame = experiment.Results.ComparisonsDataFrame();
        var csv = ReadCsv(Path.Combine(experiment.Folder, "comparisons.csv"));

        Assert.Equal(csv.Count, frame.Rows.Count);
        for (var i = 0; i < csv.Count; i++)
        {
            Assert.Equal(csv[i]["algorithm"], (string)frame["algorithm"][i]);
            Assert.Equal(int.Parse(csv[i]["pairs"], CultureInfo.InvariantCulture), (int)frame["pairs"][i]);
            Assert.Equal(double.Parse(csv[i]["t_p_holm"], CultureInfo.InvariantCulture), (double)frame["t_p_holm"][i]);
        }
    }

    [Fact]
    public async Task An_ab_tests_tables_are_typed_frames_of_its_csv_files()
    {
        using var temp = new RecLab.Tests.Support.TempFolder();
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(AbTestRunTests.Yaml, "ab.yaml", null));
        await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = temp.Path, Jobs = 1 }, TestContext.Current.CancellationToken);

        var tables = ExperimentResults.Load(plan, new CellStore(temp.Path)).AbTest("pop-vs-knn");

        Assert.IsType<StringDataFrameColumn>(tables.Summary["arm"]);
        Assert.IsType<Int32DataFrameColumn>(tables.Summary["users"]);
        Assert.IsType<Int32DataFrameColumn>(tables.Daily["day"]);
        Assert.IsType<StringDataFrameColumn>(tables.Users["day"]);
        // Control has no uplift: null.
        var control = tables.Summary.Filter(tables.Summary["arm"].ElementwiseEquals("popular"));
        Assert.Equal(control.Rows.Count, control["uplift"].NullCount);
        // Per arm, the users of users.csv are the users the summary counts.
        var users = tables.Users.Filter(tables.Users["day"].ElementwiseEquals("pre")).GroupBy("arm").Count("user");
        foreach (var row in users.Rows)
        {
            var summary = tables.Summary.Filter(tables.Summary["arm"].ElementwiseEquals((string)row[0]));
            Assert.Equal(Convert.ToInt64(row[1], CultureInfo.InvariantCulture), (long)(int)summary["users"][0]);
        }
        Assert.Throws<FileNotFoundException>(() => ExperimentResults.Load(plan, new CellStore(temp.Path)).AbTest("never-ran"));
    }

    private static DataFrame Where(DataFrame frame, string column, string value) => frame.Filter(frame[column].ElementwiseEquals(value));

    /// <summary>A CSV file as rows of named fields (these files quote nothing: no name or number holds a comma).</summary>
    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        Assert.All(lines, l => Assert.DoesNotContain('"', l));
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
