namespace RecLab.Recommenders.ColdStart;

/// <summary>
/// A bandit policy over items (the arms): it picks one of the offered items for a user, then learns from whether it
/// was clicked. Used to explore new items and serve new users; evaluated offline by <see cref="BanditReplay"/>.
/// </summary>
public interface IBandit
{
    /// <summary>Short name for tables.</summary>
    string Name { get; }

    /// <summary>The item to show <paramref name="user"/>, one of <paramref name="arms"/> (not empty).</summary>
    int Choose(int user, ReadOnlySpan<int> arms);

    /// <summary>Learns the outcome of showing <paramref name="item"/> to <paramref name="user"/>.</summary>
    void Update(int user, int item, bool clicked);
}
