namespace RecLab.Tests.Support;

/// <summary>The process's peak working set, for the scale tests.</summary>
internal static class PeakMemory
{
    /// <summary>
    /// Returns what earlier tests left on the managed heap to the system, then resets the kernel's peak-RSS mark (Linux)
    /// so the peak measured next is the caller's; false elsewhere.
    /// </summary>
    /// <remarks>
    /// Without the aggressive collection the heap keeps the memory earlier tests freed, the caller's allocations reuse
    /// it, and its peak above the reset understates what it needs on its own (82 MB for the 10M implicit-ALS fit run
    /// right after the large world was generated, against 441 MB when run first).
    /// </remarks>
    public static bool Reset()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
