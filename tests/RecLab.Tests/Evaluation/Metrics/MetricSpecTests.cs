using RecLab.Evaluation.Metrics;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class MetricSpecTests
{
    [Theory]
    [InlineData("ndcg@10", "ndcg@10", typeof(Ndcg))]
    [InlineData("nDCG@10", "ndcg@10", typeof(Ndcg))]
    [InlineData("LensKit-NDCG@100", "lenskit-ndcg@100", typeof(Ndcg))]
    [InlineData(" Precision@5 ", "precision@5", typeof(Precision))]
    [InlineData("recall@20", "recall@20", typeof(Recall))]
    [InlineData("MAP@10", "map@10", typeof(AveragePrecision))]
    [InlineData("mrr@3", "mrr@3", typeof(ReciprocalRank))]
    [InlineData("hit@5", "hit@5", typeof(HitRate))]
    [InlineData("HitRate@5", "hit@5", typeof(HitRate))]
    [InlineData("HR@5", "hit@5", typeof(HitRate))]
    [InlineData("AUC", "auc", typeof(Auc))]
    [InlineData("coverage", "coverage@10", typeof(CatalogCoverage))]
    [InlineData("gini@100", "gini@100", typeof(Gini))]
    [InlineData("novelty@10", "novelty@10", typeof(Novelty))]
    [InlineData("diversity@10", "ild@10", typeof(IntraListDiversity))]
    [InlineData("ild", "ild@10", typeof(IntraListDiversity))]
    [InlineData("popularity@10", "arp@10", typeof(AverageRecommendationPopularity))]
    [InlineData("RMSE", "rmse", typeof(Rmse))]
    [InlineData("mae", "mae", typeof(Mae))]
    public void Parses_names_aliases_and_case(string text, string name, Type type)
    {
        var metric = MetricSpec.Parse(text);
        Assert.Equal(name, metric.Name);
        Assert.IsType(type, metric);
    }

    [Fact]
    public void Every_canonical_name_round_trips()
    {
        foreach (var info in MetricSpec.All)
        {
            var metric = MetricSpec.Parse(info.TakesN ? info.Name + "@7" : info.Name);
            Assert.Equal(metric.Name, MetricSpec.Parse(metric.Name).Name);
            Assert.Equal(info.TakesN, metric.Name.EndsWith("@7", StringComparison.Ordinal));
            Assert.Contains(info.Name, MetricSpec.HelpText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unknown_name_lists_valid_names_and_suggests_the_closest()
    {
        var e = Assert.Throws<ArgumentException>(() => MetricSpec.Parse("precsion@10"));
        Assert.Contains("did you mean 'precision'?", e.Message, StringComparison.Ordinal);
        Assert.Contains("precision@N", e.Message, StringComparison.Ordinal);
        Assert.Contains("rmse", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ndcg@0")]
    [InlineData("ndcg@")]
    [InlineData("ndcg@ten")]
    [InlineData("ndcg@-3")]
    [InlineData("rmse@5")]
    [InlineData("auc@10")]
    [InlineData("")]
    public void Rejects_bad_list_lengths(string text)
    {
        Assert.Throws<ArgumentException>(() => MetricSpec.Parse(text));
    }

    [Fact]
    public void A_list_longer_than_anyone_reads_is_refused_before_anything_is_allocated()
    {
        // ndcg@1000000000 allocated an 8 GB discount table: a --dry-run took two minutes.
        var e = Assert.Throws<ArgumentException>(() => MetricSpec.Parse("ndcg@1000000000"));

        Assert.StartsWith("Metric 'ndcg@1000000000': the list length after '@' must be at most 100,000.", e.Message);
        Assert.Equal("ndcg@100000", MetricSpec.Parse("ndcg@100000").Name);
    }

    [Fact]
    public void Parses_a_list_and_rejects_duplicates()
    {
        var metrics = MetricSpec.ParseList("ndcg@10, precision@10,coverage");
        Assert.Equal(["ndcg@10", "precision@10", "coverage@10"], metrics.Select(m => m.Name));
        var e = Assert.Throws<ArgumentException>(() => MetricSpec.ParseList("ndcg@10,nDCG@10"));
        Assert.Contains("twice", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MetricSpec.ParseList(" , "));
    }

    [Fact]
    public void Lower_is_better_only_for_errors_concentration_and_popularity()
    {
        var lowerIsBetter = MetricSpec.All
            .Select(i => MetricSpec.Parse(i.Name))
            .Where(m => !m.HigherIsBetter)
            .Select(m => m.Name.Split('@')[0]);
        Assert.Equal(["gini", "arp", "rmse", "mae"], lowerIsBetter);
    }
}
