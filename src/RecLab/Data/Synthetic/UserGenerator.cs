using RecLab.Randomness;

namespace RecLab.Data.Synthetic;

/// <summary>Draws the users, in parallel over fixed blocks, each block from its own stream.</summary>
internal static class UserGenerator
{
    public const int Block = 1024;

    public static WorldUsers Generate(WorldOptions o, IReadOnlyList<Topic> topics, ParallelOptions parallel)
    {
        var n = o.Users;
        var t = topics.Count;
        var l = o.LatentFactors;
        var d = t + l;
        var ages = new byte[n];
        var genders = new byte[n];
        var regions = new byte[n];
        var interests = new float[(long)n * t];
        var tastes = new float[(long)n * d];
        var activity = new float[n];
        var attention = new float[n];
        var sensitivity = new float[n];
        var ratingBias = new float[n];
        var alphas = DirichletParameters(o, topics);
        var ageShares = Demographics.AgeShares.ToArray();
        var genderShares = Demographics.GenderShares.ToArray();
        var regionShares = Demographics.RegionShares.ToArray();
        // Components scaled by L^-1/4 on both sides make sd(p_u·s_c) = StyleScale whatever L is.
        var styleSd = o.StyleScale * Math.Pow(l, -0.25);
        var blocks = (n + Block - 1) / Block;
        Parallel.For(0, blocks, parallel, b =>
        {
            var rng = Seeds.Stream(Seeds.Derive(o.Seed, (ulong)StreamKind.Users), (ulong)b);
            var end = Math.Min(n, (b + 1) * Block);
            for (var u = b * Block; u < end; u++)
            {
                var age = rng.Categorical(ageShares);
                var gender = rng.Categorical(genderShares);
                ages[u] = (byte)age;
                genders[u] = (byte)gender;
                regions[u] = (byte)rng.Categorical(regionShares);
                var theta = interests.AsSpan(u * t, t);
                rng.Dirichlet(alphas[age * Demographics.Genders.Count + gender], theta);
                var taste = tastes.AsSpan(u * d, d);
                for (var k = 0; k < t; k++)
                    taste[k] = (float)(o.TopicWeight * theta[k]);
                for (var k = t; k < d; k++)
                    taste[k] = (float)(styleSd * rng.NextGaussian());
                activity[u] = (float)Math.Min(rng.LogNormal(o.ActivityMedian, o.ActivitySpread), 50);
                attention[u] = (float)Math.Clamp(rng.LogNormal(o.AttentionMedian, o.AttentionSpread), 1, 200);
                // Younger users are more price-sensitive.
                sensitivity[u] = (float)rng.LogNormal(Math.Exp(-0.2 * Demographics.AgeScores[age]), 0.5);
                ratingBias[u] = (float)rng.NextGaussian(0, o.RatingUserSpread);
            }
        });
        return new WorldUsers(t, d, ages, genders, regions, interests, tastes, activity, attention, sensitivity, ratingBias);
    }

    /// <summary>
    /// Dirichlet parameters per (age band, gender): <c>α_t ∝ popularity_t·exp(DemographicEffect·(gender·lean_t + age·ageLean_t))</c>,
    /// scaled to sum to <see cref="WorldOptions.TopicConcentration"/>.
    /// </summary>
    private static double[][] DirichletParameters(WorldOptions o, IReadOnlyList<Topic> topics)
    {
        var result = new double[Demographics.AgeBands.Count * Demographics.Genders.Count][];
        for (var a = 0; a < Demographics.AgeBands.Count; a++)
        {
            for (var g = 0; g < Demographics.Genders.Count; g++)
            {
                var alpha = new double[topics.Count];
                var sum = 0.0;
                for (var k = 0; k < topics.Count; k++)
                {
                    var tilt = Demographics.GenderSigns[g] * topics[k].GenderLean + Demographics.AgeScores[a] * topics[k].AgeLean;
                    alpha[k] = topics[k].Popularity * Math.Exp(o.DemographicEffect * tilt);
                    sum += alpha[k];
                }
                for (var k = 0; k < topics.Count; k++)
                    alpha[k] *= o.TopicConcentration / sum;
                result[a * Demographics.Genders.Count + g] = alpha;
            }
        }
        return result;
    }
}
