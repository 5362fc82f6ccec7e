using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RecLab.Tests.Support;

namespace RecLab.Cli.Tests.Commands;

/// <summary>
/// <c>reclab eval</c> is <c>reclab run</c> of the experiment its options describe: the same results.csv to the byte, and
/// the same comparisons, for the same seed.
/// </summary>
public sealed class EvalRunEquivalenceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Eval_on_a_generated_world_equals_the_run_of_its_experiment_file()
    {
        var file = _temp.Write("eval.yaml", $"""
            version: 1
            name: eval
            seed: 7
            output: {_temp["results"]}
            datasets:
              - name: synthetic:tiny
                source: synthetic:tiny
            splits:
              - spec: kfold:2
            algorithms:
              - name: most-popular
                kind: most-popular
              - name: "item-knn-implicit:neighbors=20"
                kind: item-knn-implicit
                options:
                  neighbors: 20
            metrics: [ndcg@10, recall@10, coverage@10]
            """);

        await AssertSame(file, "eval", "--data", "synthetic:tiny", "--algo", "most-popular", "--algo", "item-knn-implicit:neighbors=20",
            "--split", "kfold:2", "--metrics", "ndcg@10,recall@10,coverage@10", "--seed", "7");
    }

    [Fact]
    public async Task Eval_of_ratings_with_a_bad_line_skipped_equals_the_run_of_its_experiment_file()
    {
        // Explicit ratings in a MovieLens-shaped folder (named ml: eval names a folder by its own name), one line malformed.
        var csv = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (var u = 0; u < 40; u++)
            for (var i = 0; i < 30; i++)
                if ((u * 7 + i * 3) % 5 < 3 - i / 15)
                    csv.Append(CultureInfo.InvariantCulture, $"{u},{i},{(u % 3 == i % 3 ? 5 : 1 + (u + i) % 3)},{1_000_000 + u * 100 + i}\n");
        csv.Insert(csv.ToString().IndexOf('\n') + 1, "7,3,not-a-rating,1000000\n");
        _temp.Write("ml/ratings.csv", csv.ToString());
        var file = _temp.Write("eval.yaml", $"""
            version: 1
            name: eval
            seed: 5
            output: {_temp["results"]}
            datasets:
              - name: ml
                source: {_temp["ml"]}
                skip_bad_lines: true
            splits:
              - spec: user-holdout:0.3
            algorithms:
              - name: bias
                kind: bias
              - name: "user-knn:neighbors=10"
                kind: user-knn
                options:
                  neighbors: 10
            metrics: [rmse, ndcg@5]
            evaluation:
              relevance_threshold: 3
              activity_buckets: [1, 10]
            """);

        var (_, _, error) = await AssertSame(file, "eval", "--data", _temp["ml"], "--algo", "bias", "--algo", "user-knn:neighbors=10",
            "--split", "user-holdout:0.3", "--metrics", "rmse,ndcg@5", "--seed", "5", "--relevance-threshold", "3", "--buckets", "1,10", "--skip-bad-lines");

        Assert.Contains("warning: dataset 'ml': 1 malformed line skipped (skip_bad_lines), the first: ", error);
    }

    /// <summary>Runs the file and eval (as CSV, then JSON): equal results.csv bytes, equal comparisons.</summary>
    private async Task<(int Code, string Out, string Err)> AssertSame(string file, params string[] eval)
    {
        var run = await CliRun.Reclab("run", file, "--output", _temp["run"]);
        Assert.True(run.Code == 0, run.Err);
        var csv = await CliRun.Reclab([.. eval, "--format", "csv"]);
        Assert.True(csv.Code == 0, csv.Err);
        Assert.Equal(File.ReadAllText(_temp["run/results.csv"]), csv.Out);

        var json = await CliRun.Reclab([.. eval, "--format", "json"]);
        Assert.True(json.Code == 0, json.Err);
        var comparisons = JsonNode.Parse(json.Out)!["comparisons"]!.AsArray();
        var rows = File.ReadAllLines(_temp["run/comparisons.csv"]);
        var columns = rows[0].Split(',');
        Assert.Equal(rows.Length - 1, comparisons.Count);
        Assert.NotEmpty(comparisons);
        for (var r = 1; r < rows.Length; r++)
        {
            var values = rows[r].Split(',');
            for (var c = 0; c < columns.Length; c++)
            {
                var node = comparisons[r - 1]![columns[c]]!;
                var text = node.GetValueKind() == System.Text.Json.JsonValueKind.Number
                    ? ((double)node).ToString("R", CultureInfo.InvariantCulture)
                    : (string)node!;
                Assert.Equal(values[c], text);
            }
        }
        return json;
    }
}
