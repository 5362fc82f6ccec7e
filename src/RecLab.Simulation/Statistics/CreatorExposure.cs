namespace RecLab.Simulation.Statistics;

/// <summary>How an arm spread attention and money over creators and items during the test.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Creators">Creators in the world.</param>
/// <param name="CreatorsReached">Creators with at least one impression.</param>
/// <param name="Coverage">CreatorsReached / Creators.</param>
/// <param name="Gini">Gini index of impressions over all creators (0 equal, 1 one creator takes all).</param>
/// <param name="Top1PercentShare">Share of impressions taken by the top 1% of creators (at least one creator).</param>
/// <param name="CreatorPayout">Paid to creators: the commission on their sales plus influencer fees, in dollars.</param>
/// <param name="PayoutGini">Gini index of payouts over creators.</param>
/// <param name="CatalogCoverage">Share of catalogue items shown at least once.</param>
public sealed record CreatorExposure(string Arm, int Creators, int CreatorsReached, double Coverage, double Gini, double Top1PercentShare,
    double CreatorPayout, double PayoutGini, double CatalogCoverage);
