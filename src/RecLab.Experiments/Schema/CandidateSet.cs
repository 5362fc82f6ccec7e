namespace RecLab.Experiments.Schema;

/// <summary>Which items a test user's ranking is drawn from.</summary>
public enum CandidateSet
{
    /// <summary>Every item in the catalogue that the user has not interacted with in training (no sampled negatives).</summary>
    AllUnseen,

    /// <summary>
    /// Every item with at least one training interaction that the user has not interacted with in training: the model's
    /// item vocabulary, as Microsoft Recommenders' cornac and SAR wrappers and LensKit's top-N pipelines rank. Items seen
    /// only in the test data are never candidates (they stay relevant, so they still count in recall and the ideal DCG).
    /// </summary>
    TrainingItems,
}
