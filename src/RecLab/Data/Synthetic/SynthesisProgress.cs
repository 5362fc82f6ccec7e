namespace RecLab.Data.Synthetic;

/// <summary>Progress of world generation: the stage under way and the share of the whole job done.</summary>
/// <param name="Stage">users, creators, items, follows, policy, log.</param>
/// <param name="Fraction">Share done, 0 to 1.</param>
public readonly record struct SynthesisProgress(string Stage, double Fraction);
