using System.Text.Json.Nodes;
using RecLab.Cli;
using RecLab.Tests.Support;

namespace RecLab.Cli.Tests;

/// <summary><c>reclab eval --onboarding</c> (the user cold-start curve) and <c>--buckets</c>.</summary>
public sealed class EvalColdStartTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ReclabApp.Create(output, error, plain: true).RunAsync(args, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Onboarding_curve_measures_every_size_and_compares_within_each()
    {
        var data = SharedData.MovieLensSmall();
        var (code, output, error) = await Run("eval", "--data", data, "--implicit", "--algo", "most-popular", "--algo", "content-based:fields=genre|tag",
            "--split", "cold-users:0.1", "--onboarding", "0,2,5", "--metrics", "ndcg@10", "--buckets", "default", "--baseline", "most-popular",
            "--format", "json");
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        // Cells in plan order: each onboarding size, then each algorithm; the split raised to hand out the largest size.
        var cells = json["cells"]!.AsArray();
        Assert.All(cells, c => Assert.Equal("cold-users:0.1:onboard=5", (string)c!["definition"]!["split"]!));
        Assert.Equal([0, 0, 2, 2, 5, 5], cells.Select(c => (int)c!["definition"]!["onboarding"]!));
        Assert.Equal("cold-users:0.1 onboarding=2", (string)cells[2]!["split"]!);
        static double Ndcg(JsonNode cell) => (double)cell["metrics"]!.AsArray().First(m => (string)m!["name"]! == "ndcg@10")!["value"]!;
        // Popularity ignores the history: the same value at every size.
        var popular = cells.Where(c => (string)c!["algorithm"]! == "most-popular").Select(c => Ndcg(c!)).ToList();
        Assert.Equal(3, popular.Count);
        Assert.All(popular, v => Assert.Equal(popular[0], v, 12));
        // Cold users know exactly the onboarding size: one bucket per size ("0", then "1-5").
        Assert.Equal("0", (string)cells[0]!["buckets"]![0]!["label"]!);
        Assert.Equal("1-5", (string)cells[4]!["buckets"]![0]!["label"]!);
        // Compared within each size, never across.
        var comparisons = json["comparisons"]!.AsArray();
        Assert.Equal(["cold-users:0.1 onboarding=0", "cold-users:0.1 onboarding=2", "cold-users:0.1 onboarding=5"],
            comparisons.Select(c => (string)c!["split"]!));
        Assert.All(comparisons, c => Assert.Equal("content-based:fields=genre|tag", (string)c!["algorithm"]!));
    }

    [Fact]
    public async Task Onboarding_needs_a_user_cold_start_split_that_hands_out_enough()
    {
        var (code, _, error) = await Run("eval", "--data", "nowhere", "--algo", "most-popular", "--split", "user-holdout:0.2", "--onboarding", "0,5");
        Assert.Equal(2, code);
        Assert.Contains("cold-users", error);
        (code, _, error) = await Run("eval", "--data", "nowhere", "--algo", "most-popular", "--split", "cold-users:0.2:onboard=3", "--onboarding", "0,5");
        Assert.Equal(2, code);
        Assert.Contains("onboard=5", error);
        (code, _, error) = await Run("eval", "--data", "nowhere", "--algo", "most-popular", "--split", "cold-users:0.2", "--buckets", "5,1");
        Assert.Equal(2, code);
        Assert.Contains("ascending", error);
    }

    [Fact]
    public async Task Buckets_appear_in_the_csv_and_the_tables()
    {
        var data = SharedData.MovieLensSmall();
        var (code, output, error) = await Run("eval", "--data", data, "--implicit", "--algo", "most-popular", "--split", "user-holdout:0.2",
            "--metrics", "ndcg@10", "--buckets", "1,50,200", "--format", "csv");
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("onboarding,bucket", lines[0]);
        Assert.Contains(lines, l => l.EndsWith(",1-49", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",200+", StringComparison.Ordinal));
        (code, output, _) = await Run("eval", "--data", data, "--implicit", "--algo", "most-popular", "--split", "user-holdout:0.2",
            "--metrics", "ndcg@10", "--buckets", "1,50,200");
        Assert.Equal(0, code);
        Assert.Contains("## By user activity: ndcg@10 · ml-latest-small · user-holdout:0.2", output);
        Assert.Contains("| algorithm | 1-49 (", output);
    }
}
