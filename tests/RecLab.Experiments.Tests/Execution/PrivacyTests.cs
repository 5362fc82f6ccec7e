using System.Globalization;
using System.Text.RegularExpressions;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Execution;
using RecLab.Experiments.Results;
using RecLab.Experiments.Tests.Support;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Execution;

/// <summary><c>privacy: {pseudonymize_ids: true}</c>: no raw user id in any output, results unchanged, shards still merge.</summary>
[Collection(nameof(EnvironmentVariables))]
public sealed partial class PrivacyTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _yaml;

    public PrivacyTests()
    {
        // Ids no output could contain by chance.
        var csv = TinyRatings.Write(_temp["ratings.csv"], users: 40);
        File.WriteAllText(csv, RawId().Replace(File.ReadAllText(csv), m => $"person-{m.Groups[1].Value}-secret,"));
        _yaml = Yaml.Small(csv, "private").Replace("repeats: 2", """
            repeats: 1
            ab_tests:
              - name: pop-vs-random
                world: tiny
                days: 2
                pre_days: 1
                metrics: [ctr]
                arms:
                  - algorithm: pop
                    traffic: 0.5
                  - algorithm: random
                    traffic: 0.5
            """, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex(@"(?m)^u(\d+),")]
    private static partial Regex RawId();

    [GeneratedRegex(@"^p[0-9a-f]{16}$")]
    private static partial Regex PseudonymShape();

    private static ExperimentPlan Plan(string yaml) => ExperimentPlan.Create(ExperimentFile.Parse(yaml, "private.yaml"));

    private static Task<RunResult> Run(ExperimentPlan plan, string output, ShardSpec? shard = null) =>
        ExperimentRunner.RunAsync(plan, new RunOptions { OutputDirectory = output, Jobs = 1, Shard = shard ?? ShardSpec.All },
            TestContext.Current.CancellationToken);

    private string Private => _yaml + "\nprivacy:\n  pseudonymize_ids: true\n";

    [Fact]
    public async Task No_output_file_holds_a_raw_user_id_and_the_results_are_those_of_a_plain_run()
    {
        var keyFile = _temp["config/reclab/pseudonym.key"];
        using var _ = new EnvironmentVariables((Pseudonymizer.KeyVariable, null), (Pseudonymizer.KeyFileVariable, keyFile));

        var plain = await Run(Plan(_yaml), _temp["plain"]);
        var hidden = await Run(Plan(Private), _temp["hidden"]);

        Assert.Empty(hidden.Failures);
        Assert.Empty(hidden.AbTestFailures);
        var files = Directory.GetFiles(_temp["hidden"], "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.Contains("per_user", StringComparison.Ordinal));
        foreach (var file in files)
            Assert.DoesNotContain("-secret", File.ReadAllText(file), StringComparison.Ordinal);
        var perUser = Directory.GetFiles(_temp["hidden/per_user"]).SelectMany(f => File.ReadLines(f).Skip(1)).Select(l => l.Split(',')[0]).ToList();
        Assert.NotEmpty(perUser);
        Assert.All(perUser, id => Assert.Matches(PseudonymShape(), id));
        var abUsers = File.ReadLines(_temp["hidden/ab/pop-vs-random/users.csv"]).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(500 * 3, abUsers.Count);
        Assert.All(abUsers, id => Assert.Matches(PseudonymShape(), id));
        Assert.Equal(500, abUsers.Distinct().Count());

        // Every metric is the plain run's, and pseudonyms pair users as ids did: the same pairs, mean differences and
        // t and Wilcoxon statistics (to rounding: users are summed in pseudonym order). Only the bootstrap interval moves,
        // resampling users listed in another order.
        foreach (var report in new[] { "results.csv", "ab/pop-vs-random/summary.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(_temp["plain"], report)), File.ReadAllText(Path.Combine(_temp["hidden"], report)));
        var plainRows = File.ReadAllLines(_temp["plain/comparisons.csv"]);
        var hiddenRows = File.ReadAllLines(_temp["hidden/comparisons.csv"]);
        Assert.Equal(plainRows.Length, hiddenRows.Length);
        for (var r = 1; r < plainRows.Length; r++)
        {
            var (a, b) = (plainRows[r].Split(','), hiddenRows[r].Split(','));
            Assert.Equal(a[..6], b[..6]);
            foreach (var column in new[] { 6, 9, 10, 11, 12, 13, 14 })
                Assert.Equal(double.Parse(a[column], CultureInfo.InvariantCulture), double.Parse(b[column], CultureInfo.InvariantCulture), 1e-12);
        }
        var manifest = File.ReadAllText(_temp["hidden/manifest.json"]);
        Assert.Contains("\"pseudonymized_ids\": true", manifest, StringComparison.Ordinal);
        Assert.Matches("\"pseudonym_key_id\": \"[0-9a-f]{12}\"", manifest);
        Assert.DoesNotContain("pseudonym", File.ReadAllText(_temp["plain/manifest.json"]), StringComparison.Ordinal);
        // The key: made once, outside the results, and the same one next time.
        Assert.Equal(32, File.ReadAllBytes(keyFile).Length);
        var again = await Run(Plan(Private), _temp["again"]);
        Assert.Empty(again.Failures);
        Assert.Equal(File.ReadAllText(_temp["hidden/ab/pop-vs-random/users.csv"]), File.ReadAllText(_temp["again/ab/pop-vs-random/users.csv"]));
    }

    [Fact]
    public async Task Shards_merge_with_one_key_and_are_refused_with_two()
    {
        var plan = Plan(Private);
        using (new EnvironmentVariables((Pseudonymizer.KeyVariable, "one key shared by every machine")))
        {
            await Run(plan, _temp["whole"]);
            await Run(plan, _temp["s0"], new ShardSpec(0, 2));
            await Run(plan, _temp["s1"], new ShardSpec(1, 2));
        }
        using (new EnvironmentVariables((Pseudonymizer.KeyVariable, "another key, on another machine")))
            await Run(plan, _temp["t1"], new ShardSpec(1, 2));

        var e = Assert.Throws<ArgumentException>(() => ResultMerger.Merge([_temp["s0"], _temp["t1"]], _temp["bad"]));
        Assert.Contains("RECLAB_PSEUDONYM_KEY", e.Message, StringComparison.Ordinal);

        ResultMerger.Merge([_temp["s0"], _temp["s1"]], _temp["merged"]);
        foreach (var file in new[] { "results.csv", "comparisons.csv", "ab/pop-vs-random/users.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(_temp["whole"], file)), File.ReadAllText(Path.Combine(_temp["merged"], file)));
        Assert.Contains("\"pseudonymized_ids\": true", File.ReadAllText(_temp["merged/manifest.json"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_key_is_refused_naming_the_variable()
    {
        using var _ = new EnvironmentVariables((Pseudonymizer.KeyVariable, "short"));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Run(Plan(Private), _temp["short"]));

        Assert.Contains("RECLAB_PSEUDONYM_KEY is 5 characters long", e.Message, StringComparison.Ordinal);
    }
}
