using System.Diagnostics;

namespace RecLab.Experiments.Benchmarking;

/// <summary>
/// The process's peak working set over a stretch of work. On Linux the kernel's high-water mark is reset first
/// (writing 5 to /proc/self/clear_refs), so each task gets its own peak; elsewhere it is the process's peak so far.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Resets the peak where possible; true when it was reset.</summary>
    public static bool Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The peak working set now.</summary>
    public static long Read()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
