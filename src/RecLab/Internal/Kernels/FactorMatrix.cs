using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RecLab.Randomness;

namespace RecLab.Internal.Kernels;

/// <summary>
/// Latent factors of every factor model, one row per user or item, row-major in one <c>float[]</c>. Each row is
/// padded with zeros to a whole number of <see cref="Vector256{T}"/> lanes so the SGD and scoring kernels run
/// without scalar tails; the padding stays zero under every update the kernels make (SGD multiplies and adds zeros
/// only; least-squares solves write the unpadded row, <see cref="this[int]"/>).
/// </summary>
internal sealed class FactorMatrix
{
    /// <summary>Lanes per vector; rows are padded to a multiple of it.</summary>
    public const int Lanes = Dense.Lanes;

    /// <summary>Rows per block of the parallel fills, each block drawn from its own seeded stream.</summary>
    public const int FillBlock = 4096;

    public FactorMatrix(int rows, int factors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        Rows = rows;
        Factors = factors;
        Stride = (factors + Lanes - 1) / Lanes * Lanes;
        Data = new float[(long)rows * Stride > int.MaxValue
            ? throw new ArgumentException($"{rows} rows of {factors} factors do not fit in one array.")
            : rows * Stride];
    }

    public int Rows { get; }

    public int Factors { get; }

    /// <summary>Floats per row (factors rounded up to <see cref="Lanes"/>).</summary>
    public int Stride { get; }

    public float[] Data { get; }

    /// <summary>A row's factors without the padding (length <see cref="Factors"/>).</summary>
    public Span<float> this[int row] => Data.AsSpan(row * Stride, Factors);

    /// <summary>A row including its zero padding.</summary>
    public Span<float> Row(int row) => Data.AsSpan(row * Stride, Stride);

    /// <summary>The first element of a row, for kernels that walk it with <see cref="Vector256"/> loads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref float RowRef(int row) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Data), (nint)row * Stride);

    /// <summary>
    /// Asks the CPU to start loading a row into its caches, for a kernel that knows which row it will need a little
    /// later (a no-op for a row out of range).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int row)
    {
        if ((uint)row < (uint)Rows)
            CachePrefetch.Floats(ref RowRef(row), Stride);
    }

    /// <summary>Draws every factor from N(mean, stdDev), row by row from one stream (padding left at zero).</summary>
    public void FillGaussian(ref Rng rng, float mean, float stdDev)
    {
        for (var r = 0; r < Rows; r++)
        {
            var row = this[r];
            for (var f = 0; f < row.Length; f++)
                row[f] = (float)rng.NextGaussian(mean, stdDev);
        }
    }

    /// <summary>Draws every factor uniformly from [low, high), row by row from one stream (padding left at zero).</summary>
    public void FillUniform(ref Rng rng, float low, float high) => FillUniform(ref rng, low, high, 0, Rows);

    /// <summary>
    /// Draws every factor uniformly from [low, high) in parallel: the rows of block b (<see cref="FillBlock"/> rows)
    /// from the stream <c>Seeds.Stream(seed, b)</c>, so the values do not depend on the thread count.
    /// </summary>
    public void FillUniform(ulong seed, float low, float high, ParallelOptions parallel) =>
        Parallel.For(0, (Rows + FillBlock - 1) / FillBlock, parallel, b =>
        {
            var rng = Seeds.Stream(seed, (ulong)b);
            FillUniform(ref rng, low, high, b * FillBlock, Math.Min(Rows, (b + 1) * FillBlock));
        });

