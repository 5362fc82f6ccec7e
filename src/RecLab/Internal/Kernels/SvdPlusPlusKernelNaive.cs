using RecLab.Data;

namespace RecLab.Internal.Kernels;

/// <summary>
/// The twin of <see cref="SvdPlusPlusKernel"/>: Surprise's SVDpp loop as written, recomputing the implicit sum and
/// updating every <c>y_j</c> for every rating (quadratic in the user's history length).
/// </summary>
internal static class SvdPlusPlusKernelNaive
{
    public static double Pass(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> values, CsrMatrix ratedBy,
        FactorMatrix p, FactorMatrix q, FactorMatrix y, Span<float> bu, Span<float> bi, float mu, in SgdRates r, float yRate, float yReg)
    {
        double sse = 0;
        var imp = new double[p.Factors];
        for (var k = 0; k < users.Length; k++)
        {
            int u = users[k], i = items[k];
            var rated = ratedBy.RowIndices(u);
            var sqrtN = Math.Sqrt(rated.Length);
            Array.Clear(imp);
            foreach (var j in rated)
                for (var f = 0; f < p.Factors; f++)
                    imp[f] += y.Row(j)[f] / sqrtN;
            var pu = p.Row(u);
            var qi = q.Row(i);
            double dot = 0;
            for (var f = 0; f < p.Factors; f++)
                dot += qi[f] * (pu[f] + imp[f]);
            var err = values[k] - (mu + bu[u] + bi[i] + dot);
            sse += err * err;
            bu[u] += (float)(r.UserBiasRate * (err - r.UserBiasReg * bu[u]));
            bi[i] += (float)(r.ItemBiasRate * (err - r.ItemBiasReg * bi[i]));
            for (var f = 0; f < p.Factors; f++)
            {
                double puf = pu[f], qif = qi[f];
                pu[f] += (float)(r.UserFactorRate * (err * qif - r.UserFactorReg * puf));
                qi[f] += (float)(r.ItemFactorRate * (err * (puf + imp[f]) - r.ItemFactorReg * qif));
                foreach (var j in rated)
                {
                    var yj = y.Row(j);
                    yj[f] += (float)(yRate * (err * qif / sqrtN - yReg * yj[f]));
                }
            }
        }
        return sse;
    }
}
