using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reproduction;

/// <summary>
/// Reimplementation check of ms-recommenders-ml100k.yaml's protocol on ml-latest-small, written from Microsoft
/// Recommenders' code: python_stratified_split(ratio=0.75, filter_by="item") (rank / count &lt;= 0.75 of an item's
/// randomly ordered ratings train), scores for the training users x training items with the seen pairs removed, and
/// python_evaluation's precision_at_k (hits / k), recall_at_k (hits / |test|) and ndcg_at_k (binary gain, ideal over
/// min(k, |test|)), averaged over the users present in both test and predictions. Built here for most-popular and
/// compared with the runner's <c>popular</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MsRecommendersProtocolTests
{
    [Fact]
    public async Task Most_popular_under_the_stratified_item_split_matches_a_reimplementation()
    {
        var data = MovieLensRatings.Load();
        var byItem = data.RowsBy(byItem: true);
        string[] metrics = ["precision@10", "recall@10", "ndcg@10"];
        var samples = metrics.ToDictionary(m => m, _ => new List<double>());
        for (var seed = 1; seed <= 8; seed++)
        {
            var random = new Random(seed);
            var inTest = new bool[data.Count];
            foreach (var rows in byItem)
            {
                var ordered = MovieLensRatings.Shuffled(rows, random);
                for (var rank = 1; rank <= ordered.Count; rank++)
                    inTest[ordered[rank - 1]] = (double)rank / ordered.Count > 0.75;
            }
            // Users without training ratings get no prediction there, so they are not averaged over.
            var lists = TopNByHand.MostPopular(data, inTest, 10, trainedOnly: true).Where(l => l.HasTraining).ToList();
            samples["precision@10"].Add(lists.Average(l => TopNByHand.Precision(l.Ranked, l.Relevant, 10)));
            samples["recall@10"].Add(lists.Average(l => TopNByHand.Recall(l.Ranked, l.Relevant, 10)));
            samples["ndcg@10"].Add(lists.Average(l => TopNByHand.Ndcg(l.Ranked, l.Relevant, 10)));
        }

        using var temp = new TempFolder();
        var results = await ReproductionSuite.RunAsync("ms-recommenders-ml100k.yaml", temp.Path, ["popular"]);

        foreach (var m in metrics)
            ReproductionSuite.AssertAgrees(results, "popular", m, samples[m]);
    }
}
