using RecLab.Data;
using RecLab.Randomness;
using RecLab.Recommenders;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>
/// A small stand-in for the evaluation pipeline, for these tests only: a seeded per-user random holdout and the
/// ANCHORS.md ranking conventions (precision = hits / N; recall = hits / |test|; nDCG with binary gain, log2
/// discount and the ideal over min(N, |test|); MAP@N over min(N, |test|); users without test items skipped).
/// </summary>
public static class PerUserHoldout
{
    public sealed record Split(InteractionData Train, InteractionData Test);

    public sealed record Ranking(double Precision, double Recall, double Ndcg, double Map, int Users);

    /// <summary>Each user's rows shuffled by a per-user stream; the first round(fraction·n) go to test.</summary>
    public static Split Holdout(InteractionData data, double testFraction, ulong seed)
    {
        var train = new List<int>(data.Count);
        var test = new List<int>(data.Count / 4);
        for (var u = 0; u < data.UserCount; u++)
        {
            var (start, length) = data.RowsOf(u).GetOffsetAndLength(data.Count);
            var rows = Enumerable.Range(start, length).ToArray();
            var rng = Seeds.Stream(seed, (ulong)u);
            rng.Shuffle(rows.AsSpan());
            var nTest = (int)Math.Round(testFraction * length);
            test.AddRange(rows[..nTest]);
            train.AddRange(rows[nTest..]);
        }
        train.Sort();
        test.Sort();
        return new Split(data.Subset(train.ToArray()), data.Subset(test.ToArray()));
    }

    /// <summary>Top-N metrics of a fitted model, ranking every item the user has not seen in training.</summary>
    public static Ranking Measure(IRecommender model, Split split, int n = 10)
    {
        var users = Enumerable.Range(0, split.Test.UserCount).Where(u => split.Test.ByUser.RowLength(u) > 0).ToArray();
        var per = new (double P, double R, double Ndcg, double Map)[users.Length];
        Parallel.For(0, users.Length, k =>
        {
            var u = users[k];
            var relevant = split.Test.ByUser.RowIndices(u).ToArray().ToHashSet();
            var list = model.Recommend(UserQuery.ForUser(split.Train, u), n);
            double hits = 0, dcg = 0, ap = 0;
            for (var rank = 0; rank < list.Length; rank++)
            {
                if (!relevant.Contains(list[rank].Item))
                    continue;
                hits++;
                dcg += 1 / Math.Log2(rank + 2);
                ap += hits / (rank + 1);
            }
            var ideal = Math.Min(n, relevant.Count);
            double idcg = 0;
            for (var rank = 0; rank < ideal; rank++)
                idcg += 1 / Math.Log2(rank + 2);
            per[k] = (hits / n, hits / relevant.Count, dcg / idcg, ap / ideal);
        });
        return new Ranking(per.Average(p => p.P), per.Average(p => p.R), per.Average(p => p.Ndcg), per.Average(p => p.Map), users.Length);
    }
}
