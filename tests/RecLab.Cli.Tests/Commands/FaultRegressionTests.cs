using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RecLab.Experiments.Results;
using RecLab.Tests.Support;

namespace RecLab.Cli.Tests.Commands;

/// <summary>The command-line findings of the fault campaign (issue 23), each from its failing input or command.</summary>
public sealed class FaultRegressionTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _ratings;

    public FaultRegressionTests()
    {
        // Explicit ratings (a MovieLens-shaped folder, so on the 0.5-5 scale) in three taste groups, 40 users by 30 items.
        var csv = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (var u = 0; u < 40; u++)
            for (var i = 0; i < 30; i++)
                if ((u * 7 + i * 3) % 5 < 3 - i / 15)
                    csv.Append(CultureInfo.InvariantCulture, $"{u},{i},{(u % 3 == i % 3 ? 5 : 1 + (u + i) % 3)},{1_000_000 + u * 100 + i}\n");
        _temp.Write("ml/ratings.csv", csv.ToString());
        _ratings = _temp["ml"];
    }

    public void Dispose() => _temp.Dispose();

    private string Experiment(string name = "faults", string seed = "3") => _temp.Write($"{name}.yaml", $"""
        version: 1
        name: {name}
        seed: {seed}
        output: {_temp["results"]}
        datasets:
          - name: r
            source: {_ratings}
        splits:
          - spec: user-holdout:0.2
        algorithms:
          - kind: most-popular
        metrics: [ndcg@5]
        evaluation:
          bootstrap_resamples: 50
        """);

    [Theory]
    [InlineData("explicit", "biased-mf:learning_rate=50", "biased-mf diverged at epoch 1: the training loss is NaN or a parameter is no longer finite. Try a smaller learning rate (it is 50).")]
    [InlineData("explicit", "svdpp:learning_rate=50", "svdpp diverged at epoch 1: ")]
    [InlineData("synthetic:tiny", "implicit-als:alpha=1e30", "implicit-als diverged at iteration 1: the user factors contain NaN or infinity. Try a larger Regularization or a smaller Alpha.")]
    [InlineData("synthetic:tiny", "ease:regularization=1e-30", "ease diverged at step 2: XᵀX + λI is not positive definite. Use Regularization > 0.")]
    [InlineData("synthetic:tiny", "bpr:learning_rate=1e30", "bpr diverged at epoch 1: ")]
    public async Task A_fit_that_diverges_in_eval_is_one_line_and_exit_1_as_in_run(string data, string algorithm, string message)
    {
        // TrainingDivergedException escaped Guard: an unhandled trace, for 14 option sets of the campaign.
        var (code, _, error) = await CliRun.Reclab("eval", "--data", data == "explicit" ? _ratings : data, "--algo", algorithm, "--metrics", "ndcg@5,rmse", "--threads", "1");

        Assert.Equal(ExitCodes.PartialFailure, code);
        var errors = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("error: " + message, Assert.Single(errors));
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Eval_refuses_an_infinite_damping_as_the_experiment_file_does()
    {
        // Passed eval and scored nDCG exactly 0; YAML rejected it.
        var (code, _, error) = await CliRun.Reclab("eval", "--data", _ratings, "--algo", "most-popular:measure=damped-mean,damping=Infinity");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("error: most-popular: option Damping must be a finite number (got 'Infinity').\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Twenty_thousand_nested_brackets_exit_2_with_the_place()
    {
        var file = _temp.Write("deep.yaml", "version: 1\nname: deep\ndatasets: " + new string('[', 20_000) + new string(']', 20_000) + "\n");

        var (code, _, error) = await CliRun.Reclab("run", file, "--dry-run");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith($"{file}:3:74: nesting too deep: more than 64 levels of lists and mappings", error);
    }

    [Fact]
    public async Task A_folder_given_as_the_experiment_file_says_it_is_a_folder()
    {
        var (code, _, error) = await CliRun.Reclab("run", _temp.Path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal($"error: {_temp.Path} is a folder, not an experiment file.\n", error.ReplaceLineEndings("\n"));
        _temp.Write("a.yaml", "version: 1\n");
        Assert.StartsWith($"error: {_temp.Path} is a folder, not an experiment file; it holds a.yaml", (await CliRun.Reclab("run", _temp.Path)).Err);
    }

    [Fact]
    public async Task A_second_run_into_a_folder_in_use_is_refused_naming_the_holder()
    {
        var file = Experiment();
        using (ResultsFolderLock.Exclusive(_temp["results/faults"], "reclab run faults"))
        {
            var (code, output, error) = await CliRun.Reclab("run", file);

            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Equal("", output);
            Assert.StartsWith($"error: {_temp["results/faults"]} is in use by reclab run faults (pid {Environment.ProcessId} on ", error);
        }
        Assert.Equal(ExitCodes.Success, (await CliRun.Reclab("run", file)).Code);
    }

    [Fact]
    public async Task A_run_of_another_seed_into_the_same_folder_is_refused_until_fresh()
    {
        // Both exited 0 and left experiment.yaml (seed 7) disagreeing with results.csv, summary.md and manifest.json (seed 42).
        Assert.Equal(ExitCodes.Success, (await CliRun.Reclab("run", Experiment())).Code);

        var (code, _, error) = await CliRun.Reclab("run", Experiment(), "--set", "seed=7");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("holds the results of another experimental setup (different seed; seed 3 there, 7 here)", error);
        Assert.Contains("Give this run its own folder with --output DIR, or pass --fresh to replace them.", error);
        Assert.Contains("seed: 3", File.ReadAllText(_temp["results/faults/experiment.yaml"]));

        Assert.Equal(ExitCodes.Success, (await CliRun.Reclab("run", Experiment(), "--set", "seed=7", "--fresh")).Code);
        Assert.Contains("Seed 7;", File.ReadAllText(_temp["results/faults/summary.md"]));
    }

    [Fact]
    public async Task A_dry_run_of_finished_work_says_nothing_is_left_and_warns_of_another_setup()
    {
        var file = Experiment();
        await CliRun.Reclab("run", file);

        var (_, done, _) = await CliRun.Reclab("run", file, "--dry-run");
        Assert.Contains("cost estimate: nothing to run, every cell is done.", done);

        var (code, _, warning) = await CliRun.Reclab("run", file, "--dry-run", "--set", "seed=8");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("warning: " + _temp["results/faults"] + " holds the results of another experimental setup", warning);
    }

    [Fact]
    public async Task The_exit_codes_of_the_help_are_the_readme_s()
    {
        var (_, help, _) = await CliRun.Reclab("--help");
        var readme = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md"));

        Assert.Contains(ExitCodes.Help, help, StringComparison.Ordinal);
        var inHelp = Regex.Matches(ExitCodes.Help, @"\b(\d+) [a-zA-Z]").Select(m => m.Groups[1].Value).ToList();
        var inReadme = Regex.Matches(readme, @"(?m)^\| (\d+) \| [a-z]").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["0", "1", "2", "70", "130"], inHelp);
        Assert.Equal(inHelp, inReadme);
        foreach (var code in new[] { ExitCodes.Success, ExitCodes.PartialFailure, ExitCodes.InvalidInput, ExitCodes.InternalError, ExitCodes.Cancelled })
            Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), inHelp);
    }
}
