using System.Collections.Concurrent;
using RecLab.Internal.Kernels;
using RecLab.Randomness;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// Plumbing shared by the least-squares factor models: seeded initialization, the parallel sweep over rows with
/// per-thread scratch, and divergence checks. Every row's result depends only on its inputs, so results do not
/// depend on the number of threads.
/// </summary>
internal static class FactorMatrices
{
    /// <summary>Rows per block when initializing in parallel (each block has its own seeded stream).</summary>
    private const int InitBlock = 4096;

    /// <summary>Work for one row; <paramref name="scratch"/> belongs to the calling thread. False: the row failed.</summary>
    public delegate bool RowAction(int row, float[] scratch);

    /// <summary>A rows x k matrix of uniform values in [0, <paramref name="scale"/>), one stream per block of rows.</summary>
    public static float[] Uniform(int rows, int k, float scale, ulong seed, ParallelOptions parallel)
    {
        var m = new float[rows * k];
        var blocks = (rows + InitBlock - 1) / InitBlock;
        Parallel.For(0, blocks, parallel, b =>
        {
            var rng = Seeds.Stream(seed, (ulong)b);
            var span = m.AsSpan(b * InitBlock * k, Math.Min(InitBlock, rows - b * InitBlock) * k);
            for (var i = 0; i < span.Length; i++)
                span[i] = rng.NextFloat() * scale;
        });
        return m;
    }

    /// <summary>A rows x k matrix of standard normal rows scaled to unit length (LensKit's ALS start).</summary>
    public static float[] UnitGaussianRows(int rows, int k, ulong seed, ParallelOptions parallel)
    {
        var m = new float[rows * k];
        var blocks = (rows + InitBlock - 1) / InitBlock;
        Parallel.For(0, blocks, parallel, b =>
        {
            var rng = Seeds.Stream(seed, (ulong)b);
            var end = Math.Min(rows, (b + 1) * InitBlock);
            for (var r = b * InitBlock; r < end; r++)
            {
                var row = m.AsSpan(r * k, k);
                for (var i = 0; i < k; i++)
                    row[i] = (float)rng.NextGaussian();
                var norm = MathF.Sqrt(Dense.Dot(row, row));
                for (var i = 0; i < k; i++)
                    row[i] /= norm;
            }
        });
        return m;
    }

    /// <summary>Runs <paramref name="action"/> for every row in [0, rows), in parallel over fixed chunks.</summary>
    /// <returns>The lowest row whose action failed (the same whatever the thread count), or -1.</returns>
    public static int ForEachRow(int rows, int scratchLength, ParallelOptions parallel, RowAction action)
    {
        // Failures are returned, not thrown: an exception inside Parallel.ForEach reaches the caller wrapped.
        var failed = int.MaxValue;
        // Small chunks balance rows of very different lengths (popular items) across threads.
        Parallel.ForEach(Partitioner.Create(0, rows, 64), parallel, () => new float[scratchLength], (range, _, scratch) =>
        {
            for (var r = range.Item1; r < range.Item2; r++)
            {
                if (!action(r, scratch))
                {
                    InterlockedMin(ref failed, r);
                    break;
                }
            }
            return scratch;
        }, _ => { });
        return failed == int.MaxValue ? -1 : failed;
    }

    private static void InterlockedMin(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }

    /// <summary>Stops training when factors stopped being finite numbers.</summary>
    /// <exception cref="TrainingDivergedException">NaN or infinity in <paramref name="factors"/>.</exception>
    public static void ThrowIfDiverged(string model, string stage, int step, string what, ReadOnlySpan<float> factors, string hint)
    {
        if (!Dense.AllFinite(factors))
            throw new TrainingDivergedException(model, stage, step, $"the {what} factors contain NaN or infinity", hint);
    }
}
