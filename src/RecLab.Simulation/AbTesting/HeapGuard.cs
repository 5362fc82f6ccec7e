namespace RecLab.Simulation.AbTesting;

/// <summary>
/// Collects the whole heap after a simulated day once it has grown by <see cref="Growth"/> since the last collection,
/// and once more when the simulation's per-user state has become garbage.
/// Each day leaves garbage among long-lived objects (seen-item tables outgrown, rankings deepened); it ages into the
/// oldest generation, which the workstation collector visits rarely, and on a million users it piled up by about half a
/// gigabyte a day. A full collection of a heap that large takes seconds, so smaller tests never pay for one.
/// </summary>
internal sealed class HeapGuard
{
    private const long Growth = 1L << 30;

    private long _live = Size;

    /// <summary>Bytes the managed heap holds, garbage included (no collection).</summary>
    public static long Size => GC.GetTotalMemory(forceFullCollection: false);

    public void AfterDay()
    {
        if (CollectIfGrownSince(_live))
            _live = Size;
    }

    /// <summary>Collects the whole heap if it has grown by <see cref="Growth"/> since it held <paramref name="size"/> bytes.</summary>
    public static bool CollectIfGrownSince(long size)
    {
        if (Size - size < Growth)
            return false;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return true;
    }
}
