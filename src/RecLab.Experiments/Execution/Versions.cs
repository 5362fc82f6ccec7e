using System.Reflection;
using System.Runtime.InteropServices;

namespace RecLab.Experiments.Execution;

/// <summary>What produced a result: RecLab's version (with the git commit of the build), .NET, the OS and the machine.</summary>
public static class Versions
{
    /// <summary>RecLab's informational version, e.g. <c>0.1.0+23b5145b...</c> (the part after '+' is the git commit of the build).</summary>
    public static string RecLab { get; } =
        typeof(Versions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The git commit RecLab was built from, or null when the build had none.</summary>
    public static string? GitCommit => RecLab.Contains('+') ? RecLab[(RecLab.IndexOf('+') + 1)..] : null;

    /// <summary>The .NET runtime, e.g. <c>.NET 10.0.0</c>.</summary>
    public static string DotNet => RuntimeInformation.FrameworkDescription;

    /// <summary>The operating system and architecture.</summary>
    public static string Os => $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
}
