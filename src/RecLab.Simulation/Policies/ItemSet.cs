using System.Numerics;

namespace RecLab.Simulation.Policies;

/// <summary>
/// A growable set of non-negative ints by open addressing (linear probing, power-of-two table, load at most 3/4):
/// the items one user has seen. A per-user HashSet would cost several times the memory on 100k users, and a load of
/// at most 1/2 a third more than this: on a million users three weeks of impressions are gigabytes of these tables,
/// while a miss still probes about three slots on average.
/// </summary>
internal sealed class ItemSet
{
    private const int Empty = -1;
    private int[] _slots = NewTable(16);

    public int Count { get; private set; }

    public bool Contains(int item)
    {
        var mask = _slots.Length - 1;
        for (var k = Hash(item) & mask; ; k = (k + 1) & mask)
        {
            var s = _slots[k];
            if (s == item)
                return true;
            if (s == Empty)
                return false;
        }
    }

    /// <summary>Adds an item; false when it was already there.</summary>
    public bool Add(int item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        if (4 * (Count + 1) > 3 * _slots.Length)
            Grow();
        if (!Insert(_slots, item))
            return false;
        Count++;
        return true;
    }

    private void Grow()
    {
        var table = NewTable(_slots.Length * 2);
        foreach (var s in _slots)
            if (s != Empty)
                Insert(table, s);
        _slots = table;
    }

    private static bool Insert(int[] table, int item)
    {
        var mask = table.Length - 1;
        for (var k = Hash(item) & mask; ; k = (k + 1) & mask)
        {
            if (table[k] == item)
                return false;
            if (table[k] == Empty)
            {
                table[k] = item;
                return true;
            }
        }
    }

    // Fibonacci hashing spreads consecutive item indices over the table.
    private static int Hash(int item) => (int)BitOperations.RotateLeft((uint)item * 0x9E3779B9u, 16);

    private static int[] NewTable(int size)
    {
        var table = new int[size];
        table.AsSpan().Fill(Empty);
        return table;
    }
}
