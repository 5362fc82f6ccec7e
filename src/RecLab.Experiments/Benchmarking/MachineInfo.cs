using System.Globalization;
using RecLab.Experiments.Execution;

namespace RecLab.Experiments.Benchmarking;

/// <summary>The machine a benchmark ran on.</summary>
public sealed record MachineInfo
{
    /// <summary>Logical cores.</summary>
    public required int Cores { get; init; }

    /// <summary>CPU model (Linux <c>/proc/cpuinfo</c>), or <c>unknown</c>.</summary>
    public required string Cpu { get; init; }

    /// <summary>Physical memory in bytes, when known.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>Operating system and architecture.</summary>
    public required string Os { get; init; }

    /// <summary>.NET runtime.</summary>
    public required string DotNet { get; init; }

    /// <summary>RecLab's version with the commit of the build.</summary>
    public required string RecLab { get; init; }

    /// <summary>This machine.</summary>
    public static MachineInfo Current() => new()
    {
        Cores = Environment.ProcessorCount,
        Cpu = ProcField("/proc/cpuinfo", "model name") ?? "unknown",
        MemoryBytes = ProcField("/proc/meminfo", "MemTotal") is { } total
            && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)
            ? kb * 1024 : null,
        Os = Versions.Os,
        DotNet = Versions.DotNet,
        RecLab = Versions.RecLab,
    };

    /// <summary>The value of the first <c>key: value</c> line of a /proc file, or null.</summary>
    private static string? ProcField(string path, string key)
    {
        try
        {
            if (!File.Exists(path))
                return null;
            foreach (var line in File.ReadLines(path))
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && line[..colon].Trim() == key)
                    return line[(colon + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
