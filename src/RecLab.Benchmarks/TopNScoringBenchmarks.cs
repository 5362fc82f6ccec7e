using BenchmarkDotNet.Attributes;
using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;

namespace RecLab.Benchmarks;

/// <summary>
/// Whole-catalogue top-10 for every user of ml-latest-small after fit (score all ~9.7k items, mask the user's
/// training items, bounded-heap top-10), with a 100-factor biased MF; ANCHORS.md's target is under 0.1 s.
/// </summary>
public class TopNScoringBenchmarks
{
    private BiasedMf _model = null!;
    private InteractionData _train = null!;

    /// <summary>Threads scoring users in parallel.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Prepare()
    {
        _train = BenchmarkData.Train();
        _model = new BiasedMf(new BiasedMfOptions { Epochs = 2 });
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
