namespace RecLab.Recommenders.Neighborhood;

/// <summary>Per-thread buffers for neighbourhood predictions, so concurrent Predict calls allocate nothing.</summary>
internal sealed class NeighborScratch
{
    [ThreadStatic]
    private static NeighborScratch? _current;

    public float[] Values = [];
    public int[] Counts = [];
    public int[] Selected = [];
    public float[] SelectedValues = [];

    /// <summary>This thread's buffers, with room for <paramref name="candidates"/> values and <paramref name="k"/> selections.</summary>
    public static NeighborScratch For(int candidates, int k)
    {
        var s = _current ??= new NeighborScratch();
        if (s.Values.Length < candidates)
        {
            var size = Math.Max(candidates, 2 * s.Values.Length);
            s.Values = new float[size];
            s.Counts = new int[size];
        }
        if (s.Selected.Length < k)
        {
            s.Selected = new int[k];
            s.SelectedValues = new float[k];
        }
        return s;
    }
}
