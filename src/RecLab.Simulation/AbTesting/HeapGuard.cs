namespace RecLab.Simulation.AbTesting;

/// <summary>
/// Collects the whole heap after a simulated day once it has grown by <see cref="Growth"/> since the last collection.
/// Each day leaves garbage among long-lived objects (seen-item tables outgrown, rankings deepened); it ages into the
/// oldest generation, which the workstation collector visits rarely, and on a million users it piled up by about half a
/// gigabyte a day. A full collection of a heap that large takes seconds, so smaller tests never pay for one.
/// </summary>
internal sealed class HeapGuard
{
    private const long Growth = 1L << 30;

    private long _live = GC.GetTotalMemory(forceFullCollection: false);

    public void AfterDay()
    {
        if (GC.GetTotalMemory(forceFullCollection: false) - _live < Growth)
            return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        _live = GC.GetTotalMemory(forceFullCollection: false);
    }
}
