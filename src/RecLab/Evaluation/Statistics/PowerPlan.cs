namespace RecLab.Evaluation.Statistics;

/// <summary>A planned A/B test (<see cref="PowerAnalysis.Plan"/>).</summary>
/// <param name="BaselineMean">Control mean per user (or rate).</param>
/// <param name="StandardDeviation">Per-user standard deviation assumed in every arm.</param>
/// <param name="Effect">Absolute difference detectable (or asked for).</param>
/// <param name="RelativeEffect">Effect / |baseline mean| (NaN for a zero baseline).</param>
/// <param name="Alpha">Family-wise two-sided significance level.</param>
/// <param name="ComparisonAlpha">Level of each treatment-versus-control comparison (Bonferroni).</param>
/// <param name="Power">Power asked for.</param>
/// <param name="AchievedPower">Power at the rounded user count.</param>
/// <param name="Arms">Arms including control, with equal traffic.</param>
/// <param name="UsersPerArm">Users in each arm.</param>
/// <param name="TotalUsers">Users over all arms.</param>
public sealed record PowerPlan(double BaselineMean, double StandardDeviation, double Effect, double RelativeEffect, double Alpha,
    double ComparisonAlpha, double Power, double AchievedPower, int Arms, long UsersPerArm, long TotalUsers);
