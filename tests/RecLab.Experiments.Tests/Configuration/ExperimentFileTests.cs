using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Schema;
using RecLab.Experiments.Tests.Support;
using RecLab.Recommenders.Baselines;

namespace RecLab.Experiments.Tests.Configuration;

public sealed class ExperimentFileTests
{
    private const string Valid = """
        version: 1
        name: valid
        seed: 3
        datasets:
          - name: synth
            source: synthetic:small
            preprocessing:
              implicit: true
              implicit_threshold: 4
              min_user_interactions: 5
              filter: single-pass
          - name: file
            csv:
              path: data/ratings.tsv
              columns: {user: uid, item: iid, value: stars, time: null}
              delimiter: "\t"
              header: true
              kind: explicit
        splits:
          - spec: kfold:5
          - name: holdout
            spec: user-holdout:0.2
        algorithms:
          - name: pop
            kind: most-popular
          - kind: random
          - name: damped
            kind: most-popular
            options:
              measure: damped-mean
            grid:
              damping: [1, 5.5, 10]
        metrics: [nDCG@10, precision@10, coverage]
        evaluation:
          relevance_threshold: 3.5
          baseline: pop
          alpha: 0.01
        repeats: [11, 12]
        report:
          charts: [metric-bars, grid-search]
        """;

    private static ExperimentConfig Parse(string yaml, params string[] overrides) =>
        ExperimentFile.Parse(yaml, "test.yaml", overrides, TestRegistry.Baselines, checkSources: false);

    private static string[] Errors(string yaml, params string[] overrides)
    {
        var e = Assert.Throws<ExperimentConfigException>(() => Parse(yaml, overrides));
        return e.Errors.Select(x => x.ToString()).ToArray();
    }

