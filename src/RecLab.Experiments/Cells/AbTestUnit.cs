using System.Text.Json.Nodes;
using RecLab.Experiments.Configuration;
using RecLab.Experiments.Schema;
using RecLab.Recommenders;

namespace RecLab.Experiments.Cells;

/// <summary>
/// A simulated A/B test as a unit of work, like a cell: its <see cref="Id"/> is a hash of everything that determines
/// its results (the test, its arms' algorithms with every option, the experiment seed), so a shard can own it, a rerun
/// can skip it, and a report can tell its outputs from those of another configuration.
/// </summary>
public sealed record AbTestUnit
{
    /// <summary>The test as configured.</summary>
    public required AbTestConfig Test { get; init; }

    /// <summary>First 16 hex digits of the SHA-256 of <see cref="Definition"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Canonical JSON of the definition.</summary>
    public required string Definition { get; init; }

    /// <summary>Each arm's name, algorithm kind and options (its algorithm's single configuration), in file order.</summary>
    public required IReadOnlyList<(string Name, string Kind, RecommenderOptions Options)> Arms { get; init; }

    /// <summary>The test's name.</summary>
    public string Name => Test.Name;

    /// <summary>The unit of <paramref name="test"/>, an A/B test of a validated <paramref name="config"/>.</summary>
    internal static AbTestUnit Create(ExperimentConfig config, AbTestConfig test, RecommenderRegistry registry)
    {
        var arms = new List<(string, string, RecommenderOptions)>();
        var armNodes = new JsonArray();
        foreach (var arm in test.Arms)
        {
            var algorithm = config.Algorithms.First(a => a.Label == arm.Algorithm);
            var kind = registry.Get(algorithm.Kind).Name;
            // The validator allows only single-point grids here: that one point is the arm's configuration.
            var options = ConfigBinder.GridPoints(algorithm.Options!, algorithm.Grid).Single();
            var name = arm.Name ?? arm.Algorithm;
            arms.Add((name, kind, options));
            var node = new JsonObject
            {
                ["name"] = name,
                ["traffic"] = CanonicalJson.ToNode(arm.Traffic),
                ["kind"] = kind,
                ["options"] = CanonicalJson.ToNode(options),
            };
            if (arm.Plan is { } strategy)
                node["plan"] = strategy.ToString();
            armNodes.Add(node);
        }
        var testNode = CanonicalJson.ToNode(test)!.AsObject();
        testNode["arms"] = armNodes;
        var definition = CanonicalJson.Write(new JsonObject { ["format"] = 1, ["seed"] = config.Seed, ["test"] = testNode });
        return new AbTestUnit { Test = test, Id = CanonicalJson.Sha256(definition)[..16], Definition = definition, Arms = arms };
    }
}
