using RecLab.Internal.Kernels;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Where each user's (or item's) parameters live while a parallel SGD fit runs: row <c>r</c> sits at slot
/// <c>Slot[r]</c>, so that every block group of the grid owns one contiguous run of rows. Threads that update
/// different groups then never write to the same cache line; with groups drawn at random from the ids, neighbouring
/// rows (and neighbouring biases, 16 to a line) belong to different threads and every update would fight for its line.
/// Only the memory locations change, never the arithmetic: a fit gives the same bytes with or without the layout.
/// </summary>
internal sealed class RowLayout
{
    private readonly int[]? _slot;

    private RowLayout(int[]? slot) => _slot = slot;

    /// <summary>Rows stay where they are (sequential SGD).</summary>
    public static RowLayout Identity { get; } = new(null);

    /// <summary>Rows ordered by group, ascending ids within a group; returns the layout and writes each row's slot.</summary>
    public static RowLayout ByGroup(int[] group, int groups)
    {
        var start = new int[groups + 1];
        foreach (var g in group)
            start[g + 1]++;
        for (var g = 0; g < groups; g++)
            start[g + 1] += start[g];
        var slot = new int[group.Length];
        for (var r = 0; r < group.Length; r++)
            slot[r] = start[group[r]]++;
        return new RowLayout(slot);
    }

    /// <summary>The slot of row <paramref name="row"/>.</summary>
    public int Slot(int row) => _slot is null ? row : _slot[row];

    /// <summary>The rows of <paramref name="rows"/> moved to their slots (the same instance for the identity).</summary>
    public FactorMatrix Apply(FactorMatrix rows)
    {
        if (_slot is null)
            return rows;
        var moved = new FactorMatrix(rows.Rows, rows.Factors);
        for (var r = 0; r < rows.Rows; r++)
            rows.Row(r).CopyTo(moved.Row(_slot[r]));
        return moved;
    }

    /// <summary>One value per row moved to its slot (the same instance for the identity).</summary>
    public float[] Apply(float[] values)
    {
        if (_slot is null)
            return values;
        var moved = new float[values.Length];
        for (var r = 0; r < values.Length; r++)
            moved[_slot[r]] = values[r];
        return moved;
    }

    /// <summary>Copies the rows back from their slots in <paramref name="moved"/> into <paramref name="rows"/>.</summary>
    public void Restore(FactorMatrix moved, FactorMatrix rows)
    {
        if (ReferenceEquals(moved, rows))
            return;
        for (var r = 0; r < rows.Rows; r++)
            moved.Row(Slot(r)).CopyTo(rows.Row(r));
    }

    /// <summary>Copies the values back from their slots in <paramref name="moved"/> into <paramref name="values"/>.</summary>
    public void Restore(float[] moved, float[] values)
    {
        if (ReferenceEquals(moved, values))
            return;
        for (var r = 0; r < values.Length; r++)
            values[r] = moved[Slot(r)];
    }
}
