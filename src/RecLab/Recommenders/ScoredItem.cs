namespace RecLab.Recommenders;

/// <summary>An item with its score, as returned by <see cref="Ranking.Recommend"/>.</summary>
/// <param name="Item">Dense item index.</param>
/// <param name="Score">The model's score (comparable within one list only).</param>
public readonly record struct ScoredItem(int Item, float Score);
