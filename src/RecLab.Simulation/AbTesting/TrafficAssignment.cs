using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Simulation.AbTesting;

/// <summary>
/// Assigns users to arms by a salted hash of their id: the bucket <c>b = H(salt, id) ∈ [0, 1)</c> falls in one arm's
/// traffic interval. Stable across days and runs (the same salt and id give the same arm), independent between salts,
/// and needs no stored table.
/// </summary>
public static class TrafficAssignment
{
    /// <summary>The user's bucket in [0, 1): FNV-1a of <c>salt + '\0' + id</c>, mixed by SplitMix64, top 53 bits.</summary>
    public static double Bucket(string salt, string userId) =>
        (Seeds.Derive(Seeds.Hash(salt + "\0" + userId), 0) >> 11) * (1.0 / (1UL << 53));

    /// <summary>The arm whose cumulative traffic interval holds <paramref name="bucket"/>, or -1 when it is beyond the total (not in the test).</summary>
    public static int ArmOf(double bucket, IReadOnlyList<double> traffic)
    {
        var upper = 0.0;
        for (var a = 0; a < traffic.Count; a++)
        {
            upper += traffic[a];
            if (bucket < upper)
                return a;
        }
        return -1;
    }

    /// <summary>Every user's arm (-1: not in the test), by user index.</summary>
    public static int[] Assign(IdMap users, string salt, IReadOnlyList<double> traffic)
    {
        var arms = new int[users.Count];
        for (var u = 0; u < arms.Length; u++)
            arms[u] = ArmOf(Bucket(salt, users[u]), traffic);
        return arms;
    }
}
