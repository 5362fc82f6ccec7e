using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Internal.Kernels;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class RankingMetricTests
{
    private const double Tol = 1e-12;

    private static RelevanceSet Relevant(params int[] items)
    {
        var set = new RelevanceSet(10);
        set.Reset(items);
        return set;
    }

    private static double[] All(int n, int[] ranked, RelevanceSet relevant) =>
    [
        new Precision(n).Measure(ranked, relevant),
        new Recall(n).Measure(ranked, relevant),
        new Ndcg(n).Measure(ranked, relevant),
        new AveragePrecision(n).Measure(ranked, relevant),
        new ReciprocalRank(n).Measure(ranked, relevant),
        new HitRate(n).Measure(ranked, relevant),
    ];

    [Fact]
    public void Hand_computed_list_with_two_hits()
    {
        // R = {1, 4, 7}; L = [4, 0, 1, 9, 2]; hits at ranks 1 and 3.
        var v = All(5, [4, 0, 1, 9, 2], Relevant(1, 4, 7));
        Assert.Equal(0.4, v[0], Tol);                // P@5 = 2 / 5
        Assert.Equal(2.0 / 3, v[1], Tol);            // R@5 = 2 / 3
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG over min(5, 3) = 3: 1 + 1/log2(3) + 1/2 = 2.1309297535714575
        Assert.Equal(0.7039180890341347, v[2], Tol);
        Assert.Equal(5.0 / 9, v[3], Tol);            // AP = (1/1 + 2/3) / min(5, 3) = (5/3) / 3
        Assert.Equal(1.0, v[4], Tol);                // first hit at rank 1
        Assert.Equal(1.0, v[5], Tol);
    }

    [Fact]
    public void A_list_shorter_than_N_keeps_N_as_the_precision_denominator()
    {
        // L = [0, 7] asked for N = 5; the single hit is at rank 2.
        var v = All(5, [0, 7], Relevant(1, 4, 7));
        Assert.Equal(0.2, v[0], Tol);                // 1 / 5, not 1 / 2
        Assert.Equal(1.0 / 3, v[1], Tol);
        Assert.Equal(0.2960819109658652, v[2], Tol); // (1/log2 3) / 2.1309297535714575
        Assert.Equal(1.0 / 6, v[3], Tol);            // (1/2) / min(5, 3)
        Assert.Equal(0.5, v[4], Tol);
        Assert.Equal(1.0, v[5], Tol);
    }

    [Fact]
    public void Empty_list_scores_zero_everywhere()
    {
        Assert.All(All(10, [], Relevant(1, 4, 7)), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void All_misses_score_zero_everywhere()
    {
        Assert.All(All(5, [0, 2, 3, 5, 6], Relevant(1, 4, 7)), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Entries_beyond_N_are_ignored()
    {
        // Relevant items 4 and 1 sit at ranks 3 and 4, outside the top 2.
        Assert.All(All(2, [0, 2, 4, 1], Relevant(1, 4, 7)), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Perfect_ranking_scores_one()
    {
        var v = All(3, [7, 1, 4, 0], Relevant(1, 4, 7));
        Assert.All(v, x => Assert.Equal(1.0, x, Tol));
        // With N = 5 > |R| = 3 precision cannot reach 1 (3 / 5); every other metric still does.
        var longer = All(5, [7, 1, 4, 0, 2], Relevant(1, 4, 7));
        Assert.Equal(0.6, longer[0], Tol);
        Assert.All(longer[1..], x => Assert.Equal(1.0, x, Tol));
    }

    [Fact]
    public void More_relevant_items_than_N_still_allow_ndcg_and_map_of_one()
    {
        // |R| = 6 > N = 3: ideal and AP denominators use min(N, |R|) = 3; recall is 3 / 6.
        var relevant = Relevant(0, 1, 2, 3, 4, 5);
        int[] ranked = [0, 1, 2];
        Assert.Equal(1.0, new Ndcg(3).Measure(ranked, relevant), Tol);
        Assert.Equal(1.0, new AveragePrecision(3).Measure(ranked, relevant), Tol);
        Assert.Equal(0.5, new Recall(3).Measure(ranked, relevant), Tol);
        Assert.Equal(1.0, new Precision(3).Measure(ranked, relevant), Tol);
    }

    [Fact]
    public void Graded_gains_weight_ndcg()
    {
        // Gains: item 1 -> 3, item 4 -> 1, item 7 -> 2; L = [4, 1, 0].
        var relevant = new RelevanceSet(10);
        relevant.Reset([1, 4, 7], [3f, 1f, 2f]);
        // DCG = 1/log2 2 + 3/log2 3 = 2.8927892607143724; IDCG = 3/1 + 2/log2 3 + 1/log2 4 = 4.7618595071429155
        Assert.Equal(0.6074915180456525, new Ndcg(3).Measure([4, 1, 0], relevant), Tol);
        Assert.Equal(1.0, new Ndcg(3).Measure([1, 7, 4], relevant), Tol);
    }

    [Fact]
    public void Users_without_relevant_items_give_NaN()
    {
        Assert.All(All(5, [1, 2], Relevant()), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Ties_in_scores_go_to_the_lower_item_index_before_measuring()
    {
        // Items 1, 2, 3 tie at 0.5; item 5 is a training item (NaN). The kernel orders 0, 1, 2, 3, 4.
        float[] scores = [0.9f, 0.5f, 0.5f, 0.5f, 0.1f, float.NaN];
        var ranked = new int[5];
        var count = TopN.Select(scores, ranked, new float[5]);
        Assert.Equal([0, 1, 2, 3, 4], ranked[..count]);
        var relevant = Relevant(3);
        Assert.Equal(0.43067655807339306, new Ndcg(5).Measure(ranked, relevant), Tol); // 1 / log2(4 + 1)
        Assert.Equal(0.25, new ReciprocalRank(5).Measure(ranked, relevant), Tol);
        Assert.Equal(0.25, new AveragePrecision(5).Measure(ranked, relevant), Tol);    // (1/4) / min(5, 1)
    }

    [Fact]
    public void LensKits_ndcg_leaves_the_first_two_ranks_undiscounted()
    {
        // d(k) = 1 / max(1, log2 k): hits at ranks 1 and 3 give 1 + 1/log2 3; the ideal puts the 3 relevant items first: 1 + 1 + 1/log2 3.
        var relevant = Relevant(1, 4, 7);
        Assert.Equal(0.6199062332840657, new Ndcg(5, NdcgConvention.LensKit).Measure([4, 0, 1, 9, 2], relevant), Tol);
        Assert.Equal(1.0, new Ndcg(5, NdcgConvention.LensKit).Measure([4, 7, 1], relevant), Tol);
        Assert.Equal("lenskit-ndcg@5", new Ndcg(5, NdcgConvention.LensKit).Name);
    }

    [Fact]
    public void LensKits_ideal_runs_over_every_relevant_item_not_just_the_top_n()
    {
        // lkpy's NDCG() without n on a list cut at 3: the ideal sums d(1..12) over all 12 relevant items, so a perfect
        // top 3 scores below 1 (ndcg@3 would give 1).
        var relevant = new RelevanceSet(20);
        relevant.Reset(Enumerable.Range(0, 12).ToArray());
        Assert.Equal(0.28010804875528544, new Ndcg(3, NdcgConvention.LensKit).Measure([0, 15, 1], relevant), Tol);
        Assert.True(new Ndcg(3, NdcgConvention.LensKit).Measure([0, 1, 2], relevant) < 0.5);
        Assert.Equal(1.0, new Ndcg(3).Measure([0, 1, 2], relevant), Tol);
    }

    [Fact]
    public void Names_follow_the_spec_syntax()
    {
        Assert.Equal("precision@10", new Precision(10).Name);
        Assert.Equal("recall@5", new Recall(5).Name);
        Assert.Equal("ndcg@20", new Ndcg(20).Name);
        Assert.Equal("map@10", new AveragePrecision(10).Name);
        Assert.Equal("mrr@10", new ReciprocalRank(10).Name);
        Assert.Equal("hit@1", new HitRate(1).Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ndcg(0));
    }
}
