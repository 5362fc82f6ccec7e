namespace RecLab.Evaluation.Statistics;

/// <summary>
/// Centred sums of squares and cross-products of paired values (y, x) pooled over one or more samples, skipping pairs
/// with a NaN. Two passes: add every sample's means first, then every sample's spread around the pooled means.
/// </summary>
internal sealed class CrossMoments
{
    private double _sumX, _sumY;

    public int Count { get; private set; }
    public double SumX => _sumX;
    public double SumY => _sumY;
    public double MeanX => Count > 0 ? _sumX / Count : 0;
    public double MeanY => Count > 0 ? _sumY / Count : 0;
    public double Sxx { get; private set; }
    public double Syy { get; private set; }
    public double Sxy { get; private set; }

    public static CrossMoments Of(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        var moments = new CrossMoments();
        moments.AddMeans(y, x);
        moments.AddSpread(y, x);
        return moments;
    }

    public void AddMeans(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        for (var i = 0; i < y.Length; i++)
        {
            if (double.IsNaN(y[i]) || double.IsNaN(x[i]))
                continue;
            Count++;
            _sumX += x[i];
            _sumY += y[i];
        }
    }

    public void AddSpread(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        double mx = MeanX, my = MeanY;
        for (var i = 0; i < y.Length; i++)
        {
            if (double.IsNaN(y[i]) || double.IsNaN(x[i]))
                continue;
            var dx = x[i] - mx;
            var dy = y[i] - my;
            Sxx += dx * dx;
            Syy += dy * dy;
            Sxy += dx * dy;
        }
    }
}
