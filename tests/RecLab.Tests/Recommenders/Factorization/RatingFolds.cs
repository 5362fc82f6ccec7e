using RecLab.Data;
using RecLab.Randomness;
using RecLab.Recommenders;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>
/// Splits for accuracy tests until the shared splitters land: Surprise's <c>KFold(shuffle=True)</c> (rows shuffled
/// once, cut into k contiguous test chunks) and the per-user random holdout of ANCHORS.md's ranking table.
/// </summary>
internal static class RatingFolds
{
    public static IEnumerable<(InteractionData Train, InteractionData Test)> KFold(InteractionData data, int k, ulong seed)
    {
        var perm = Enumerable.Range(0, data.Count).ToArray();
        var rng = new Rng(seed);
        rng.Shuffle(perm.AsSpan());
        for (var f = 0; f < k; f++)
        {
            var start = (int)((long)f * data.Count / k);
            var end = (int)((long)(f + 1) * data.Count / k);
            var test = new bool[data.Count];
            for (var j = start; j < end; j++)
                test[perm[j]] = true;
            yield return Split(data, test);
        }
    }

    /// <summary>Each user's rows shuffled, the first round(fraction * n) of them to test.</summary>
    public static (InteractionData Train, InteractionData Test) PerUserHoldout(InteractionData data, double testFraction, ulong seed)
    {
        var test = new bool[data.Count];
        var rng = new Rng(seed);
        for (var u = 0; u < data.UserCount; u++)
        {
            var (start, length) = data.RowsOf(u).GetOffsetAndLength(data.Count);
            var rows = Enumerable.Range(start, length).ToArray();
            rng.Shuffle(rows.AsSpan());
            var take = (int)Math.Round(testFraction * length);
            for (var j = 0; j < take; j++)
                test[rows[j]] = true;
        }
        return Split(data, test);
    }

    /// <summary>One random split of all rows (ANCHORS.md's 80/20 rating split).</summary>
    public static (InteractionData Train, InteractionData Test) Holdout(InteractionData data, double testFraction, ulong seed)
    {
        var perm = Enumerable.Range(0, data.Count).ToArray();
        var rng = new Rng(seed);
        rng.Shuffle(perm.AsSpan());
        var test = new bool[data.Count];
        for (var j = 0; j < (int)(testFraction * data.Count); j++)
            test[perm[j]] = true;
        return Split(data, test);
    }

    private static (InteractionData, InteractionData) Split(InteractionData data, bool[] test)
    {
        var trainRows = new List<int>();
        var testRows = new List<int>();
        for (var r = 0; r < data.Count; r++)
            (test[r] ? testRows : trainRows).Add(r);
        return (data.Subset(trainRows.ToArray()), data.Subset(testRows.ToArray()));
    }

    /// <summary>RMSE and MAE of a fitted predictor on every test rating.</summary>
    public static (double Rmse, double Mae) Errors(IRatingPredictor model, InteractionData test)
    {
        double se = 0, ae = 0;
        for (var u = 0; u < test.UserCount; u++)
        {
            var items = test.ByUser.RowIndices(u);
            var values = test.ByUser.RowValues(u);
            for (var k = 0; k < items.Length; k++)
            {
                var e = model.Predict(u, items[k]) - values[k];
                se += e * e;
                ae += Math.Abs(e);
            }
        }
        return (Math.Sqrt(se / test.Count), ae / test.Count);
    }
}
