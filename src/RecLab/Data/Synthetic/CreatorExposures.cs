namespace RecLab.Data.Synthetic;

/// <summary>
/// The log generator's <see cref="ExposureMemory"/>: one user at a time, one slot per creator, decayed lazily. Each
/// slot keeps the amount as of the day it was last touched, and a read applies the end-of-day decays missed since, one
/// day at a time with the same multiply and the same forgetting threshold, so every value is bit for bit the one the
/// eagerly decayed list holds. An impression costs one slot instead of a scan of the list, and a day costs nothing
/// (the list's daily pass over a few dozen creators was a tenth of the log's time).
/// </summary>
internal sealed class CreatorExposures(int creators, float decay)
{
    private struct Slot
    {
        public float Amount;
        public int Day;
        public int Owner;
    }

    private readonly Slot[] _slots = new Slot[creators];
    private int _owner;

    /// <summary>Starts the next user with no exposure (slots written for earlier users read as empty).</summary>
    public void NextUser() => _owner++;

    /// <summary>Adds one exposure to <paramref name="creator"/> on <paramref name="day"/> and returns the amount before it.</summary>
    /// <remarks>Days must not decrease for a user.</remarks>
    public float AddAndGetPrevious(int creator, int day)
    {
        ref var slot = ref _slots[creator];
        var previous = 0f;
        if (slot.Owner == _owner)
        {
            previous = slot.Amount;
            for (var d = slot.Day; d < day; d++)
            {
                previous *= decay;
                if (previous < ExposureMemory.ForgetBelow)
                {
                    previous = 0f;
                    break;
                }
            }
        }
        slot.Amount = previous + 1f;
        slot.Day = day;
        slot.Owner = _owner;
        return previous;
    }
}
