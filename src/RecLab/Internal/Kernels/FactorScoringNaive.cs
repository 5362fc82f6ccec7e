namespace RecLab.Internal.Kernels;

/// <summary>The obviously-correct twin of <see cref="FactorScoring"/>: a scalar dot per item, in double.</summary>
internal static class FactorScoringNaive
{
    public static void ScoreAll(FactorMatrix q, ReadOnlySpan<float> user, ReadOnlySpan<float> itemBias, float constant, Span<float> scores)
    {
        for (var i = 0; i < q.Rows; i++)
        {
            var row = q.Row(i);
            double dot = 0;
            for (var f = 0; f < q.Factors; f++)
                dot += row[f] * user[f];
            scores[i] = (float)(constant + (itemBias.IsEmpty ? 0 : itemBias[i]) + dot);
        }
    }
}
