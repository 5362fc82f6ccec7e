using RecLab.Data;

namespace RecLab.Recommenders;

/// <summary>
/// Whom to score for: a user index (or -1 for an anonymous user) and the history to use, which for a known user is
/// their training interactions and for a cold or onboarding user is whatever they told us.
/// </summary>
/// <param name="User">Dense user index in the training id space, or -1.</param>
/// <param name="History">Items the user interacted with (ascending item indices for training histories).</param>
/// <param name="Values">Values aligned with <paramref name="History"/> (ratings or weights).</param>
public readonly record struct UserQuery(int User, ReadOnlyMemory<int> History, ReadOnlyMemory<float> Values)
{
    /// <summary>A known user with their training history.</summary>
    public static UserQuery ForUser(InteractionData train, int user)
    {
        var range = train.RowsOf(user);
        var (offset, length) = range.GetOffsetAndLength(train.Count);
        return new UserQuery(user, train.ByUser.IndexArray.AsMemory(offset, length), train.ByUser.ValueArray.AsMemory(offset, length));
    }

    /// <summary>A user known only by a history (onboarding answers, a session); not in the training id space.</summary>
    public static UserQuery Anonymous(int[] items, float[]? values = null)
    {
        values ??= Enumerable.Repeat(1f, items.Length).ToArray();
        if (values.Length != items.Length)
            throw new ArgumentException("Values must align with items.", nameof(values));
        return new UserQuery(-1, items, values);
    }

    /// <summary>Number of history items.</summary>
    public int HistoryLength => History.Length;
}
