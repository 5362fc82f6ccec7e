using System.Collections.Concurrent;

namespace RecLab.Recommenders.Factorization;

/// <summary>
/// The parallel sweep over the rows of a sparse matrix that the least-squares models share (every user's or every
/// item's system in one half-sweep), with per-thread scratch. Every row's result depends only on its inputs, so
/// results do not depend on the number of threads.
/// </summary>
internal static class RowSweep
{
    /// <summary>Work for one row; <paramref name="scratch"/> belongs to the calling thread. False: the row failed.</summary>
    public delegate bool RowAction(int row, float[] scratch);

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
}
