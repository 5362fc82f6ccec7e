using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Reproduction;

/// <summary>
/// Reimplementation check of lenskit-getting-started.yaml's protocol on ml-latest-small, written from lkpy:
/// crossfold_users(data, 5, SampleFrac(0.2)) (users in 5 random folds; round(0.2 n) of each test user's ratings held
/// out at random), the top 100 among the training items the user has not rated, and NDCG() (discount
/// 1 / max(1, log2 k), ideal over all of the user's test items), averaged per fold and over the folds. Built here for
/// most-popular and compared with the runner's <c>popular</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LenskitProtocolTests
{
    [Fact]
    public async Task Most_popular_under_user_cross_validation_matches_a_reimplementation()
    {
        var data = MovieLensRatings.Load();
        var byUser = data.RowsBy(byItem: false);
        List<double> samples = [], standard = [];
        for (var seed = 1; seed <= 8; seed++)
        {
            var random = new Random(seed);
            var users = MovieLensRatings.Shuffled(Enumerable.Range(0, data.UserCount), random);
            List<double> foldMeans = [], foldStandard = [];
            for (var f = 0; f < 5; f++)
            {
                var start = f * (users.Count / 5) + Math.Min(f, users.Count % 5);
                var size = users.Count / 5 + (f < users.Count % 5 ? 1 : 0);
                var inTest = new bool[data.Count];
                foreach (var u in users.Skip(start).Take(size))
                {
                    var rows = byUser[u];
                    var t = (int)Math.Round(0.2 * rows.Count, MidpointRounding.ToEven);
                    foreach (var r in MovieLensRatings.Shuffled(rows, random).Take(t))
                        inTest[r] = true;
                }
                var lists = TopNByHand.MostPopular(data, inTest, 100, trainedOnly: true).ToList();
                foldMeans.Add(lists.Average(l => TopNByHand.LensKitNdcg(l.Ranked, l.Relevant, 100)));
                foldStandard.Add(lists.Average(l => TopNByHand.Ndcg(l.Ranked, l.Relevant, 100)));
            }
            samples.Add(foldMeans.Average());
            standard.Add(foldStandard.Average());
        }

        using var temp = new TempFolder();
        var results = await ReproductionSuite.RunAsync("lenskit-getting-started.yaml", temp.Path, ["popular"]);

        ReproductionSuite.AssertAgrees(results, "popular", "lenskit-ndcg@100", samples);
        // The split moves both NDCGs together; their difference on the same lists isolates LensKit's discount and ideal.
        ReproductionSuite.AssertAgrees("popular lenskit-ndcg@100 - ndcg@100",
            ReproductionSuite.Figure(results, "popular", "lenskit-ndcg@100") - ReproductionSuite.Figure(results, "popular", "ndcg@100"),
            samples.Zip(standard, (a, b) => a - b).ToList());
    }
}
