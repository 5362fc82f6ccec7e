using System.Text.Json.Nodes;
using RecLab.Cli;
using RecLab.Tests.Support;

namespace RecLab.Cli.Tests;

public sealed class EvalCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ReclabApp.Create(output, error, plain: true).RunAsync(args, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Json_output_has_the_cells_with_intervals_and_the_comparisons_with_the_baseline_and_is_repeatable()
    {
        var data = SharedData.MovieLensSmall();
        string[] args = ["eval", "--data", data, "--algo", "most-popular", "--algo", "random", "--split", "user-holdout:0.2",
            "--metrics", "ndcg@10,precision@10,coverage@10", "--format", "json"];
        var (code, output, error) = await Run(args);
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("eval", (string)json["manifest"]!["experiment"]!);
        Assert.Equal(2, (int)json["manifest"]!["cells_succeeded"]!);
        // The cell records of the run, as cells/ID.json holds them: one fold, so one cell per algorithm.
        var cells = json["cells"]!.AsArray();
        Assert.Equal(["most-popular", "random"], cells.Select(c => (string)c!["algorithm"]!));
        Assert.All(cells, c => Assert.Equal("ok", (string)c!["status"]!));
        static JsonNode Metric(JsonNode cell, string name) => cell["metrics"]!.AsArray().First(m => (string)m!["name"]! == name)!;
        var ndcg = Metric(cells[0]!, "ndcg@10");
        Assert.InRange((double)ndcg["value"]!, (double)ndcg["ci_low"]!, (double)ndcg["ci_high"]!);
        Assert.True((double)ndcg["value"]! > (double)Metric(cells[1]!, "ndcg@10")["value"]!);
        // The rows of comparisons.csv: random against the baseline, the first algorithm.
        var comparison = json["comparisons"]!.AsArray().First(c => (string)c!["metric"]! == "ndcg@10")!;
        Assert.Equal("random", (string)comparison["algorithm"]!);
        Assert.Equal("most-popular", (string)comparison["baseline"]!);
        Assert.True((double)comparison["mean_difference"]! < 0);
        Assert.True((double)comparison["wilcoxon_p_holm"]! < 1e-6);

        // Same seed, same numbers (timings, clocks and memory aside).
        var (_, again, _) = await Run(args);
        static string WithoutTimes(string text) => string.Join('\n', text.Split('\n').Where(l =>
            !l.Contains("seconds", StringComparison.Ordinal) && !l.Contains("_utc", StringComparison.Ordinal) && !l.Contains("peak_working_set", StringComparison.Ordinal)));
        Assert.Equal(WithoutTimes(output), WithoutTimes(again));
    }

    [Fact]
    public async Task A_ratings_file_of_ones_own_evaluates_rating_predictors_as_the_readme_shows()
    {
        // The README's `reclab eval --data path/to/ratings.csv --algo bias ...`: a file named by its header as ratings.
        using var temp = new TempFolder();
        var path = RatingsFile(temp);

        var (code, output, error) = await Run("eval", "--data", path, "--algo", "bias", "--split", "kfold:3", "--metrics", "rmse", "--format", "csv");

        Assert.True(code == 0, error);
        var rmse = output.Split('\n').Where(l => l.Contains(",rmse,", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rmse);
        Assert.DoesNotContain(rmse, l => l.Contains("NaN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task More_folds_than_ratings_is_one_error_naming_the_split_before_anything_runs()
    {
        using var temp = new TempFolder();
        var path = RatingsFile(temp);

        var (code, output, error) = await Run("eval", "--data", path, "--algo", "bias", "--split", "kfold:1000", "--metrics", "rmse");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("error: Split 'kfold:1000' deals 1,000 test folds, but dataset 'ratings.csv' has 450 interactions, " +
            "so some folds would test nothing. Use at most 450 folds.", error.Trim());
    }

    /// <summary>450 ratings of 30 users on 20 items, half stars, named by the header.</summary>
    private static string RatingsFile(TempFolder temp)
    {
        var csv = new System.Text.StringBuilder("userId,movieId,rating,timestamp\n");
        for (var u = 1; u <= 30; u++)
            for (var i = 1; i <= 20; i++)
                if ((u * 7 + i * 3) % 4 != 0)
                    csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{u},{i},{1 + (u + i) % 9 * 0.5:0.0},{1_000_000 + u * 100 + i}\n");
        return temp.Write("ratings.csv", csv.ToString());
    }

    [Fact]
    public async Task Unknown_algorithm_or_metric_exits_2_with_the_valid_names()
    {
        var (code, _, error) = await Run("eval", "--data", "nowhere", "--algo", "most-populr");
        Assert.Equal(2, code);
        Assert.Contains("did you mean 'most-popular'", error);

        (code, _, error) = await Run("eval", "--data", "nowhere", "--algo", "random", "--metrics", "ndgc@10");
        Assert.Equal(2, code);
        Assert.Contains("ndcg", error);
    }
}
