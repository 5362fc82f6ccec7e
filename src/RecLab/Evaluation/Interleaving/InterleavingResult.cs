using RecLab.Evaluation.Statistics;

namespace RecLab.Evaluation.Interleaving;

/// <summary>Interleaving outcomes over users (<see cref="TeamDraft.Summarize"/>).</summary>
/// <param name="Wins">Users who clicked more of A's items.</param>
/// <param name="Losses">Users who clicked more of B's items.</param>
/// <param name="Ties">Users with equal credit (most often no click).</param>
/// <param name="Preference">Δ_AB = (wins + ties/2) / n − 1/2, in [−1/2, 1/2]; positive favours A.</param>
/// <param name="SignTest">Exact sign test of wins against losses.</param>
public sealed record InterleavingResult(long Wins, long Losses, long Ties, double Preference, TestResult SignTest);
