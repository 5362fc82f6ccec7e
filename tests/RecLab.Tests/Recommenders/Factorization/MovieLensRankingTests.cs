using System.Diagnostics;
using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>ANCHORS.md's ranking table: per-user 80/20 holdout of ml-latest-small, every rating one implicit interaction.</summary>
[Trait("Category", "Slow")]
public sealed class MovieLensRankingTests
{
    private static TopTenCheck.Result Run(IRecommender model, ulong splitSeed)
    {
        var data = DatasetLoader.Load(SharedData.MovieLensSmall()).Interactions.ToImplicit();
        var (train, test) = RatingFolds.PerUserHoldout(data, 0.2, splitSeed);
        var sw = Stopwatch.StartNew();
        model.Fit(new TrainingSet(train), new FitContext { Seed = 42 });
        var fit = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var result = TopTenCheck.Measure(model, train, test);
        TestContext.Current.TestOutputHelper?.WriteLine($"{model.Name}: {result}; fit {fit:F2} s, recommend+measure {sw.Elapsed.TotalSeconds:F2} s");
        return result;
    }

    [Theory]
    [InlineData(100, 0.2073)]
    [InlineData(64, 0.2100)]
    public void Bpr_ranks_at_least_as_well_as_implicits_BPR(int factors, double implicitNdcg)
    {
        var result = Run(new Bpr(new BprOptions { Factors = factors }), splitSeed: 1);
        Assert.True(result.Ndcg >= implicitNdcg - 0.005, $"bpr nDCG@10 {result.Ndcg:F4} is below implicit's {implicitNdcg} - 0.005");
    }

    [Fact]
    public void Most_popular_matches_the_anchor_so_the_protocol_is_the_same()
    {
        var result = Run(new MostPopular(), splitSeed: 1);
        Assert.InRange(result.Ndcg, 0.1769 - 0.01, 0.1769 + 0.01);
    }
}
