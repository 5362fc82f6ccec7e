using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reproduction;

/// <summary>
/// Reimplementation check of implicit-ranking.yaml's protocol on ml-latest-small (ANCHORS.md's top-10 table): every
/// rating one interaction, 20% of each user's ratings (rounded, at least one left to train) to test at random, training
/// items excluded, every other item ranked; P, R, nDCG (ideal over min(10, |test|)) and MAP@10 (denominator
/// min(10, |test|)) per user, averaged. Built here for most-popular and compared with the runner's <c>popular</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ImplicitRankingProtocolTests
{
    [Fact]
    public async Task Most_popular_under_the_per_user_holdout_matches_a_reimplementation()
    {
        var data = MovieLensRatings.Load();
        var byUser = data.RowsBy(byItem: false);
        string[] metrics = ["precision@10", "recall@10", "ndcg@10", "map@10"];
        var samples = metrics.ToDictionary(m => m, _ => new List<double>());
        for (var seed = 1; seed <= 8; seed++)
        {
            var random = new Random(seed);
            var inTest = new bool[data.Count];
            foreach (var rows in byUser)
            {
                var t = (int)Math.Round(0.2 * rows.Count, MidpointRounding.ToEven);
                if (t > 0 && rows.Count - t >= 1)
                    foreach (var r in MovieLensRatings.Shuffled(rows, random).Take(t))
                        inTest[r] = true;
            }
            var lists = TopNByHand.MostPopular(data, inTest, 10, trainedOnly: false).ToList();
            samples["precision@10"].Add(lists.Average(l => TopNByHand.Precision(l.Ranked, l.Relevant, 10)));
            samples["recall@10"].Add(lists.Average(l => TopNByHand.Recall(l.Ranked, l.Relevant, 10)));
            samples["ndcg@10"].Add(lists.Average(l => TopNByHand.Ndcg(l.Ranked, l.Relevant, 10)));
            samples["map@10"].Add(lists.Average(l => TopNByHand.AveragePrecision(l.Ranked, l.Relevant, 10)));
        }

        using var temp = new TempFolder();
        var results = await ReproductionSuite.RunAsync("implicit-ranking.yaml", temp.Path, ["popular"]);

        // The suite averages three holdouts.
        foreach (var m in metrics)
            ReproductionSuite.AssertAgrees(results, "popular", m, samples[m], runnerSplits: 3);
    }
}
