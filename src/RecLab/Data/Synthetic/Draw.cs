using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>The distributions the world is drawn from, as extensions of <see cref="Rng"/> (state advances in place).</summary>
internal static class Draw
{
    /// <summary>Log-normal with the given median and log-scale standard deviation.</summary>
    public static double LogNormal(ref this Rng rng, double median, double sigma) => median * Math.Exp(sigma * rng.NextGaussian());

    /// <summary>Pareto with minimum 1 and tail exponent <paramref name="alpha"/>: P(X &gt; x) = x^-alpha.</summary>
    public static double Pareto(ref this Rng rng, double alpha) => Math.Pow(1 - rng.NextDouble(), -1 / alpha);

    /// <summary>Poisson: Knuth's product of uniforms below mean 30, a rounded normal above (error well under 1%).</summary>
    public static int Poisson(ref this Rng rng, double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean >= 30)
            return Math.Max(0, (int)Math.Round(rng.NextGaussian(mean, Math.Sqrt(mean))));
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }
        return k;
    }

    /// <summary>
    /// The natural log of a Gamma(shape, 1) deviate (Marsaglia and Tsang; shapes below 1 by the boost
    /// Gamma(a) = Gamma(a+1)·U^(1/a)). Logs, because small shapes give deviates that underflow a double.
    /// </summary>
    public static double LogGamma(ref this Rng rng, double shape)
    {
        var boost = 0.0;
        if (shape < 1)
        {
            boost = Math.Log(1 - rng.NextDouble()) / shape;
            shape += 1;
        }
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = rng.NextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = 1 - rng.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
                return Math.Log(d * v) + boost;
        }
    }

    /// <summary>Beta(a, b) from two Gamma deviates.</summary>
    public static double Beta(ref this Rng rng, double a, double b)
    {
        var x = rng.LogGamma(a);
        var y = rng.LogGamma(b);
        var m = Math.Max(x, y);
        var ex = Math.Exp(x - m);
        return ex / (ex + Math.Exp(y - m));
    }

    /// <summary>A Dirichlet(alpha) draw into <paramref name="result"/> (normalized Gamma deviates, in log space).</summary>
    public static void Dirichlet(ref this Rng rng, ReadOnlySpan<double> alpha, Span<float> result)
    {
        Span<double> logs = stackalloc double[alpha.Length];
        var max = double.NegativeInfinity;
        for (var t = 0; t < alpha.Length; t++)
        {
            logs[t] = rng.LogGamma(alpha[t]);
            max = Math.Max(max, logs[t]);
        }
        var sum = 0.0;
        for (var t = 0; t < alpha.Length; t++)
        {
            logs[t] = Math.Exp(logs[t] - max);
            sum += logs[t];
        }
        for (var t = 0; t < alpha.Length; t++)
            result[t] = (float)(logs[t] / sum);
    }

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/> (linear scan; for short lists).</summary>
    public static int Categorical(ref this Rng rng, ReadOnlySpan<float> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
            total += w;
        var target = rng.NextDouble() * total;
        for (var k = 0; k < weights.Length; k++)
        {
            target -= weights[k];
            if (target < 0)
                return k;
        }
        // Rounding can leave a sliver of mass: it belongs to the last positive weight.
        for (var k = weights.Length - 1; k >= 0; k--)
            if (weights[k] > 0)
                return k;
        throw new ArgumentException("At least one weight must be positive.", nameof(weights));
    }
}
