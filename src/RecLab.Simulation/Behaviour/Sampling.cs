using RecLab.Randomness;

namespace RecLab.Simulation.Behaviour;

/// <summary>Draws the simulator needs beyond <see cref="Rng"/>'s own.</summary>
internal static class Sampling
{
    /// <summary>
    /// Poisson by inversion (sequential search of the CDF) below mean 30, a rounded normal above: the same
    /// distribution of sessions and attention the world's log generator draws.
    /// </summary>
    public static int Poisson(ref Rng rng, double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean >= 30)
            return Math.Max(0, (int)Math.Round(rng.NextGaussian(mean, Math.Sqrt(mean))));
        var u = rng.NextDouble();
        var p = Math.Exp(-mean);
        var cdf = p;
        var k = 0;
        while (u > cdf && k < 1000)
        {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }
}
