namespace RecLab.Internal.Kernels;

/// <summary>The obviously-correct twin of <see cref="SgdKernel"/>: Surprise's loop, one factor at a time, dot in double.</summary>
internal static class SgdKernelNaive
{
    public static double Pass(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> values,
        FactorMatrix p, FactorMatrix q, Span<float> bu, Span<float> bi, float mu, in SgdRates r)
    {
        double sse = 0;
        for (var k = 0; k < users.Length; k++)
        {
            var pu = p.Row(users[k]);
            var qi = q.Row(items[k]);
            double dot = 0;
            for (var f = 0; f < p.Factors; f++)
                dot += qi[f] * pu[f];
            var err = (float)(values[k] - (mu + bu[users[k]] + bi[items[k]] + dot));
            sse += (double)err * err;
            if (r.Biased)
            {
                bu[users[k]] += r.UserBiasRate * (err - r.UserBiasReg * bu[users[k]]);
                bi[items[k]] += r.ItemBiasRate * (err - r.ItemBiasReg * bi[items[k]]);
            }
            for (var f = 0; f < p.Factors; f++)
            {
                var puf = pu[f];
                var qif = qi[f];
                pu[f] += r.UserFactorRate * (err * qif - r.UserFactorReg * puf);
                qi[f] += r.ItemFactorRate * (err * puf - r.ItemFactorReg * qif);
            }
        }
        return sse;
    }

    public static void FoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> targets, FactorMatrix q, ReadOnlySpan<float> bi,
        float mu, in SgdRates r, int epochs, Span<float> pu, ref float bu)
    {
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var k = 0; k < items.Length; k++)
            {
                var qi = q.Row(items[k]);
                double dot = 0;
                for (var f = 0; f < q.Factors; f++)
                    dot += qi[f] * pu[f];
                var err = (float)(targets[k] - (mu + bu + bi[items[k]] + dot));
                if (r.Biased)
                    bu += r.UserBiasRate * (err - r.UserBiasReg * bu);
                for (var f = 0; f < q.Factors; f++)
                    pu[f] += r.UserFactorRate * (err * qi[f] - r.UserFactorReg * pu[f]);
            }
        }
    }
}
