using RecLab.Splitting;

namespace RecLab.Recommenders.Hybrid;

/// <summary>Options of <see cref="LearningToRank"/>.</summary>
public sealed record LearningToRankOptions : RecommenderOptions
{
    /// <summary>
    /// The candidate generators, each a registered kind with its options, as an algorithm is given: each contributes its
    /// top <see cref="Candidates"/> unseen items, and its score and rank become features.
    /// </summary>
    public RecommenderSpec[] Generators { get; init; } = ["implicit-als", "item-knn-implicit", "most-popular", "content-based"];

    /// <summary>Top items taken from each generator (the candidate set is their union).</summary>
    public int Candidates { get; init; } = 200;

    /// <summary>The LambdaMART trainer.</summary>
    public RankerLearner Ranker { get; init; } = RankerLearner.FastTree;

    /// <summary>Boosted trees in the ranker.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = 20;

    /// <summary>Shrinkage of each tree.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Fewest training rows in a leaf.</summary>
    public int MinExamplesPerLeaf { get; init; } = 20;

    /// <summary>
    /// The split of the training data the ranker learns on (seeded, first fold; a split spec in YAML and on the command
    /// line): generators are fitted on its training part and their candidates for its held-out part are the ranker's
    /// labelled rows. The test data is never used.
    /// </summary>
    public ISplitter ValidationSplit { get; init; } = new GroupHoldout(new GroupHoldoutOptions());

    /// <summary>Most validation users (query groups) the ranker learns from (a seeded sample), to bound the cost.</summary>
    public int ValidationUsers { get; init; } = 1000;

    /// <summary>Explicit data: a held-out rating at or above this is relevant.</summary>
    public float RelevanceThreshold { get; init; } = 4f;

    /// <inheritdoc/>
    public override IEnumerable<OptionError> Validate()
    {
        var errors = new List<OptionError>(RecommenderSpec.Check(nameof(Generators), Generators));
        errors.AddRange(Between(nameof(Candidates), Candidates, 1, 100_000));
        errors.AddRange(AtLeast(nameof(Trees), Trees, 1));
        errors.AddRange(Between(nameof(Leaves), Leaves, 2, 1024));
        errors.AddRange(Between(nameof(LearningRate), LearningRate, 1e-6, 10));
        errors.AddRange(AtLeast(nameof(MinExamplesPerLeaf), MinExamplesPerLeaf, 1));
        errors.AddRange(AtLeast(nameof(ValidationUsers), ValidationUsers, 1));
        return errors;
    }
}
