namespace RecLab.Simulation.Policies;

/// <summary>One user's ranked candidates under one fitted model: the best items first, the user's training history left out.</summary>
/// <param name="Items">Items, best first (ties to the lower index).</param>
/// <param name="Scores">Their scores.</param>
/// <param name="Complete">True when every item the model can score is listed (deepening would add nothing).</param>
/// <param name="SponsoredOrder">The campaign's items ordered by score for this user (empty without a campaign).</param>
internal sealed record CandidateList(int[] Items, float[] Scores, bool Complete, int[] SponsoredOrder);
