namespace RecLab.Tests.Support;

/// <summary>The process's peak working set, for the scale tests.</summary>
internal static class PeakMemory
{
    /// <summary>Resets the kernel's peak-RSS mark (Linux) so the peak measured next is the caller's; false elsewhere.</summary>
    public static bool Reset()
    {
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
