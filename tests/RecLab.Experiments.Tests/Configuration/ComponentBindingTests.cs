using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Schema;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.ColdStart;
using RecLab.Recommenders.Factorization;
using RecLab.Recommenders.Hybrid;
using RecLab.Splitting;

namespace RecLab.Experiments.Tests.Configuration;

/// <summary>
/// Algorithms inside another's options (hybrid components, ltr's generators, a bandit's base) are bound as top-level
/// algorithms are: a name or <c>{kind, options}</c>, typed options over the defaults, each error at its own line and column.
/// </summary>
public sealed class ComponentBindingTests
{
    private const string Blend = """
        version: 1
        name: blend
        datasets:
          - name: synth
            source: synthetic:small
        splits:
          - spec: user-holdout:0.2
        algorithms:
          - name: blend
            kind: weighted-hybrid
            options:
              components:
                - most-popular
                - {kind: implicit-als, options: {factors: 16, iterations: 3}}
              validation_split: cold-users:0.2:onboard=5
          - name: bandit
            kind: thompson
            options:
              base: {kind: Implicit-ALS, options: {factors: 8}}
        metrics: [ndcg@10]
        """;

    private static ExperimentConfig Parse(string yaml, RecommenderRegistry? registry = null) =>
        ExperimentFile.Parse(yaml, "test.yaml", null, registry, checkSources: false);

    private static WeightedHybridOptions BlendOf(ExperimentConfig config) => Assert.IsType<WeightedHybridOptions>(config.Algorithms[0].Options);

    [Fact]
    public void Components_bind_to_typed_options_of_their_kind()
    {
        var config = Parse(Blend);

        var blend = Assert.IsType<WeightedHybridOptions>(config.Algorithms[0].Options);
        Assert.Equal(["most-popular", "implicit-als"], blend.Components.Select(c => c.Kind));
        Assert.IsType<MostPopularOptions>(blend.Components[0].Options);
        var als = Assert.IsType<ImplicitAlsOptions>(blend.Components[1].Options);
        Assert.Equal((16, 3), (als.Factors, als.Iterations));
        Assert.Equal(new ImplicitAlsOptions().Regularization, als.Regularization);
        Assert.Equal("cold-users:0.2:onboard=5", blend.ValidationSplit.Spec);
        // The kind takes the registry's spelling, as a top-level kind does.
        var bandit = Assert.IsType<BanditRankerOptions>(config.Algorithms[1].Options);
        Assert.Equal("implicit-als", bandit.Base.Kind);
        Assert.Equal(8, Assert.IsType<ImplicitAlsOptions>(bandit.Base.Options).Factors);
    }

    [Fact]
    public void Each_component_error_has_its_own_line_and_column()
    {
        var path = Path.Combine("Configuration", "Invalid", "components.yaml");
        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentFile.Load(path));
        var errors = e.Errors.Select(x => x.ToString().Replace(path, "components.yaml")).ToArray();

        Assert.Equal(
        [
            "components.yaml:13:11: algorithms[0].options.components[0]: unknown algorithm 'most-populr' (did you mean 'most-popular'?); available: " + string.Join(", ", RecommenderRegistry.Default.Names),
            "components.yaml:16:13: algorithms[0].options.components[1].options.neighbours: unknown option of item-knn-implicit (did you mean 'neighbors'?)",
            "components.yaml:17:51: algorithms[0].options.components[2].options.factors: factors must be between 1 and 1024 (got 0)",
            "components.yaml:18:11: algorithms[0].options.components[3]: options are not written inside the name: give {kind: implicit-als, options: {...}} with each option as a key",
            "components.yaml:19:11: algorithms[0].options.components[4]: missing required key 'kind'",
            "components.yaml:19:12: algorithms[0].options.components[4].name: unknown key; valid keys: kind, options",
            "components.yaml:20:25: algorithms[0].options.validation_split: " + OptionsBinder.SplitProblem("cold-usrs:0.2"),
            "components.yaml:24:13: algorithms[1].options.base: a list is not a value of base (algorithm (a registered name; in YAML, a name or {kind, options})); to try several values, move it under 'algorithms[1].grid'",
        ], errors);
    }

    [Fact]
    public void Components_come_from_the_registry_the_file_is_read_with()
    {
        var registry = new RecommenderRegistry()
            .Add<MostPopularOptions>("popular", "popular", o => new MostPopular(o))
            .Add<WeightedHybridOptions>("blend", "blend", o => new WeightedHybrid(o, RecommenderRegistry.Default));
        const string yaml = """
            version: 1
            name: x
            datasets: [{name: synth, source: "synthetic:small"}]
            splits: [{spec: "user-holdout:0.2"}]
            algorithms:
              - kind: blend
                options: {components: [popular, most-popular], weights: [1, 1]}
            metrics: [ndcg@10]
            """;

        var e = Assert.Throws<ExperimentConfigException>(() => Parse(yaml, registry));

        // most-popular is built in, but not in the registry this file names its algorithms from.
        Assert.Equal(["test.yaml:7:37: algorithms[0].options.components[1]: unknown algorithm 'most-popular' (did you mean 'popular'?); available: popular, blend"],
            e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void Components_write_back_as_names_or_kind_and_changed_options()
    {
        var first = Parse(Blend);
        var yaml = ExperimentFile.ToYaml(first);
        var second = Parse(yaml);

        Assert.Equal(CanonicalJson.Of(first), CanonicalJson.Of(second));
        Assert.Equal(yaml, ExperimentFile.ToYaml(second));
        Assert.Contains("- most-popular", yaml);
        Assert.Contains("kind: implicit-als", yaml);
        Assert.DoesNotContain("regularization", yaml);
    }

    [Fact]
    public void A_component_with_its_defaults_is_one_whether_named_or_given_its_options()
    {
        // The canonical form of a component is its name (with the options it changes): the text files wrote before components
        // were typed, so their cells keep their ids, and equivalent spellings are one cell.
        var named = Parse(Blend.Replace("{kind: implicit-als, options: {factors: 16, iterations: 3}}", "implicit-als"));
        var spelled = Parse(Blend.Replace("{kind: implicit-als, options: {factors: 16, iterations: 3}}", "{kind: implicit-als, options: {factors: 64}}"));
        var piped = Parse(Blend.Replace("      components:\n        - most-popular\n        - {kind: implicit-als, options: {factors: 16, iterations: 3}}",
            "      components: most-popular|implicit-als"));
        var defaultFactors = new ImplicitAlsOptions().Factors;

        Assert.Equal(64, defaultFactors);
        Assert.Equal("[\"most-popular\",\"implicit-als\"]", CanonicalJson.Of(BlendOf(named).Components));
        Assert.Equal("[\"most-popular\",\"implicit-als\"]", CanonicalJson.Of(BlendOf(spelled).Components));
        Assert.Equal("[\"most-popular\",\"implicit-als\"]", CanonicalJson.Of(BlendOf(piped).Components));
        Assert.Equal("[\"most-popular\",\"implicit-als:factors=16;iterations=3\"]", CanonicalJson.Of(BlendOf(Parse(Blend)).Components));
    }

    [Fact]
    public void A_validation_split_is_a_splitter_bound_once()
    {
        var options = BlendOf(Parse(Blend));

        var cold = Assert.IsType<ColdStartSplit>(options.ValidationSplit);
        Assert.Equal(5, cold.Options.Onboard);
        Assert.Equal("user-holdout:0.2", new WeightedHybridOptions().ValidationSplit.Spec);
        Assert.Equal("user-holdout:0.2", new LearningToRankOptions().ValidationSplit.Spec);
    }
}
