using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RecLab.Internal.Kernels;

namespace RecLab.Data.Synthetic;

/// <summary>
/// What the ground truth reads about an item to respond to an impression, one packed row per item for the log generator:
/// the latent part of the item vector, its topic-tag weights, quality, creator and tags. <see cref="WorldItems"/> keeps
/// them in six arrays, and an impression of a random item missed the cache in each (three lines of the vector, then the
/// creator, quality and tags); a row here is 32-byte aligned and at most 96 bytes at the default 16 latent factors, so
/// it lies on two cache lines, which <see cref="Prefetch"/> starts loading. <see cref="Affinity"/> is
/// <see cref="World.Affinity(ReadOnlySpan{float}, int)"/> with the same operations on the same values, bit for bit.
/// </summary>
internal sealed class ResponseRows
{
    private const int Side = 6;
    private const int Align = 8;

    private readonly float[] _data;
    private readonly int _start;
    private readonly int _stride;
    private readonly int _latent;
    private readonly int _topics;

    public ResponseRows(WorldItems items, int topics)
    {
        _topics = topics;
        _latent = items.Dimensions - topics;
        _stride = (_latent + Side + Align - 1) / Align * Align;
        // Pinned, so the rows keep the alignment computed here.
        _data = GC.AllocateUninitializedArray<float>(items.Count * _stride + Align, pinned: true);
        _start = AlignmentOffset(_data);
        for (var i = 0; i < items.Count; i++)
        {
            var row = Row(i);
            var vector = items.Vector(i);
            vector[topics..].CopyTo(row);
            var primary = items.PrimaryTopic(i);
            var secondary = items.SecondaryTopic(i);
            row[_latent] = vector[primary];
            row[_latent + 1] = secondary >= 0 ? vector[secondary] : 0f;
            row[_latent + 2] = items.Quality(i);
            row[_latent + 3] = BitConverter.Int32BitsToSingle(items.Creator(i));
            row[_latent + 4] = BitConverter.Int32BitsToSingle(primary);
            row[_latent + 5] = BitConverter.Int32BitsToSingle(secondary);
            row[(_latent + Side)..].Clear();
        }
    }

    /// <summary>The item's creator.</summary>
    public int Creator(int item) => BitConverter.SingleToInt32Bits(Row(item)[_latent + 3]);

    /// <summary>True affinity <c>x_u·v_i + q_i</c>, computed as <see cref="World.Affinity(ReadOnlySpan{float}, int)"/> does.</summary>
    public float Affinity(ReadOnlySpan<float> taste, int item)
    {
        var row = Row(item);
        var primary = BitConverter.SingleToInt32Bits(row[_latent + 4]);
        var secondary = BitConverter.SingleToInt32Bits(row[_latent + 5]);
        var topical = taste[primary] * row[_latent] + (secondary >= 0 ? taste[secondary] * row[_latent + 1] : 0f);
        return TensorPrimitives.Dot(taste[_topics..], row[.._latent]) + topical + row[_latent + 2];
    }

    /// <summary>Asks the CPU to start loading an item's row, for a caller that knows the items it will respond to next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int item) =>
        CachePrefetch.Floats(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_data), _start + (nint)item * _stride), _stride);

    private Span<float> Row(int item) => _data.AsSpan(_start + item * _stride, _stride);

    private static unsafe int AlignmentOffset(float[] pinned)
    {
        var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (int)((Align * sizeof(float) - address % (Align * sizeof(float))) % (Align * sizeof(float)) / sizeof(float));
    }
}
