using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Tests.Support;

namespace RecLab.Experiments.Tests.Cells;

public sealed class ExperimentPlanTests
{
    private const string Base = """
        version: 1
        name: plan
        seed: 5
        datasets:
          - name: a
            source: synthetic:small
          - name: b
            source: synthetic:tiny
        splits:
          - spec: kfold:3
          - spec: user-holdout:0.2
        algorithms:
          - name: pop
            kind: most-popular
          - kind: random
          - name: damped
            kind: most-popular
            options: {measure: damped-mean}
            grid:
              damping: [1, 5]
        metrics: [ndcg@10, precision@10]
        repeats: 2
        """;

    /// <summary>The same experiment with datasets, splits, algorithms and metrics listed in reverse order.</summary>
    private const string Reordered = """
        version: 1
        name: plan
        seed: 5
        metrics: [precision@10, ndcg@10]
        repeats: 2
        algorithms:
          - name: damped
            kind: most-popular
            grid:
              damping: [1, 5]
            options: {measure: damped-mean}
          - kind: random
          - name: pop
            kind: most-popular
        splits:
          - spec: user-holdout:0.2
          - spec: kfold:3
        datasets:
          - name: b
            source: synthetic:tiny
          - name: a
            source: synthetic:small
        evaluation:
          baseline: pop
        """;

    private static ExperimentPlan Plan(string yaml, params string[] overrides) =>
        ExperimentPlan.Create(ExperimentFile.Parse(yaml, "plan.yaml", overrides, TestRegistry.Baselines, checkSources: false), TestRegistry.Baselines);

    [Fact]
    public void Every_dataset_split_repeat_fold_and_grid_point_is_one_cell()
    {
        var plan = Plan(Base);

        // 2 datasets x (3 + 1 folds) x 2 repeats x (1 + 1 + 2 configurations)
        Assert.Equal(2 * 4 * 2 * 4, plan.Cells.Count);
        Assert.Equal(["pop", "random", "damped damping=1", "damped damping=5"], plan.Configurations);
        Assert.Equal(plan.Cells.Count, plan.Cells.Select(c => c.Id).Distinct().Count());
        Assert.All(plan.Cells, c => Assert.Matches("^[0-9a-f]{16}$", c.Id));
    }

    [Fact]
    public void Reordering_the_file_keeps_every_id_and_seed()
    {
        var a = Plan(Base).Cells.ToDictionary(c => c.Id);
        var b = Plan(Reordered).Cells.ToDictionary(c => c.Id);

        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.All(a.Values, c =>
        {
            Assert.Equal(c.FitSeed, b[c.Id].FitSeed);
            Assert.Equal(c.SplitSeed, b[c.Id].SplitSeed);
            Assert.Equal(c.Configuration, b[c.Id].Configuration);
        });
    }

    [Fact]
    public void Changing_an_option_changes_only_the_cells_of_that_algorithm()
    {
        var before = Plan(Base).Cells;
        var after = Plan(Base, "algorithms[pop].options.damping=6").Cells;

        var changed = before.Zip(after).Where(p => p.First.Id != p.Second.Id).Select(p => p.First.Algorithm).Distinct();
        Assert.Equal(["pop"], changed);
    }

    [Fact]
    public void Changing_the_seed_or_a_metric_changes_every_id()
    {
        var ids = Plan(Base).Cells.Select(c => c.Id).ToHashSet();
        Assert.DoesNotContain(Plan(Base, "seed=6").Cells, c => ids.Contains(c.Id));
        Assert.DoesNotContain(Plan(Base, "metrics[1]=recall@10").Cells, c => ids.Contains(c.Id));
    }

    [Fact]
    public void Algorithms_of_one_dataset_split_and_repeat_share_the_split_seed()
    {
        var plan = Plan(Base);
        foreach (var group in plan.Cells.GroupBy(c => (c.Dataset, c.Split, c.Repeat)))
            Assert.Single(group.Select(c => c.SplitSeed).Distinct());
        Assert.Equal(2 * 2 * 2, plan.Cells.Select(c => c.SplitSeed).Distinct().Count());
        Assert.Equal(plan.Cells.Count, plan.Cells.Select(c => c.FitSeed).Distinct().Count());
    }

