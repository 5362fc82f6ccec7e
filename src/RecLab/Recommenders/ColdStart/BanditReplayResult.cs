namespace RecLab.Recommenders.ColdStart;

/// <summary>A bandit's replay on a logged impression log (see <see cref="BanditReplay"/>).</summary>
/// <param name="Policy">The bandit's name.</param>
/// <param name="Events">Top-slot impressions replayed (those with at least one item to choose from).</param>
/// <param name="Matches">Events where the bandit chose the logged item: the ones it learnt from.</param>
/// <param name="Ips">Inverse-propensity estimate of the bandit's top-slot click rate, <c>(1/T) Σ 1[a_t = i_t] r_t / p_t</c>.</param>
/// <param name="Snips">Self-normalized estimate, <c>Σ 1[a_t = i_t] r_t / p_t / Σ 1[a_t = i_t] / p_t</c> (NaN without matches).</param>
/// <param name="LoggedCtr">Click rate of the logged top-slot impressions of the same events (the logging policy's own).</param>
public sealed record BanditReplayResult(string Policy, int Events, int Matches, double Ips, double Snips, double LoggedCtr);
