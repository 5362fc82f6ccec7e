using RecLab.Data;
using RecLab.Recommenders;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>
/// Top-10 metrics with ANCHORS.md's conventions, until the shared metrics land: precision = hits / 10, recall =
/// hits / |test|, nDCG with binary gain and log2 discount over an ideal of min(10, |test|) hits, MAP@10 over
/// min(10, |test|); training items excluded, all items ranked, users without test items skipped.
/// </summary>
internal static class TopTenCheck
{
    public sealed record Result(double Precision, double Recall, double Ndcg, double Map, int Users)
    {
        public override string ToString() => $"P@10 {Precision:F4} R@10 {Recall:F4} nDCG@10 {Ndcg:F4} MAP@10 {Map:F4} ({Users} users)";
    }

    public static Result Measure(IRecommender model, InteractionData train, InteractionData test)
    {
        double p = 0, r = 0, ndcg = 0, map = 0;
        var users = 0;
        for (var u = 0; u < test.UserCount; u++)
        {
            var relevant = test.ByUser.RowIndices(u).ToArray().ToHashSet();
            if (relevant.Count == 0)
                continue;
            users++;
            var list = model.Recommend(UserQuery.ForUser(train, u), 10);
            double hits = 0, dcg = 0, precisionSum = 0;
            for (var k = 0; k < list.Length; k++)
            {
                if (!relevant.Contains(list[k].Item))
                    continue;
                hits++;
                dcg += 1 / Math.Log2(k + 2);
                precisionSum += hits / (k + 1);
            }
            var ideal = 0.0;
            for (var k = 0; k < Math.Min(10, relevant.Count); k++)
                ideal += 1 / Math.Log2(k + 2);
            p += hits / 10;
            r += hits / relevant.Count;
            ndcg += dcg / ideal;
            map += precisionSum / Math.Min(10, relevant.Count);
        }
        return new Result(p / users, r / users, ndcg / users, map / users, users);
    }
}
