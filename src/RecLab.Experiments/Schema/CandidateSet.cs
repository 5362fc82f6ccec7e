namespace RecLab.Experiments.Schema;

/// <summary>Which items a test user's ranking is drawn from.</summary>
public enum CandidateSet
{
    /// <summary>Every item in the catalogue that the user has not interacted with in training (no sampled negatives).</summary>
    AllUnseen,
}
