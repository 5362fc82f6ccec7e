using RecLab.Data;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;

namespace RecLab.Tests.Evaluation.Metrics;

public sealed class AllocationTests
{
    [Fact]
    public void Per_user_measures_do_not_allocate()
    {
        const int items = 500;
        var relevant = new RelevanceSet(items);
        relevant.Reset([3, 17, 250, 499], [1f, 2f, 1f, 3f]);
        var features = new ItemFeaturesBuilder();
        for (var i = 0; i < items; i++)
        {
            features.Add(i, "genre", (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
            features.Add(i, "tag", (i % 11).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var popularity = new int[items];
        for (var i = 0; i < items; i++)
            popularity[i] = i % 13;
        var context = new ListContext(popularity, 100, features.Build(IdMap.Sequential(items)));
        var scores = new float[items];
        for (var i = 0; i < items; i++)
            scores[i] = i % 10 == 0 ? float.NaN : (i * 37 % 101) / 101f;
        int[] ranked = [17, 4, 250, 9, 3, 8, 100, 499, 42, 7];

        IRankingMetric[] ranking = [new Precision(10), new Recall(10), new Ndcg(10), new Ndcg(200), new AveragePrecision(10), new ReciprocalRank(10), new HitRate(10)];
        IListMetric[] lists = [new Novelty(10), new IntraListDiversity(10), new AverageRecommendationPopularity(10)];
        var auc = new Auc();
        IRatingMetric[] ratings = [new Rmse(), new Mae()];
        float[] predicted = [3f, 4f, 5f];
        float[] actual = [3.5f, 4f, 1f];

        var sink = 0.0;
        void RunAll()
        {
            foreach (var m in ranking)
                sink += m.Measure(ranked, relevant);
            foreach (var m in lists)
                sink += m.Measure(ranked, context);
            sink += auc.Measure(scores, relevant);
            foreach (var m in ratings)
                sink += m.Measure(predicted, actual);
        }

        RunAll(); // warm up JIT and the array pool
        // Several windows, and the quietest must be zero: the runtime itself allocates now and then on the calling
        // thread (tiered compilation's call counting, when other tests keep the JIT busy, shows up as a few KB in one
        // window), while a metric that allocates per call does so in every window.
        var windows = new long[5];
        for (var w = 0; w < windows.Length; w++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var r = 0; r < 100; r++)
                RunAll();
            windows[w] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.True(windows.Min() == 0, $"bytes allocated per window of 100 rounds: {string.Join(", ", windows)}");
        Assert.False(double.IsNaN(sink));
    }
}
