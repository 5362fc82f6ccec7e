using RecLab.Recommenders;

namespace RecLab.Simulation.Policies;

/// <summary>
/// The catalogue ranked once for a model that scores every user alike: the scorable items by descending score, ties to
/// the lower index (the order <see cref="Ranking.TopInto"/> gives), with the scores by item.
/// </summary>
internal sealed class GlobalOrder
{
    private GlobalOrder(int[] items, float[] scores)
    {
        Items = items;
        Scores = scores;
    }

    /// <summary>Scorable items, best first.</summary>
    public int[] Items { get; }

    /// <summary>Every item's score (NaN = not scorable).</summary>
    public float[] Scores { get; }

    public static GlobalOrder Of(IUserIndependentScorer model, int itemCount)
    {
        var scores = new float[itemCount];
        model.ScoreEveryone(scores);
        var items = new List<int>(itemCount);
        for (var i = 0; i < itemCount; i++)
            if (!float.IsNaN(scores[i]))
                items.Add(i);
        var order = items.ToArray();
        // Comparison semantics as in the heap's (-0 ties +0), and the index breaks ties: a total order, so an unstable sort is safe.
        Array.Sort(order, (a, b) => scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : a.CompareTo(b));
        return new GlobalOrder(order, scores);
    }
}
