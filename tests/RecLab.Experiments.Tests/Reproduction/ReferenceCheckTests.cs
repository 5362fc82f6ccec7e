using System.Globalization;
using RecLab.Data.Loading;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Reproduction;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reproduction;

public sealed class ReferenceCheckTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Expected(string body, string name = "expected.csv")
    {
        File.WriteAllText(_temp[name], "# a comment line\nalgorithm,metric,reference,below,above,source\n" + body);
        return _temp[name];
    }

    [Fact]
    public void Figures_are_read_with_comments_open_bands_and_canonical_metric_names()
    {
        var figures = ReferenceFigures.Load(Expected("svd,RMSE,0.8732,0.03,0.003,ANCHORS\nals,nDCG@10,0.2954,0.005,,\"implicit ALS, 64 factors\"\n"));

        Assert.Equal(2, figures.Count);
        Assert.Equal(("svd", "rmse", 0.8732, 0.03, 0.003), (figures[0].Algorithm, figures[0].Metric, figures[0].Reference, figures[0].Below, figures[0].Above));
        Assert.Equal(3, figures[0].Line);
        Assert.Equal("ndcg@10", figures[1].Metric);
        Assert.Null(figures[1].Above);
        Assert.Equal("implicit ALS, 64 factors", figures[1].Source);
        Assert.True(figures[1].Admits(0.9));
        Assert.False(figures[1].Admits(0.2903));
        Assert.False(figures[0].Admits(double.NaN));
    }

    [Theory]
    [InlineData("svd,rmse,0.87,abc,0.003,x\n", "below 'abc' is not a number")]
    [InlineData("svd,rmsee,0.87,0.03,0.003,x\n", "metric:")]
    [InlineData("svd,rmse,,0.03,0.003,x\n", "reference is empty")]
    [InlineData("svd,rmse,0.87,-0.1,0.003,x\n", "must not be negative")]
    public void A_bad_line_is_reported_with_file_and_line(string line, string problem)
    {
        var path = Expected("ok,rmse,0.9,0.01,0.01,x\n" + line);

        var e = Assert.Throws<DataFormatException>(() => ReferenceFigures.Load(path));

        Assert.Equal(4, e.Line);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith(path + ":4", e.Message);
    }

    [Fact]
    public void Every_committed_reference_figure_has_a_two_sided_band()
    {
        // A one-sided band passes a figure several times off (the LensKit rows once did): every row bounds both ways.
        var files = Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "experiments", "reproduce", "expected"), "*.csv");
        Assert.NotEmpty(files);
        foreach (var file in files)
            foreach (var figure in ReferenceFigures.Load(file))
                Assert.True(figure.Below is not null && figure.Above is not null,
                    $"{Path.GetFileName(file)}:{figure.Line}: {figure.Algorithm} {figure.Metric} has an open band");
    }

    [Fact]
    public void A_missing_column_is_reported()
    {
        File.WriteAllText(_temp["bad.csv"], "algorithm,metric,reference\nsvd,rmse,0.9\n");

        var e = Assert.Throws<DataFormatException>(() => ReferenceFigures.Load(_temp["bad.csv"]));

        Assert.Contains("below, above, source", e.Message);
    }

    [Fact]
    public async Task A_finished_run_passes_inside_its_bands_and_fails_outside_them()
    {
        var csv = TinyRatings.Write(_temp["ratings.csv"]);
        var plan = ExperimentPlan.Create(ExperimentFile.Parse($"""
            version: 1
            name: fixture
            datasets:
              - name: tiny
                csv:
                  path: {csv}
                  columns:
                    user: userId
                    item: movieId
                    value: rating
                  kind: explicit
            splits:
              - spec: kfold:3
            algorithms:
              - name: mean
                kind: global-mean
              - name: bias
                kind: bias
            metrics: [rmse, mae]
            evaluation:
              significance: false
            """, "fixture.yaml"));
        await ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = _temp["run"], Jobs = 1 }, TestContext.Current.CancellationToken);
        var results = ExperimentResults.Load(plan, new CellStore(_temp["run"]));
        double Value(string algorithm, string metric) => results.Tables[0].Rows.Single(r => r.Configuration == algorithm).Metrics.Single(m => m.Name == metric).Value;
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var meanRmse = Value("mean", "rmse");
        var biasRmse = Value("bias", "rmse");

        var figures = ReferenceFigures.Load(Expected(
            $"mean,rmse,{F(meanRmse + 0.001)},0.002,0.002,inside\n" +
            $"bias,rmse,{F(biasRmse - 0.01)},,0.005,too far above\n" +
            $"bias,mae,{F(Value("bias", "mae") + 0.5)},0.1,,too far below\n" +
            "knn,rmse,0.9,0.1,0.1,not in the run\n" +
            "mean,ndcg@10,0.1,0.1,0.1,not measured\n"));
        var check = ReferenceCheck.Compare(results, figures);

        Assert.Equal([true, false, false, false, false], check.Rows.Select(r => r.Passed));
        Assert.False(check.Passed);
        Assert.Equal(meanRmse, check.Rows[0].Value);
        Assert.Contains("no algorithm 'knn'", check.Rows[3].Note);
        Assert.Contains("did not measure ndcg@10", check.Rows[4].Note);
        var markdown = check.ToMarkdown();
        Assert.Contains("| tiny | mean | rmse |", markdown);
        Assert.Contains("FAIL (no algorithm 'knn' in the run)", markdown);
        Assert.True(ReferenceCheck.Compare(results, [figures[0]]).Passed);
    }
}