    [Fact]
    public void Moving_the_data_changes_the_ids_but_not_the_seeds()
    {
        // CI found this: the same suite read ../shared from another folder split and fitted differently.
        var here = Plan(Base).Cells;
        var moved = Plan(Base, "datasets[a].source=/elsewhere/ml-latest-small", "datasets[b].source=data/ratings.csv").Cells;

        Assert.Equal(here.Count, moved.Count);
        Assert.All(here.Zip(moved), p =>
        {
            Assert.NotEqual(p.First.Id, p.Second.Id);
            Assert.Equal(p.First.SplitSeed, p.Second.SplitSeed);
            Assert.Equal(p.First.FitSeed, p.Second.FitSeed);
        });
    }

    [Fact]
    public void Explicit_repeat_seeds_keep_a_cell_whatever_their_order()
    {
        var a = Plan(Base, "repeats=3").Cells.Select(c => c.Id).ToHashSet();
        var seeds = Plan(Base, "repeats=3").RepeatSeeds;
        var explicitSeeds = Base.Replace("repeats: 2", $"repeats: [{seeds[2]}, {seeds[0]}, {seeds[1]}]");

        Assert.True(a.SetEquals(Plan(explicitSeeds).Cells.Select(c => c.Id)));
    }

    /// <summary>Two A/B tests, appended to <see cref="Base"/> or <see cref="Reordered"/> (tests in the other order for the latter).</summary>
    private static string WithAbTests(string yaml, bool reversed = false)
    {
        string Test(string name, int days) => $$"""
              - name: {{name}}
                world: tiny
                days: {{days}}
                arms:
                  - {algorithm: pop, traffic: 0.5}
                  - {algorithm: random, traffic: 0.5}
            """;
        return yaml + "\nab_tests:\n" + (reversed ? Test("second", 3) + "\n" + Test("first", 2) : Test("first", 2) + "\n" + Test("second", 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Shards_are_disjoint_complete_balanced_and_independent_of_file_order(int n)
    {
        var plan = Plan(WithAbTests(Base));
        var reordered = Plan(WithAbTests(Reordered, reversed: true));
        List<string> Units(ShardWork work) => [.. work.Cells.Select(c => c.Id), .. work.AbTests.Select(t => t.Id)];
        var shards = Enumerable.Range(0, n).Select(i => Units(new ShardSpec(i, n).Select(plan))).ToList();

        var units = plan.Cells.Count + plan.AbTests.Count;
        Assert.Equal(2, plan.AbTests.Count);
        Assert.Equal(units, shards.Sum(s => s.Count));
        Assert.Equal(units, shards.SelectMany(s => s).Distinct().Count());
        Assert.True(shards.Max(s => s.Count) - shards.Min(s => s.Count) <= 1);
        for (var i = 0; i < n; i++)
            Assert.Equal(shards[i].Order(), Units(new ShardSpec(i, n).Select(reordered)).Order());
    }

    [Fact]
    public void An_ab_test_id_follows_its_definition_and_the_seed_not_its_place_in_the_file()
    {
        var first = Plan(WithAbTests(Base)).AbTests.Single(t => t.Name == "first");

        Assert.Equal(first.Id, Plan(WithAbTests(Reordered, reversed: true)).AbTests.Single(t => t.Name == "first").Id);
        Assert.NotEqual(first.Id, Plan(WithAbTests(Base), "seed=6").AbTests.Single(t => t.Name == "first").Id);
        Assert.NotEqual(first.Id, Plan(WithAbTests(Base), "ab_tests[first].days=4").AbTests.Single(t => t.Name == "first").Id);
        Assert.NotEqual(first.Id, Plan(WithAbTests(Base), "algorithms[pop].options.measure=damped-mean").AbTests.Single(t => t.Name == "first").Id);
        Assert.Equal(first.Id, Plan(WithAbTests(Base), "algorithms[damped].options.measure=count").AbTests.Single(t => t.Name == "first").Id);
    }

    [Theory]
    [InlineData("0/3", 0, 3)]
    [InlineData("2/3", 2, 3)]
    public void Shard_specs_are_zero_based(string text, int index, int count) =>
        Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text));

    [Theory]
    [InlineData("3/3")]
    [InlineData("1")]
    [InlineData("-1/3")]
    [InlineData("0/0")]
    public void Bad_shard_specs_say_the_convention(string text) =>
        Assert.Equal($"--shard '{text}': expected i/n with 0 <= i < n (0-based), e.g. 0/3, 1/3, 2/3.", Assert.Throws<FormatException>(() => ShardSpec.Parse(text)).Message);

    [Fact]
    public void The_baseline_is_the_named_algorithm_or_the_first()
    {
        Assert.Equal("pop", Plan(Base).Baseline);
        Assert.Equal("random", Plan(Base, "evaluation.baseline=random").Baseline);
        Assert.Null(Plan(Base, "evaluation.significance=false").Baseline);
    }
}
