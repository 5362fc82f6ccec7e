using System.Runtime.InteropServices;

namespace RecLab.Data.Synthetic;

/// <summary>One partition's growing share of a <see cref="LogTable"/> (amortized growth, no allocation per row).</summary>
internal sealed class LogBuffer
{
    private readonly List<int> _users = [];
    private readonly List<int> _items = [];
    private readonly List<int> _seconds = [];
    private readonly List<byte> _positions = [];
    private readonly List<float> _propensities = [];
    private readonly List<Engagement> _outcomes = [];
    private readonly List<byte> _ratings = [];

    public int Count => _users.Count;

    public void Add(int user, int item, int second, int position, float propensity, Engagement outcome, byte rating)
    {
        _users.Add(user);
        _items.Add(item);
        _seconds.Add(second);
        _positions.Add((byte)Math.Min(position, byte.MaxValue));
        _propensities.Add(propensity);
        _outcomes.Add(outcome);
        _ratings.Add(rating);
    }

    public void CopyTo(LogTable table, int at) =>
        table.Fill(at, CollectionsMarshal.AsSpan(_users), CollectionsMarshal.AsSpan(_items), CollectionsMarshal.AsSpan(_seconds),
            CollectionsMarshal.AsSpan(_positions), CollectionsMarshal.AsSpan(_propensities), CollectionsMarshal.AsSpan(_outcomes),
            CollectionsMarshal.AsSpan(_ratings));
}
