namespace RecLab.Data.Synthetic;

/// <summary>A content topic of the synthetic world, with the words its titles are made of.</summary>
/// <param name="Name">Lower-case name (<c>fashion</c>, <c>gaming</c>, ...), used in feature names (<c>topic:fashion</c>).</param>
/// <param name="Vocabulary">Title words, most frequent first (drawn with a Zipf law over this order).</param>
/// <param name="GenderLean">Audience lean in [-1, 1]: positive draws more women, negative more men.</param>
/// <param name="AgeLean">Audience lean in [-1, 1]: positive draws older users, negative younger ones.</param>
/// <param name="Popularity">Relative base share of interest among users and of creators choosing it.</param>
/// <param name="PriceMedian">Median price of its products, in dollars, before the world's <see cref="WorldOptions.PriceScale"/>.</param>
public sealed record Topic(
    string Name, IReadOnlyList<string> Vocabulary, float GenderLean, float AgeLean, float Popularity, float PriceMedian);
