using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Asks the CPU to start loading memory a kernel will read a little later: the next factor row of SGD, the alias cells
/// and item rows of a slate being drawn. A no-op without SSE. A prefetch never faults and changes no value, so the
/// address taken without pinning is harmless even if the collector moves the array meanwhile.
/// </summary>
internal static class CachePrefetch
{
    /// <summary>Every 64-byte line of the <paramref name="length"/> floats from <paramref name="start"/> (which need not start a line).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Floats(ref float start, int length)
    {
        if (!Sse.IsSupported || length <= 0)
            return;
        // One touch per 64 bytes, and the last float for a run that straddles one more line.
        for (var f = 0; f < length; f += 16)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref start, f)));
        Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref start, length - 1)));
    }

    /// <summary>The line holding <c>array[i]</c> (nothing for an index out of range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Element<T>(T[] array, int i)
    {
        if (Sse.IsSupported && (uint)i < (uint)array.Length)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), i)));
    }
}
