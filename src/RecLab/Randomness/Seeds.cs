using System.Runtime.CompilerServices;
using System.Text;

namespace RecLab.Randomness;

/// <summary>
/// Derives independent seeds from a parent seed and keys (a cell id, a fold, a user, a day), so every random
/// choice can be traced to the experiment seed and none depends on thread scheduling or execution order.
/// </summary>
public static class Seeds
{
    /// <summary>One SplitMix64 step: advances <paramref name="state"/> and returns a well-mixed value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A seed derived from a parent seed and one key.</summary>
    public static ulong Derive(ulong seed, ulong key)
    {
        var state = seed ^ (key * 0xD1B54A32D192ED03UL);
        SplitMix64(ref state);
        return SplitMix64(ref state);
    }

    /// <summary>A seed derived from a parent seed and several keys, in order.</summary>
    public static ulong Derive(ulong seed, ulong key1, ulong key2) => Derive(Derive(seed, key1), key2);

    /// <summary>A seed derived from a parent seed and several keys, in order.</summary>
    public static ulong Derive(ulong seed, ulong key1, ulong key2, ulong key3) => Derive(Derive(Derive(seed, key1), key2), key3);

    /// <summary>A seed derived from a parent seed and a label (stable FNV-1a hash of its UTF-8 bytes).</summary>
    public static ulong Derive(ulong seed, string label) => Derive(seed, Hash(label));

    /// <summary>A stable 64-bit hash of a string (FNV-1a over UTF-8), identical on every platform and run.</summary>
    public static ulong Hash(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }

    /// <summary>A generator for the stream identified by <paramref name="seed"/> and <paramref name="key"/>.</summary>
    public static Rng Stream(ulong seed, ulong key) => new(Derive(seed, key));
}
