namespace RecLab.Simulation.Statistics;

/// <summary>
/// An arm's cumulative regret against the oracle arm through one day: the sum over days 0 to <paramref name="Day"/> of
/// the oracle arm's clicks per user minus this arm's (both arms' users are random halves of one population, so the
/// difference of their means estimates what the arm's users lost by not being served the ground truth).
/// </summary>
/// <param name="Arm">The arm.</param>
/// <param name="Day">Test day (0 = first).</param>
/// <param name="ClicksPerUser">Cumulative regret in clicks per user.</param>
public sealed record RegretPoint(string Arm, int Day, double ClicksPerUser);
