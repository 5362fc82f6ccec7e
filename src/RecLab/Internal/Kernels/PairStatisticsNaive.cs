using RecLab.Data;

namespace RecLab.Internal.Kernels;

/// <summary>
/// The obviously-correct twin of <see cref="PairStatistics"/>: both matrices made dense, and every pair of rows
/// compared over every y, with each measure written as its textbook formula (Surprise's <c>similarities.pyx</c>).
/// </summary>
internal static class PairStatisticsNaive
{
    public static PairMatrix Compute(CsrMatrix rows, CsrMatrix columns, PairSettings settings)
    {
        var n = rows.RowCount;
        var m = rows.ColumnCount;
        var own = Dense(rows, n, m, transpose: false);
        var other = Dense(columns, n, m, transpose: true);
        var sim = new float[n * n];
        Array.Fill(sim, float.NaN);
        var counts = settings.KeepCounts ? new int[n * n] : null;
        for (var x = 0; x < n; x++)
        {
            var row = new List<(int X2, float Value, int Count)>();
            for (var x2 = 0; x2 < n; x2++)
            {
                if (x2 == x)
                    continue;
                var common = new List<(double Ri, double Rj)>();
                for (var y = 0; y < m; y++)
                    if (own[x, y] is { } ri && other[x2, y] is { } rj)
                        common.Add((ri, rj));
                var f = common.Count;
                if (f == 0 || f < settings.MinSupport)
                    continue;
                var value = settings.Measure switch
                {
                    PairMeasure.Msd => 1 / (common.Sum(c => (c.Ri - c.Rj) * (c.Ri - c.Rj)) / f + 1),
                    PairMeasure.MeanDifference => common.Sum(c => c.Ri - c.Rj) / f,
                    PairMeasure.Dot => common.Sum(c => c.Ri * c.Rj),
                    PairMeasure.Cosine => Cosine(common),
                    _ => Pearson(common),
                };
                if (settings.Shrinkage > 0)
                    value *= (f - 1) / (f - 1 + settings.Shrinkage);
                if (settings.PositiveOnly && !(value > 0))
                    continue;
                row.Add((x2, (float)value, f));
            }
            if (settings.TopK > 0)
                row = row.OrderByDescending(e => e.Value).ThenBy(e => e.X2).Take(settings.TopK).ToList();
            foreach (var (x2, value, f) in row)
            {
                sim[x * n + x2] = value;
                if (counts is not null)
                    counts[x * n + x2] = f;
            }
        }
        return PairMatrix.FromDense(n, sim, counts);
    }

    private static double Cosine(List<(double Ri, double Rj)> common)
    {
        var den = Math.Sqrt(common.Sum(c => c.Ri * c.Ri) * common.Sum(c => c.Rj * c.Rj));
        return den == 0 ? 0 : common.Sum(c => c.Ri * c.Rj) / den;
    }

    private static double Pearson(List<(double Ri, double Rj)> common)
    {
        // Centred on the means of the common support.
        var mi = common.Average(c => c.Ri);
        var mj = common.Average(c => c.Rj);
        var num = common.Sum(c => (c.Ri - mi) * (c.Rj - mj));
        var den = Math.Sqrt(common.Sum(c => (c.Ri - mi) * (c.Ri - mi)) * common.Sum(c => (c.Rj - mj) * (c.Rj - mj)));
        return den < 1e-12 ? 0 : num / den;
    }

    private static double?[,] Dense(CsrMatrix matrix, int n, int m, bool transpose)
    {
        var dense = new double?[n, m];
        for (var r = 0; r < matrix.RowCount; r++)
        {
            var idx = matrix.RowIndices(r);
            var val = matrix.RowValues(r);
            for (var k = 0; k < idx.Length; k++)
            {
                if (transpose)
                    dense[idx[k], r] = val[k];
                else
                    dense[r, idx[k]] = val[k];
            }
        }
        return dense;
    }
}
