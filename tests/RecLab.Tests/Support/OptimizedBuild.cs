using System.Diagnostics;
using System.Reflection;
using RecLab.Data;

namespace RecLab.Tests.Support;

/// <summary>
/// Whether RecLab.Core was built with the JIT optimizer on (Release): timing and memory targets are about optimized
/// code, and unoptimized runs of them take many times longer and prove nothing.
/// </summary>
public static class OptimizedBuild
{
    private static readonly bool Optimized =
        typeof(InteractionData).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    /// <summary>Skips the calling test, saying <paramref name="why"/>, unless RecLab.Core is optimized.</summary>
    public static void Require(string why)
    {
        if (!Optimized)
            TestSkip.Because(why);
    }
}
