namespace RecLab.Recommenders.Learning;

/// <summary>Boosting settings shared by FastTree and LightGBM, for click models and rankers alike.</summary>
internal sealed record TreeSettings(int Trees, int Leaves, double LearningRate, int MinExamplesPerLeaf);
