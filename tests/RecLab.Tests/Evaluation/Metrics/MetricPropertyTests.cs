using FsCheck;
using FsCheck.Fluent;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class MetricPropertyTests
{
    private const double Eps = 1e-12;

    // Replay seeds keep the runs reproducible; FsCheck's gamma must be odd.
    private static Config Runs(int seed) => Config.QuickThrowOnFailure.WithMaxTest(400).WithReplay((ulong)seed, 7);

    /// <summary>A catalogue, a ranked list of distinct items (possibly empty, possibly shorter than N), and relevant items with gains.</summary>
    public sealed record Case(int ItemCount, int[] Ranked, int[] Relevant, float[] Gains, int N)
    {
        public RelevanceSet Set(bool graded)
        {
            var set = new RelevanceSet(ItemCount);
            set.Reset(Relevant, graded ? Gains : default);
            return set;
        }

        public override string ToString() =>
            $"items={ItemCount} N={N} ranked=[{string.Join(",", Ranked)}] relevant=[{string.Join(",", Relevant)}] gains=[{string.Join(",", Gains)}]";
    }

    private static readonly Gen<Case> Cases =
        from itemCount in Gen.Choose(1, 30)
        from order in Gen.Shuffle(Enumerable.Range(0, itemCount).ToArray())
        from listLength in Gen.Choose(0, itemCount)
        from relevantOrder in Gen.Shuffle(Enumerable.Range(0, itemCount).ToArray())
        from relevantCount in Gen.Choose(1, itemCount)
        from gains in Gen.Elements(1f, 1f, 0.5f, 2f, 3f).ArrayOf(relevantCount)
        from n in Gen.Choose(1, 15)
        select new Case(itemCount, order[..listLength], relevantOrder[..relevantCount], gains, n);

    private static IRankingMetric[] Metrics(int n) =>
        [new Precision(n), new Recall(n), new Ndcg(n), new AveragePrecision(n), new ReciprocalRank(n), new HitRate(n)];

    private static bool InUnitInterval(double v) => v >= -Eps && v <= 1 + Eps;

    [Fact]
    public void Ranking_metrics_lie_in_the_unit_interval()
    {
        var property = Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var binary = c.Set(graded: false);
            return Metrics(c.N).All(m => InUnitInterval(m.Measure(c.Ranked, binary)))
                && InUnitInterval(new Ndcg(c.N).Measure(c.Ranked, c.Set(graded: true)));
        });
        Check.One(Runs(11), property);
    }

    [Fact]
    public void Ideal_ordering_scores_one()
    {
        var property = Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            // Relevant items by descending gain, then the rest.
            var ideal = c.Relevant.Zip(c.Gains).OrderByDescending(p => p.Second).Select(p => p.First)
                .Concat(Enumerable.Range(0, c.ItemCount).Except(c.Relevant)).ToArray();
            var binary = c.Set(graded: false);
            var expectedRecall = (double)Math.Min(c.N, c.Relevant.Length) / c.Relevant.Length;
            return Math.Abs(new Ndcg(c.N).Measure(ideal, c.Set(graded: true)) - 1) < 1e-9
                && Math.Abs(new Ndcg(c.N).Measure(ideal, binary) - 1) < 1e-9
                && Math.Abs(new AveragePrecision(c.N).Measure(ideal, binary) - 1) < Eps
                && new ReciprocalRank(c.N).Measure(ideal, binary) == 1
                && Math.Abs(new Recall(c.N).Measure(ideal, binary) - expectedRecall) < Eps;
        });
        Check.One(Runs(12), property);
    }

    [Fact]
    public void Moving_a_relevant_item_above_a_non_relevant_one_never_lowers_a_metric()
    {
        var property = Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (c, pick) =>
        {
            var binary = c.Set(graded: false);
            var swaps = Enumerable.Range(1, Math.Max(0, c.Ranked.Length - 1))
                .Where(k => binary.Contains(c.Ranked[k]) && !binary.Contains(c.Ranked[k - 1])).ToArray();
            if (swaps.Length == 0)
                return true;
            var at = swaps[pick % swaps.Length];
            var promoted = (int[])c.Ranked.Clone();
            (promoted[at - 1], promoted[at]) = (promoted[at], promoted[at - 1]);
            var graded = c.Set(graded: true);
            return Metrics(c.N).All(m => m.Measure(promoted, binary) >= m.Measure(c.Ranked, binary) - Eps)
                && new Ndcg(c.N).Measure(promoted, graded) >= new Ndcg(c.N).Measure(c.Ranked, graded) - Eps;
        });
        Check.One(Runs(13), property);
    }

    [Fact]
    public void Longer_lists_never_lower_recall_or_hit_rate_and_precision_agrees_with_recall()
    {
        var property = Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var set = c.Set(graded: false);
            var hitsFromPrecision = new Precision(c.N).Measure(c.Ranked, set) * c.N;
            var hitsFromRecall = new Recall(c.N).Measure(c.Ranked, set) * c.Relevant.Length;
            return new Recall(c.N + 1).Measure(c.Ranked, set) >= new Recall(c.N).Measure(c.Ranked, set)
                && new HitRate(c.N + 1).Measure(c.Ranked, set) >= new HitRate(c.N).Measure(c.Ranked, set)
                && Math.Abs(hitsFromPrecision - hitsFromRecall) < 1e-9;
        });
        Check.One(Runs(14), property);
    }

    private static readonly Gen<(float[] Scores, int[] Relevant)> ScoreCases =
        from scores in Gen.Elements(0f, 0.25f, 0.5f, 0.75f, 1f, -2f, float.NaN).ArrayOf()
        where scores.Length > 0
        from relevant in Gen.SubListOf(Enumerable.Range(0, scores.Length).ToArray())
        select (scores, relevant.ToArray());

    // The obviously-correct twin: every (relevant, other) candidate pair.
    private static double PairwiseAuc(float[] scores, int[] relevant)
    {
        var isRelevant = new HashSet<int>(relevant);
        double wins = 0, pairs = 0;
        foreach (var p in relevant)
        {
            if (float.IsNaN(scores[p]))
                continue;
            for (var q = 0; q < scores.Length; q++)
            {
                if (isRelevant.Contains(q) || float.IsNaN(scores[q]))
                    continue;
                pairs++;
                wins += scores[p] > scores[q] ? 1 : scores[p] == scores[q] ? 0.5 : 0;
            }
        }
        return pairs == 0 ? double.NaN : wins / pairs;
    }

    [Fact]
    public void Auc_agrees_with_pairwise_counting_and_flips_with_the_scores()
    {
        var property = Prop.ForAll(ScoreCases.ToArbitrary(), c =>
        {
            var set = new RelevanceSet(c.Scores.Length);
            set.Reset(c.Relevant);
            var auc = new Auc().Measure(c.Scores, set);
            var expected = PairwiseAuc(c.Scores, c.Relevant);
            if (double.IsNaN(expected))
                return double.IsNaN(auc);
            var flipped = new Auc().Measure(Array.ConvertAll(c.Scores, s => -s), set);
            return Math.Abs(auc - expected) < Eps && Math.Abs(flipped - (1 - auc)) < Eps && InUnitInterval(auc);
        });
        Check.One(Runs(15), property);
    }

    [Fact]
    public void Auc_is_one_for_perfect_scores_and_zero_for_reversed_ones()
    {
        var property = Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            if (c.Relevant.Length == c.ItemCount)
                return true; // no negative candidate: undefined
            var set = c.Set(graded: false);
            var perfect = new float[c.ItemCount];
            for (var i = 0; i < perfect.Length; i++)
                perfect[i] = (set.Contains(i) ? 10f : 0f) + (i % 3) * 0.1f;
            return new Auc().Measure(perfect, set) == 1.0
                && new Auc().Measure(Array.ConvertAll(perfect, s => -s), set) == 0.0;
        });
        Check.One(Runs(16), property);
    }

    [Fact]
    public void Gini_is_zero_for_equal_exposure_and_lies_in_the_unit_interval()
    {
        var gini = new Gini(10);
        var equal = Prop.ForAll(Gen.Choose(2, 200).ToArbitrary(), Gen.Choose(1, 50).ToArbitrary(), (n, count) =>
        {
            var exposures = Enumerable.Repeat(count, n).ToArray();
            return Math.Abs(gini.Measure(exposures, new ListContext(new int[n], 1))) < 1e-9;
        });
        Check.One(Runs(17), equal);

        var bounded = Prop.ForAll(Gen.Choose(0, 20).ArrayOf().Where(a => a.Length >= 2 && a.Sum() > 0).ToArbitrary(), exposures =>
        {
            var context = new ListContext(new int[exposures.Length], 1);
            var g = gini.Measure(exposures, context);
            var reversed = exposures.Reverse().ToArray();
            return InUnitInterval(g) && Math.Abs(g - gini.Measure(reversed, context)) < 1e-9
                && InUnitInterval(new CatalogCoverage(10).Measure(exposures, context));
        });
        Check.One(Runs(19), bounded);
    }
}
