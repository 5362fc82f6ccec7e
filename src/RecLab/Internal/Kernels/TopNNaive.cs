namespace RecLab.Internal.Kernels;

/// <summary>The obviously-correct twin of <see cref="TopN"/>: sort every scorable item, take the first N.</summary>
internal static class TopNNaive
{
    public static int Select(ReadOnlySpan<float> scores, Span<int> items, Span<float> topScores)
    {
        var all = new List<(float Score, int Item)>(scores.Length);
        for (var i = 0; i < scores.Length; i++)
            if (!float.IsNaN(scores[i]))
                all.Add((scores[i], i));
        all.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Item.CompareTo(b.Item));
        var k = Math.Min(Math.Min(items.Length, topScores.Length), all.Count);
        for (var j = 0; j < k; j++)
        {
            items[j] = all[j].Item;
            topScores[j] = all[j].Score;
        }
        return k;
    }
}
