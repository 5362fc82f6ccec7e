using BenchmarkDotNet.Attributes;
using RecLab.Data;
using RecLab.Recommenders;

namespace RecLab.Benchmarks;

/// <summary>
/// Whole-catalogue top-10 for every user of ml-latest-small after fit (score all ~9.7k items, mask the user's
/// training items, bounded-heap top-10); ANCHORS.md's target is under 0.1 s. Models by registry name: a
/// 100-factor biased MF, a 64-factor implicit ALS (on the data treated as implicit) and item-kNN (k = 40, MSD),
/// whose scoring accumulates over the similarity rows of the user's rated items.
/// </summary>
public class TopNScoringBenchmarks
{
    private IRecommender _model = null!;
    private InteractionData _train = null!;

    /// <summary>The model, as a registry spec (few epochs: scoring cost does not depend on them).</summary>
    [Params("biased-mf:epochs=2", "implicit-als:iterations=2", "item-knn")]
    public string Model { get; set; } = "biased-mf:epochs=2";

    /// <summary>Threads scoring users in parallel.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Prepare()
    {
        _model = RecommenderRegistry.Default.Parse(Model);
        _train = _model.Accepts.Allows(FeedbackKind.Explicit) ? BenchmarkData.Train() : BenchmarkData.ImplicitTrain();
        _model.Fit(new TrainingSet(_train), new FitContext { Seed = 1 });
    }

    /// <summary>Top-10 for all users; returns a checksum of the lists.</summary>
    [Benchmark]
    public long AllUsersTop10()
    {
        long checksum = 0;
        var gate = new object();
        Parallel.For(0, _train.UserCount, new ParallelOptions { MaxDegreeOfParallelism = Threads },
            () => (Scores: new float[_train.ItemCount], Items: new int[10], Top: new float[10], Sum: 0L),
            (u, _, s) =>
            {
                var n = Ranking.RecommendInto(_model, UserQuery.ForUser(_train, u), s.Scores, s.Items, s.Top);
                for (var k = 0; k < n; k++)
                    s.Sum += s.Items[k];
                return s;
            },
            s => { lock (gate) checksum += s.Sum; });
        return checksum;
    }
}
