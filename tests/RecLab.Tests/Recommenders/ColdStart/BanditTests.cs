using RecLab.Data;
using RecLab.Recommenders.ColdStart;

namespace RecLab.Tests.Recommenders.ColdStart;

public sealed class BanditTests
{
    [Fact]
    public void Epsilon_greedy_exploits_the_best_posterior_mean()
    {
        // Prior Beta(1, 1): item 3 with 2 clicks in 2 has mean 3/4, item 5 with 0 in 3 has 1/5, unshown item 7 has 1/2.
        var bandit = new EpsilonGreedy(10, epsilon: 0, seed: 1);
        bandit.Update(0, 3, true);
        bandit.Update(0, 3, true);
        for (var k = 0; k < 3; k++)
            bandit.Update(0, 5, false);
        Assert.Equal(3, bandit.Choose(0, [5, 7, 3]));
        Assert.Equal(7, bandit.Choose(0, [5, 7]));
    }

    [Fact]
    public void Epsilon_one_is_uniform_over_the_offered_items()
    {
        var bandit = new EpsilonGreedy(10, epsilon: 1, seed: 2);
        var counts = new int[10];
        for (var k = 0; k < 3000; k++)
            counts[bandit.Choose(0, [1, 4, 8])]++;
        Assert.Equal(3000, counts[1] + counts[4] + counts[8]);
        Assert.All(new[] { counts[1], counts[4], counts[8] }, c => Assert.InRange(c, 900, 1100));
    }

    [Fact]
    public void Thompson_sampling_favours_the_likely_best_and_tries_the_unknown()
    {
        var bandit = new ThompsonSampling(3, seed: 3);
        for (var k = 0; k < 100; k++)
        {
            bandit.Update(0, 0, k < 90);
            bandit.Update(0, 1, k < 10);
        }
        var picks = new int[3];
        for (var k = 0; k < 1000; k++)
            picks[bandit.Choose(0, [0, 1])]++;
        // Beta(91, 11) against Beta(11, 91): they never cross in practice.
        Assert.Equal(1000, picks[0]);
        // An unshown item (uniform posterior) beats Beta(11, 91) (mean 0.11) most of the time: P(U > X) ≈ 0.89.
        var fresh = 0;
        for (var k = 0; k < 1000; k++)
            fresh += bandit.Choose(0, [1, 2]) == 2 ? 1 : 0;
        Assert.InRange(fresh, 850, 930);
    }

    [Fact]
    public void Thompson_sampling_repeats_with_its_seed()
    {
        var a = new ThompsonSampling(5, seed: 9);
        var b = new ThompsonSampling(5, seed: 9);
        for (var k = 0; k < 50; k++)
            Assert.Equal(a.Choose(0, [0, 1, 2, 3, 4]), b.Choose(0, [0, 1, 2, 3, 4]));
    }

    /// <summary>Items 0 and 2 have feature e1, item 1 has e2 (two features).</summary>
    private static CsrMatrix TwoFeatures() => new(3, 2, [0, 1, 2, 3], [0, 1, 0], [1f, 1f, 1f]);

    [Fact]
    public void LinUcb_bonus_and_mean_match_the_hand_computed_ridge_solution()
    {
        // λ = 1, no data: A⁻¹ = I, every unit vector has bonus α·1 and mean 0.
        var bandit = new LinUcb(TwoFeatures(), alpha: 1, ridge: 1);
        Assert.Equal(1, bandit.Score(0), 12);
        // Item 0 shown, not clicked: A = diag(2, 1), b = 0, so item 0 scores sqrt(1/2) and item 1 still 1.
        bandit.Update(0, 0, false);
        Assert.Equal(Math.Sqrt(0.5), bandit.Score(0), 12);
        Assert.Equal(1, bandit.Score(1), 12);
        Assert.Equal(1, bandit.Choose(0, [0, 1]));
        // Clicked once more: A = diag(3, 1), b = (1, 0), θ = (1/3, 0): item 0 scores 1/3 + sqrt(1/3).
        bandit.Update(0, 0, true);
        Assert.Equal(1.0 / 3 + Math.Sqrt(1.0 / 3), bandit.Score(0), 12);
    }

    [Fact]
    public void LinUcb_carries_what_it_learnt_to_a_new_item_with_the_same_features()
    {
        // Greedy (α = 0): item 0 clicked gives feature e1 a positive weight; item 2 was never shown but shares it.
        var bandit = new LinUcb(TwoFeatures(), alpha: 0, ridge: 1);
        bandit.Update(0, 0, true);
        bandit.Update(0, 1, false);
        Assert.Equal(0.5, bandit.Score(2), 12);
        Assert.Equal(2, bandit.Choose(0, [1, 2]));
    }
}
