using System.Runtime.InteropServices;

namespace RecLab.Data.Synthetic;

/// <summary>
/// A thread's reusable row buffer for one block of users at a time (amortized growth, no allocation per row);
/// <see cref="TakeChunk"/> copies the block's rows out at their exact size and clears the buffer.
/// </summary>
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

    public LogChunk TakeChunk()
    {
        var chunk = new LogChunk(_users.ToArray(), _items.ToArray(), _seconds.ToArray(), _positions.ToArray(), _propensities.ToArray(),
            _outcomes.ToArray(), _ratings.ToArray());
        _users.Clear();
        _items.Clear();
        _seconds.Clear();
        _positions.Clear();
        _propensities.Clear();
        _outcomes.Clear();
        _ratings.Clear();
        return chunk;
    }
}

/// <summary>The rows of one block of users, at their exact size.</summary>
internal sealed record LogChunk(int[] Users, int[] Items, int[] Seconds, byte[] Positions, float[] Propensities, Engagement[] Outcomes, byte[] Ratings)
{
    public int Count => Users.Length;
}
