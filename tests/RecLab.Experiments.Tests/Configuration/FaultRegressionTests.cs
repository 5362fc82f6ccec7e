using System.Diagnostics;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Tests.Support;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;

namespace RecLab.Experiments.Tests.Configuration;

/// <summary>The experiment-file findings of the fault campaign (issue 23), each from its failing input.</summary>
public sealed class FaultRegressionTests
{
    private const string Head = """
        version: 1
        name: faults
        datasets:
          - name: synth
            source: synthetic:tiny
        splits:
          - spec: kfold:3
        algorithms:
          - name: pop
            kind: most-popular
        metrics: [ndcg@10]

        """;

    private static string[] Errors(string yaml, params string[] overrides)
    {
        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentFile.Parse(yaml, "f.yaml", overrides, TestRegistry.Baselines));
        return e.Errors.Select(x => x.ToString()).ToArray();
    }

    [Fact]
    public void Twenty_thousand_nested_brackets_are_one_located_error_not_a_stack_overflow()
    {
        // The campaign's 40 KB file: the recursive reader overflowed the stack (exit 134, uncatchable).
        var yaml = "version: 1\nname: deep\ndatasets: " + new string('[', 20_000) + new string(']', 20_000) + "\n";

        var errors = Errors(yaml);

        // The root mapping is level 1 and the first bracket, at column 11, level 2: level 65 opens at column 74.
        Assert.Equal(["f.yaml:3:74: nesting too deep: more than 64 levels of lists and mappings (an experiment file needs about six)"], errors);
    }

    [Fact]
    public void Depth_built_by_a_chain_of_aliases_counts_too()
    {
        // Each anchor wraps the previous one: 70 short lines nest 70 deep without one deep line.
        var lines = new List<string> { "version: 1", "name: aliases", "x0: &a0 [1]" };
        for (var k = 1; k <= 70; k++)
            lines.Add($"x{k}: &a{k} [*a{k - 1}]");

        var errors = Errors(string.Join("\n", lines) + "\n");

        Assert.Single(errors);
        Assert.Matches(@"^f\.yaml:6[0-9]:\d+: nesting too deep", errors[0]);
    }

    [Fact]
    public void A_billion_repeats_is_refused_at_its_key_before_any_seed_is_made()
    {
        var clock = Stopwatch.StartNew();
        Assert.Equal(["f.yaml:12:10: repeats: must be at most 1,000 (got 1,000,000,000)"], Errors(Head + "repeats: 1000000000\n"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_billion_point_grid_is_counted_not_expanded()
    {
        // Nine axes of ten values: 1e9 points from 90 numbers (this ran out of memory in --dry-run).
        var axes = string.Join(", ", Enumerable.Range(0, 9).Select(k => $"o{k}: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"));
        var registry = new RecommenderRegistry().Add<NineOptions>("nine", "nine options", _ => new MostPopular());
        var yaml = Head.Replace("kind: most-popular", $"kind: nine\n    grid: {{{axes}}}");
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentFile.Parse(yaml, "f.yaml", null, registry));

        Assert.Equal("f.yaml:11:11: algorithms[0].grid: the grid has 1,000,000,000 points (10 × 10 × 10 × 10 × 10 × 10 × 10 × 10 × 10), " +
            "more than an experiment may have cells (100,000); search fewer values", e.Errors.Single().ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    public sealed record NineOptions : RecommenderOptions
    {
        public int O0 { get; init; }
        public int O1 { get; init; }
        public int O2 { get; init; }
        public int O3 { get; init; }
        public int O4 { get; init; }
        public int O5 { get; init; }
        public int O6 { get; init; }
        public int O7 { get; init; }
        public int O8 { get; init; }
    }

    [Fact]
    public void A_billion_folds_are_counted_as_cells_and_refused_at_the_split()
    {
        Assert.Equal(
            ["f.yaml:7:11: splits[0].spec: the experiment would have 1,000,000,000 cells (1 dataset × 1,000,000,000 folds over the splits × 1 repeat × " +
             "1 algorithm configurations), more than 100,000; ask for fewer folds, repeats or grid points"],
            Errors(Head.Replace("kfold:3", "kfold:1000000000")));
    }

    [Fact]
    public void Cells_are_the_product_of_datasets_folds_repeats_and_configurations()
    {
        // 1 × 3 folds × 334 repeats × 100 points = 100,200 cells: just over the limit, refused at the largest factor.
        var yaml = Head.Replace("kind: most-popular", "kind: most-popular\n    grid: {damping: [" + string.Join(", ", Enumerable.Range(1, 100)) + "]}") + "repeats: 334\n";

        Assert.Single(Errors(yaml), e => e.StartsWith("f.yaml:13:10: repeats: the experiment would have 100,200 cells", StringComparison.Ordinal));
        Assert.Empty(Assert.IsType<Schema.ExperimentConfig>(ExperimentFile.Parse(yaml.Replace("repeats: 334", "repeats: 333"), "f.yaml", null, TestRegistry.Baselines))
            .AbTests);
    }

    [Fact]
    public void An_empty_campaign_topic_is_required_not_a_crash()
    {
        // Was a NullReferenceException in DidYouMean.Normalize.
        var yaml = Head + """
            ab_tests:
              - name: t
                world: tiny
                days: 2
                metrics: [roas]
                campaign: {topic: }
                arms:
                  - {algorithm: pop, traffic: 0.5}
                  - {algorithm: pop2, traffic: 0.5}
            """;
        yaml = yaml.Replace("  - name: pop\n    kind: most-popular", "  - name: pop\n    kind: most-popular\n  - name: pop2\n    kind: random");

        Assert.Equal(["f.yaml:19:23: ab_tests[0].campaign.topic: required: expected a string, got nothing"], Errors(yaml));
        Assert.Equal(["--set ab_tests[0].campaign.topic=: ab_tests[0].campaign.topic: required: expected a string, got nothing"],
            Errors(yaml.Replace("topic: }", "topic: fashion}"), "ab_tests[0].campaign.topic="));
    }

    [Fact]
    public void Names_longer_than_a_hundred_characters_are_refused()
    {
        // A 1 MB dataset name took 22 s and 100 MB of table output in --dry-run.
        var name = new string('s', 1_000_000);

        Assert.Equal(["f.yaml:4:11: datasets[0].name: at most 100 characters (got 1,000,000)"], Errors(Head.Replace("name: synth", "name: " + name)));
    }

    [Theory]
    [InlineData("damping: Infinity", "algorithms[0].options.damping: must be a finite number (got 'Infinity')")]
    [InlineData("damping: NaN", "algorithms[0].options.damping: must be a finite number (got 'NaN')")]
    [InlineData("damping: 1e39", "algorithms[0].options.damping: must be a number within ±3.4E+38 (got '1e39', out of range)")]
    public void Non_finite_and_out_of_range_options_say_so(string option, string message)
    {
        var yaml = Head.Replace("kind: most-popular", $"kind: most-popular\n    options: {{measure: damped-mean, {option}}}");

        Assert.Equal([$"f.yaml:11:46: {message}"], Errors(yaml));
    }

    [Fact]
    public void The_command_line_and_the_file_reject_an_option_with_the_same_words()
    {
        var fromFile = Errors(Head.Replace("kind: most-popular", "kind: most-popular\n    options: {measure: damped-mean, damping: Infinity}")).Single();
        var fromCommandLine = Assert.Throws<ArgumentException>(() => RecommenderRegistry.Default.Parse("most-popular:measure=damped-mean,damping=Infinity")).Message;

        Assert.EndsWith("damping: must be a finite number (got 'Infinity')", fromFile);
        Assert.Equal("most-popular: option Damping must be a finite number (got 'Infinity').", fromCommandLine);
    }

    [Fact]
    public void An_integer_too_large_for_its_type_says_out_of_range()
    {
        Assert.Equal(["f.yaml:12:7: seed: expected a non-negative integer, got '18446744073709551616' (out of range: a whole number from 0 to 18446744073709551615)"],
            Errors(Head + "seed: 18446744073709551616\n"));
    }

    [Fact]
    public void A_long_value_is_quoted_short_in_a_message()
    {
        var error = Errors(Head + "repeats: " + new string('x', 5_000) + "\n").Single();

        Assert.True(error.Length < 250, error);
        Assert.Contains("… (5,000 characters)", error);
    }
}