    private static string[] InvalidFile(string name)
    {
        var path = Path.Combine("Configuration", "Invalid", name);
        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentFile.Load(path, null, TestRegistry.Baselines));
        return e.Errors.Select(x => x.ToString().Replace(path, name)).ToArray();
    }

    public static TheoryData<string> CommittedSuites()
    {
        var root = RecLab.Tests.Support.SharedData.RepoRoot;
        var files = new TheoryData<string>("experiments.yaml");
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "experiments"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            files.Add(Path.GetRelativePath(root, path));
        return files;
    }

    [Theory]
    [MemberData(nameof(CommittedSuites))]
    public void The_committed_suites_are_valid(string file)
    {
        var path = Path.Combine(RecLab.Tests.Support.SharedData.RepoRoot, file);
        var config = ExperimentFile.Parse(File.ReadAllText(path), file, null, null, checkSources: false);
        Assert.NotEmpty(ExperimentPlan.Create(config).Cells);
    }

    [Fact]
    public void A_valid_file_binds_to_typed_records()
    {
        var c = Parse(Valid);

        Assert.Equal(3UL, c.Seed);
        Assert.Equal(ActivityFilter.SinglePass, c.Datasets[0].Preprocessing.Filter);
        Assert.Equal(4f, c.Datasets[0].Preprocessing.ImplicitThreshold);
        Assert.Equal("\t", c.Datasets[1].Csv!.Delimiter);
        Assert.Equal("stars", c.Datasets[1].Csv!.Columns.Value);
        Assert.Null(c.Datasets[1].Csv!.Columns.Time);
        Assert.Equal("kfold:5", c.Splits[0].Label);
        Assert.Equal("random", c.Algorithms[1].Label);
        var damped = c.Algorithms[2];
        Assert.Equal(PopularityMeasure.DampedMean, ((MostPopularOptions)damped.Options!).Measure);
        Assert.Equal("Damping", Assert.Single(damped.Grid).Option);
        Assert.Equal([1f, 5.5f, 10f], damped.Grid[0].Values.Cast<float>());
        Assert.Equal([11UL, 12UL], c.Repeats.Seeds!);
        Assert.Equal(3.5f, c.Evaluation.RelevanceThreshold);
        Assert.Equal(["metric-bars", "grid-search"], c.Report.Charts);
    }

    [Fact]
    public void Typos_give_did_you_mean_wrong_types_and_duplicates_are_all_reported()
    {
        Assert.Equal(
        [
            "typos.yaml:7:5: datasets[0].preprocesing: unknown key (did you mean 'preprocessing'?)",
            "typos.yaml:14:7: algorithms[0].options.dampng: unknown option of most-popular (did you mean 'damping'?)",
            "typos.yaml:17:13: evaluation.per_user: expected true or false, got 'yes'",
            "typos.yaml:18:24: evaluation.relevance_threshold: expected a number, got the string \"4\" (remove the quotes)",
            "typos.yaml:19:1: seed: duplicate key (first given at line 3)",
        ], InvalidFile("typos.yaml"));
    }

    [Fact]
    public void Undefined_names_list_what_is_available()
    {
        Assert.Equal(
        [
            "references.yaml:7:11: splits[0].spec: kfold: unknown key 'shuffle'. It has no options.",
            "references.yaml:10:11: algorithms[0].kind: unknown algorithm 'most-populr' (did you mean 'most-popular'?); available: random, most-popular",
            "references.yaml:12:16: algorithms[1].datasets[0]: 'synt' is not a dataset of this file (did you mean 'synth'?); defined: synth",
            "references.yaml:13:20: metrics[1]: Unknown metric 'precison' (did you mean 'precision'?). Valid metrics: precision@N, recall@N, ndcg@N, lenskit-ndcg@N, map@N, mrr@N, hit@N, auc, coverage@N, gini@N, novelty@N, ild@N, arp@N, new-share@N, new-exposure@N, new-coverage@N, rmse, mae.",
            "references.yaml:15:13: evaluation.baseline: 'popular' is not an algorithm of this file; defined: pop, random",
        ], InvalidFile("references.yaml"));
    }

    [Fact]
    public void A_list_outside_grid_is_an_error_and_grid_points_are_range_checked()
    {
        Assert.Equal(
        [
            "grid.yaml:13:16: algorithms[1].options.damping: a list is not a value of damping (number); to try several values, move it under 'algorithms[1].grid'",
            "grid.yaml:19:7: algorithms[2].grid.measure: option measure is both in options (line 17) and in the grid; keep one",
            "grid.yaml:20:16: algorithms[2].grid.damping: damping must be at least 0 (got -1)",
        ], InvalidFile("grid.yaml"));
    }

    [Fact]
    public void A_syntax_error_has_its_position_and_yamldotnets_message()
    {
        Assert.Equal(["syntax.yaml:6:4: invalid YAML: While parsing a block collection, did not find expected '-' indicator."], InvalidFile("syntax.yaml"));
    }

    [Fact]
    public void Ab_tests_are_validated()
    {
        Assert.Equal(
        [
            "abtest.yaml:17:7: ab_tests[0].arms: the traffic shares sum to 1.1, not 1",
            "abtest.yaml:22:15: ab_tests[1].metrics[0]: roas needs sponsored slots: add a campaign (campaign: {topic: fashion}) to the test",
            "abtest.yaml:26:15: ab_tests[1].arms[0].plan: an influencer plan buys creators for the test's campaign: add a campaign to the test",
            "abtest.yaml:31:14: ab_tests[2].campaign.topic: unknown topic 'fashon' (did you mean 'fashion'?); known: fashion, beauty, gaming, tech, " +
                "food, travel, fitness, finance, music, pets, parenting, home, cars, sports, movies, books, art, science, comedy, outdoors",
            "abtest.yaml:32:15: ab_tests[2].campaign.budget: must be a positive number of dollars (got 0)",
            "abtest.yaml:33:15: ab_tests[2].campaign.target: Unknown age '12-13': one of 13-17, 18-24, 25-34, 35-44, 45-54, 55+.",
            "abtest.yaml:37:15: ab_tests[2].arms[0].plan: expected one of expected-roas, follower-count, got 'most-followers'",
        ], InvalidFile("abtest.yaml"));
    }

    [Fact]
    public void Missing_required_keys_are_named_at_their_mapping()
    {
        Assert.Equal(
        [
            "test.yaml:1:1: missing required key 'name'",
            "test.yaml:1:1: missing required key 'splits'",
            "test.yaml:1:1: missing required key 'algorithms'",
            "test.yaml:1:1: missing required key 'metrics'",
            "test.yaml:3:5: datasets[0]: missing required key 'name'",
            "test.yaml:3:5: datasets[0]: give a 'source' (synthetic:small, ml-100k, a folder or a file) or a 'csv' mapping",
        ], Errors("version: 1\ndatasets:\n  - preprocessing: {}\n"));
    }

    [Fact]
    public void Unclosed_flow_collections_and_empty_files_are_errors_not_crashes()
    {
        // YamlDotNet's scanner throws InvalidOperationException, without a position, on this one.
        Assert.Equal(["test.yaml:6:1: invalid YAML: the file ends inside a '[...]' or '{...}' that is not closed"],
            Errors("version: 1\nname: x\ndatasets:\n  - name: a\n    source: [unclosed\nsplits: []\n"));
        Assert.Equal(["test.yaml:1:1: the file is empty (expected a mapping with version, name, datasets, splits, algorithms, metrics)"], Errors(""));
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_configuration()
    {
        var first = Parse(Valid);
        var yaml = ExperimentFile.ToYaml(first);
        var second = Parse(yaml);

        Assert.Equal(CanonicalJson.Of(first), CanonicalJson.Of(second));
        Assert.Equal(yaml, ExperimentFile.ToYaml(second));
        // Defaults are omitted, quoted strings stay strings.
        Assert.DoesNotContain("filter: iterated", yaml);
        Assert.Contains("damping: [1, 5.5, 10]", yaml);
    }

    [Fact]
    public void Set_overrides_scalars_by_index_or_name_before_validation()
    {
        var c = Parse(Valid, "seed=7", "datasets[0].source=synthetic:tiny", "datasets[file].csv.header=false",
            "algorithms[pop].options.damping=2.5", "evaluation.significance=false", "name='123'");

        Assert.Equal(7UL, c.Seed);
        Assert.Equal("synthetic:tiny", c.Datasets[0].Source);
        Assert.False(c.Datasets[1].Csv!.Header);
        Assert.Equal(2.5f, ((MostPopularOptions)c.Algorithms[0].Options!).Damping);
        Assert.False(c.Evaluation.Significance);
        Assert.Equal("123", c.Name);
    }

    [Fact]
    public void Bad_overrides_are_reported_with_the_option_that_caused_them()
    {
        Assert.Equal(
        [
            "--set seed=x: seed: expected a non-negative integer, got 'x'",
            "--set splits[7].spec=kfold: splits[7].spec: 'splits' has no item [7] (2 items: kfold:5, holdout)",
            "--set datasets=x: datasets: 'datasets' is a list; --set replaces scalars only",
            "--set nonsense: expected key.path=value, e.g. --set seed=7 or --set datasets[0].source=synthetic:tiny",
        ], Errors(Valid, "seed=x", "splits[7].spec=kfold", "datasets=x", "nonsense").OrderBy(e => e.Contains("seed=x") ? 0 : 1).ToArray());
    }

    [Fact]
    public void Synthetic_world_names_and_ab_test_worlds_are_checked()
    {
        Assert.Equal(
        [
            "--set datasets[synth].source=synthetic:smal: datasets[0].source: synthetic:smal: Unknown synthetic preset 'smal'; presets are tiny, small, large, xlarge.",
        ], Errors(Valid, "datasets[synth].source=synthetic:smal"));
    }

    [Fact]
    public void A_misspelt_override_key_is_an_unknown_key_with_a_suggestion()
    {
        Assert.Equal(["--set evaluation.basline=pop: evaluation.basline: unknown key (did you mean 'baseline'?)"],
            Errors(Valid, "evaluation.basline=pop"));
    }

    [Fact]
    public void The_default_baseline_must_be_a_single_configuration()
    {
        const string yaml = """
            version: 1
            name: grid-first
            datasets: [{name: s, source: synthetic:small}]
            splits: [{spec: kfold:5}]
            algorithms:
              - kind: most-popular
                grid: {damping: [1, 2]}
              - kind: random
            metrics: [ndcg@10]
            """;
        Assert.Equal(["test.yaml:1:1: evaluation.baseline: the baseline defaults to the first algorithm, but 'most-popular' has a grid of several points; name a single-configuration baseline"],
            Errors(yaml));
    }
}