    /// <summary>
    /// Standard normal rows scaled to unit length (LensKit's ALS start), in parallel blocks seeded as
    /// <see cref="FillUniform(ulong, float, float, ParallelOptions)"/>.
    /// </summary>
    public void FillUnitGaussianRows(ulong seed, ParallelOptions parallel) =>
        Parallel.For(0, (Rows + FillBlock - 1) / FillBlock, parallel, b =>
        {
            var rng = Seeds.Stream(seed, (ulong)b);
            var end = Math.Min(Rows, (b + 1) * FillBlock);
            for (var r = b * FillBlock; r < end; r++)
            {
                var row = this[r];
                for (var f = 0; f < row.Length; f++)
                    row[f] = (float)rng.NextGaussian();
                var norm = MathF.Sqrt(Dense.Dot(row, row));
                for (var f = 0; f < row.Length; f++)
                    row[f] /= norm;
            }
        });

    private void FillUniform(ref Rng rng, float low, float high, int start, int end)
    {
        for (var r = start; r < end; r++)
        {
            var row = this[r];
            for (var f = 0; f < row.Length; f++)
                row[f] = low + (high - low) * rng.NextFloat();
        }
    }

    /// <summary>True when no factor is NaN or infinite.</summary>
    public bool AllFinite() => Dense.AllFinite(Data);

    /// <summary>
    /// Scores every row for one padded vector: <c>s_r = c + b_r + x·row_r</c> (c a per-user constant such as
    /// <c>mu + b_u</c>; <paramref name="bias"/> empty for none). Streams the matrix once, no allocation.
    /// </summary>
    public void Score(ReadOnlySpan<float> x, ReadOnlySpan<float> bias, float constant, Span<float> scores)
    {
        if (x.Length != Stride || scores.Length != Rows || (bias.Length != 0 && bias.Length != Rows))
            throw new ArgumentException("The vector, biases and score buffer must match the factor matrix.");
        Dense.MatVec(Data, Rows, Stride, x, scores);
        if (bias.IsEmpty)
        {
            if (constant != 0)
                for (var r = 0; r < scores.Length; r++)
                    scores[r] += constant;
            return;
        }
        for (var r = 0; r < scores.Length; r++)
            scores[r] += constant + bias[r];
    }

    /// <summary>Rows per tile of <see cref="ScoreMany"/>: 512 rows of 64 factors are 128 KB, which stay in a core's L2 cache.</summary>
    private const int Tile = 512;

    /// <summary>
    /// <see cref="Score"/> for the rows <paramref name="vectorRows"/> of <paramref name="vectors"/> at once, into consecutive
    /// rows of <paramref name="scores"/> (<c>vectorRows.Length × Rows</c>), with <paramref name="constants"/> one per
    /// vector (empty: 0). The matrix is walked in tiles that every vector passes over while they are in cache, so it is
    /// read from memory once per call instead of once per vector; each score is computed exactly as <see cref="Score"/> does.
    /// </summary>
    public void ScoreMany(FactorMatrix vectors, ReadOnlySpan<int> vectorRows, ReadOnlySpan<float> bias, ReadOnlySpan<float> constants, Span<float> scores)
    {
        var count = vectorRows.Length;
        if (vectors.Stride != Stride || scores.Length != (long)count * Rows || (bias.Length != 0 && bias.Length != Rows)
            || (constants.Length != 0 && constants.Length != count))
            throw new ArgumentException("The vectors, biases, constants and score buffer must match the factor matrix.");
        // Tiles start at multiples of 4 rows, so MatVec groups rows as it does over the whole matrix: equal sums.
        for (var start = 0; start < Rows; start += Tile)
        {
            var n = Math.Min(Tile, Rows - start);
            var tile = Data.AsSpan(start * Stride, n * Stride);
            for (var k = 0; k < count; k++)
                Dense.MatVec(tile, n, Stride, vectors.Row(vectorRows[k]), scores.Slice(k * Rows + start, n));
        }
        for (var k = 0; k < count; k++)
        {
            var row = scores.Slice(k * Rows, Rows);
            var constant = constants.IsEmpty ? 0f : constants[k];
            if (bias.IsEmpty)
            {
                if (constant != 0)
                    for (var r = 0; r < row.Length; r++)
                        row[r] += constant;
                continue;
            }
            for (var r = 0; r < row.Length; r++)
                row[r] += constant + bias[r];
        }
    }
}
