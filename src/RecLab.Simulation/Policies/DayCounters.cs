namespace RecLab.Simulation.Policies;

/// <summary>Per-thread counts for one user's current day: impressions per creator (the frequency cap) and sponsored impressions.</summary>
internal sealed class DayCounters(int creators)
{
    private readonly int[] _perCreator = new int[creators];
    private readonly List<int> _touched = [];

    public int Sponsored { get; set; }

    public int Of(int creator) => _perCreator[creator];

    public void Add(int creator)
    {
        if (_perCreator[creator]++ == 0)
            _touched.Add(creator);
    }

    public void Remove(int creator) => _perCreator[creator]--;

    public void Reset()
    {
        foreach (var c in _touched)
            _perCreator[c] = 0;
        _touched.Clear();
        Sponsored = 0;
    }
}
