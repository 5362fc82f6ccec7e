using System.Diagnostics;
using System.Runtime.ExceptionServices;
using RecLab.Data;
using RecLab.Randomness;

namespace RecLab.Recommenders.Factorization;

/// <summary>One SGD pass over a run of ratings; returns the sum of squared errors.</summary>
internal delegate double SgdPass(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> values);

/// <summary>
/// The visiting order of SGD epochs: a sequential order (<see cref="SgdOrder"/>), or a LIBMF-style grid of
/// <c>B x B</c> blocks (users and items each cut into B groups of about equal rating counts) run in parallel.
/// </summary>
/// <remarks>
/// <para>A grid epoch is defined as a sequence of B strata; a stratum is B blocks that share no user and no item (block
/// (r, (r + s) mod B) for r = 0..B-1), and the stratum order of each epoch is drawn from the seed. Within a block the
/// order is Surprise's. LIBMF picks free blocks dynamically (its order depends on timing); here the result is that of
/// running the blocks one after another in this fixed sequence, so it depends on the seed and B, never on the threads.</para>
/// <para>Threads do not wait for a whole stratum to finish: the caller and <c>threads - 1</c> helpers each take blocks in
/// sequence order, and a block starts as soon as the two blocks it must follow (the previous one of its user group and
/// the previous one of its item group) are done, which gives the same updates in the same order on every row. Only one
/// barrier per epoch remains. When B is a multiple of the threads, each thread runs the blocks of its own groups of the
/// larger side (item group g, or user group g, on thread g mod threads) for the whole fit, so those rows stay in its
/// core's cache instead of crossing to the other core block after block (a thread paused by the operating system has its
/// ready blocks run by another after a short wait); otherwise any free thread takes the next block.
/// While a grid fit runs, each group's rows are contiguous in memory (<see cref="UserLayout"/>, <see cref="ItemLayout"/>),
/// so two threads share only the cache lines where groups meet.</para>
/// </remarks>
internal sealed class SgdSchedule : IDisposable
{
    private GridHelpers? _helpers;

    private readonly int[] _users;
    private readonly int[] _items;
    private readonly float[] _values;
    private readonly int[] _baseUsers;
    private readonly int[] _baseItems;
    private readonly float[] _baseValues;
    private readonly SgdOrder _order;
    private readonly int _blocks;
    private readonly int[] _blockOffsets;
    private readonly ulong _seed;
    private readonly bool _keepItemGroups;

    private SgdSchedule(int[] users, int[] items, float[] values, SgdOrder order, int blocks, int[] blockOffsets, ulong seed,
        RowLayout userLayout, RowLayout itemLayout, bool keepItemGroups = true)
    {
        _keepItemGroups = keepItemGroups;
        UserLayout = userLayout;
        ItemLayout = itemLayout;
        _baseUsers = users;
        _baseItems = items;
        _baseValues = values;
        _order = order;
        _blocks = blocks;
        _blockOffsets = blockOffsets;
        _seed = seed;
        if (order == SgdOrder.Shuffled && blocks == 1)
        {
            _users = new int[users.Length];
            _items = new int[items.Length];
            _values = new float[values.Length];
        }
        else
        {
            _users = users;
            _items = items;
            _values = values;
        }
    }

    /// <summary>Where the user rows live during the fit: the passes get slots, not user ids.</summary>
    public RowLayout UserLayout { get; }

    /// <summary>Where the item rows live during the fit: the passes get slots, not item ids.</summary>
    public RowLayout ItemLayout { get; }

    /// <summary>Number of ratings per epoch.</summary>
    public int Count => _baseUsers.Length;

    /// <summary>Builds the schedule; all randomness from <paramref name="seed"/>.</summary>
    public static SgdSchedule Build(InteractionData data, SgdOrder order, int blocks, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        var rng = Seeds.Stream(seed, Seeds.Hash("sgd/order"));
        var userOrder = Permutation(data.UserCount, ref rng);
        var byUser = data.ByUser;
        var n = data.Count;
        var users = new int[n];
        var items = new int[n];
        var values = new float[n];
        var at = 0;
        foreach (var u in userOrder)
        {
            var len = byUser.RowLength(u);
            var start = at;
            users.AsSpan(at, len).Fill(u);
            byUser.RowIndices(u).CopyTo(items.AsSpan(at));
            byUser.RowValues(u).CopyTo(values.AsSpan(at));
            at += len;
            // A user's ratings in random order: shuffle (item, value) pairs together.
            for (var k = len - 1; k > 0; k--)
            {
                var j = rng.NextInt(k + 1);
                (items[start + k], items[start + j]) = (items[start + j], items[start + k]);
                (values[start + k], values[start + j]) = (values[start + j], values[start + k]);
            }
        }
        if (blocks == 1)
            return new SgdSchedule(users, items, values, order, 1, [0, n], seed, RowLayout.Identity, RowLayout.Identity);

        var userGroup = Groups(userOrder, byUser, blocks, n);
        var itemOrder = Permutation(data.ItemCount, ref rng);
        var itemGroup = Groups(itemOrder, data.ByItem, blocks, n);
        var userLayout = RowLayout.ByGroup(userGroup, blocks);
        var itemLayout = RowLayout.ByGroup(itemGroup, blocks);
        // Stable counting sort by block keeps Surprise's order inside every block.
        var offsets = new int[blocks * blocks + 1];
        for (var k = 0; k < n; k++)
            offsets[userGroup[users[k]] * blocks + itemGroup[items[k]] + 1]++;
        for (var b = 0; b < blocks * blocks; b++)
            offsets[b + 1] += offsets[b];
        var next = offsets.AsSpan(0, blocks * blocks).ToArray();
        var gridUsers = new int[n];
        var gridItems = new int[n];
        var gridValues = new float[n];
        for (var k = 0; k < n; k++)
        {
            var slot = next[userGroup[users[k]] * blocks + itemGroup[items[k]]]++;
            gridUsers[slot] = userLayout.Slot(users[k]);
            gridItems[slot] = itemLayout.Slot(items[k]);
            gridValues[slot] = values[k];
        }
        // The larger side's rows stay on one thread (see GridRun); a side's rows all have the same stride.
        return new SgdSchedule(gridUsers, gridItems, gridValues, order, blocks, offsets, seed, userLayout, itemLayout,
            keepItemGroups: data.ItemCount >= data.UserCount);
    }

    /// <summary>Runs one epoch with <paramref name="pass"/>; returns the sum of squared errors, added in a fixed order.</summary>
    public double RunEpoch(int epoch, FitContext context, SgdPass pass)
    {
        if (_blocks == 1)
        {
            if (_order == SgdOrder.Shuffled)
                ShuffleInto(epoch);
            return pass(_users, _items, _values);
        }

        var b = _blocks;
        var strata = Strata(epoch);
        // errors[k * b + r]: block r of stratum k, added in that order whatever ran when.
        var errors = new double[b * b];
        var threads = Math.Min(Math.Max(1, context.MaxThreads), b);
        if (threads == 1)
        {
            for (var k = 0; k < b; k++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                for (var r = 0; r < b; r++)
                    errors[k * b + r] = RunBlock(r, (r + strata[k]) % b, pass);
            }
        }
        else
        {
            RunGrid(strata, pass, errors, threads, context.CancellationToken);
        }
        double sse = 0;
        foreach (var e in errors)
            sse += e;
        return sse;
    }

    /// <summary>The stratum order of a grid epoch: stratum k holds the blocks (r, (r + strata[k]) mod B).</summary>
    internal int[] Strata(int epoch)
    {
        var rng = Seeds.Stream(_seed, Seeds.Derive(Seeds.Hash("sgd/strata"), (ulong)epoch));
        return Permutation(_blocks, ref rng);
    }

    /// <summary>
    /// Called with the worker's index (0 = the calling thread) as each worker of a parallel grid epoch starts: lets a
    /// test pause a thread as the operating system would.
    /// </summary>
    internal Action<int>? WorkerStarting { get; set; }

    /// <summary>Runs one epoch; returns the root mean squared training error of its ratings (before each update).</summary>
    public double RunEpochRmse(int epoch, FitContext context, SgdPass pass) =>
        Math.Sqrt(RunEpoch(epoch, context, pass) / Math.Max(1, Count));

    private double RunBlock(int userGroup, int itemGroup, SgdPass pass)
    {
        var block = userGroup * _blocks + itemGroup;
        var start = _blockOffsets[block];
        var length = _blockOffsets[block + 1] - start;
        return pass(_users.AsSpan(start, length), _items.AsSpan(start, length), _values.AsSpan(start, length));
    }

    private void ShuffleInto(int epoch)
    {
        var rng = Seeds.Stream(_seed, Seeds.Derive(Seeds.Hash("sgd/shuffle"), (ulong)epoch));
        var perm = Permutation(_baseUsers.Length, ref rng);
        for (var k = 0; k < perm.Length; k++)
        {
            var from = perm[k];
            _users[k] = _baseUsers[from];
            _items[k] = _baseItems[from];
            _values[k] = _baseValues[from];
        }
    }

    /// <summary>
    /// One grid epoch on several threads, LIBMF's way without its timing dependence: each thread (the caller being one)
    /// takes blocks in sequence order (stratum by stratum), those of its own groups (and a paused thread's) or else
    /// whichever is next; a block waits, spinning, until the previous block of its user group and that of its item group
    /// are done. A block never waits for a later one, so the earliest block not yet done can always run.
    /// </summary>
    private void RunGrid(int[] strata, SgdPass pass, double[] errors, int threads, CancellationToken ct)
    {
        var grid = new GridRun(this, strata, pass, errors, ct);
        if (_helpers?.Count != threads - 1)
        {
            _helpers?.Dispose();
            _helpers = new GridHelpers(threads - 1);
        }
        _helpers.Run(grid);
        grid.ThrowIfFailed();
    }

    /// <summary>Stops the helper threads of a parallel grid fit (a no-op when none were started).</summary>
    public void Dispose()
    {
        _helpers?.Dispose();
        _helpers = null;
    }

    /// <summary>
    /// The helper threads of a grid fit, kept from epoch to epoch: a pool task started per epoch began about when a
    /// 1.5 ms epoch ended. Between epochs a helper spins for a short while (the next epoch starts microseconds later),
    /// then sleeps until woken.
    /// </summary>
    private sealed class GridHelpers : IDisposable
    {
        private static readonly long SpinTicks = Stopwatch.Frequency / 2000;
        private readonly Thread[] _threads;
        private readonly object _gate = new();
        private GridRun? _run;
        private int _generation;
        private int _pending;
        private volatile bool _stopped;

        public GridHelpers(int count)
        {
            _threads = new Thread[count];
            for (var t = 0; t < count; t++)
            {
                var worker = t + 1;
                _threads[t] = new Thread(() => Loop(worker)) { IsBackground = true, Name = "reclab-sgd-grid" };
                _threads[t].Start();
            }
        }

        public int Count => _threads.Length;

        /// <summary>Runs one epoch on the helpers and the calling thread; returns when every helper is done with it.</summary>
        public void Run(GridRun grid)
        {
            _run = grid;
            Volatile.Write(ref _pending, _threads.Length);
            lock (_gate)
            {
                _generation++;
                Monitor.PulseAll(_gate);
            }
            grid.Work(0, _threads.Length + 1);
            var spin = new SpinWait();
            while (Volatile.Read(ref _pending) > 0)
                spin.SpinOnce(sleep1Threshold: -1);
        }

        private void Loop(int worker)
        {
            var seen = 0;
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                var spin = new SpinWait();
                while (Volatile.Read(ref _generation) == seen && !_stopped)
                {
                    if (Stopwatch.GetTimestamp() - started < SpinTicks)
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                        continue;
                    }
                    lock (_gate)
                    {
                        while (_generation == seen && !_stopped)
                            Monitor.Wait(_gate);
                    }
                }
                if (_stopped)
                    return;
                seen = Volatile.Read(ref _generation);
                _run!.Work(worker, _threads.Length + 1);
                Interlocked.Decrement(ref _pending);
            }
        }

        public void Dispose()
        {
            _stopped = true;
            lock (_gate)
                Monitor.PulseAll(_gate);
            foreach (var thread in _threads)
                thread.Join();
        }
    }

    /// <summary>
    /// The shared state of one parallel grid epoch: the blocks taken (the next one to hand out when threads do not keep
    /// groups), the blocks done.
    /// </summary>
    private sealed class GridRun(SgdSchedule schedule, int[] strata, SgdPass pass, double[] errors, CancellationToken ct)
    {
        private readonly int[] _done = new int[errors.Length];
        private readonly int[] _taken = new int[errors.Length];
        private int _next = -1;
        private long _blockTicks;
        private volatile bool _failed;
        private Exception? _error;

        public void Work(int worker, int workers)
        {
            // With B a multiple of the threads, each thread keeps the same groups of the larger side (items on
            // ml-latest-small, 4 MB of rows against 0.25 MB of users) for the whole fit: rows last written by the other
            // core made a block about 1.6 times slower (measured, see the benchmarks README). Otherwise any free thread
            // takes the next block.
            var keep = schedule._blocks % workers == 0;
            try
            {
                schedule.WorkerStarting?.Invoke(worker);
                var at = -1;
                while (!_failed)
                {
                    at = keep ? NextOwnBlock(at, worker, workers) : Interlocked.Increment(ref _next);
                    if (at >= errors.Length)
                        return;
                    // Another thread may have run it already, while this one was paused (see WaitFor).
                    if (keep && Interlocked.Exchange(ref _taken[at], 1) != 0)
                        continue;
                    if (!Run(at, keep))
                        return;
                }
            }
            catch (Exception e)
            {
                // The first failure wins; the others stop waiting for blocks that will never be done.
                Interlocked.CompareExchange(ref _error, e, null);
                _failed = true;
            }
        }

        /// <summary>Runs block <paramref name="at"/> once the two blocks before it are done (false if another thread failed).</summary>
        private bool Run(int at, bool mayTakeOver)
        {
            ct.ThrowIfCancellationRequested();
            var (k, userGroup) = Math.DivRem(at, schedule._blocks);
            var itemGroup = (userGroup + strata[k]) % schedule._blocks;
            if (k > 0 && !(WaitFor(at - schedule._blocks, mayTakeOver) && WaitFor(PreviousOfItemGroup(k, itemGroup), mayTakeOver)))
                return false;
            var started = Stopwatch.GetTimestamp();
            errors[at] = schedule.RunBlock(userGroup, itemGroup, pass);
            Volatile.Write(ref _done[at], 1);
            Volatile.Write(ref _blockTicks, Stopwatch.GetTimestamp() - started);
            return true;
        }

        /// <summary>The block of stratum <paramref name="k"/> - 1 with item group <paramref name="itemGroup"/>.</summary>
        private int PreviousOfItemGroup(int k, int itemGroup) =>
            (k - 1) * schedule._blocks + (itemGroup - strata[k - 1] + schedule._blocks) % schedule._blocks;

        private bool IsReady(int at)
        {
            var (k, userGroup) = Math.DivRem(at, schedule._blocks);
            return k == 0 || (Volatile.Read(ref _done[at - schedule._blocks]) != 0
                && Volatile.Read(ref _done[PreviousOfItemGroup(k, (userGroup + strata[k]) % schedule._blocks)]) != 0);
        }

        /// <summary>
        /// The first block after <paramref name="at"/> in sequence order whose kept group (item or user, see
        /// <see cref="SgdSchedule"/>) belongs to <paramref name="worker"/>: group g belongs to worker g mod workers.
        /// </summary>
        private int NextOwnBlock(int at, int worker, int workers)
        {
            var b = schedule._blocks;
            while (++at < errors.Length)
            {
                var (k, userGroup) = Math.DivRem(at, b);
                var group = schedule._keepItemGroups ? (userGroup + strata[k]) % b : userGroup;
                if (group % workers == worker)
                    break;
            }
            return at;
        }

        public void ThrowIfFailed()
        {
            if (_error is not null)
                ExceptionDispatchInfo.Throw(_error);
        }

        /// <summary>
        /// Spins until block <paramref name="at"/> is done (false if another thread failed meanwhile). When threads keep
        /// their groups and the block's own thread has not even started it for longer than two blocks take, although it
        /// could run, that thread is most likely paused by the operating system: this one runs the block instead of
        /// waiting a whole time slice (the same updates in the same order; only the rows' cache is lost).
        /// </summary>
        private bool WaitFor(int at, bool mayTakeOver)
        {
            // Blocks take a tenth of a millisecond or more: never sleep a whole millisecond, yield instead.
            var spin = new SpinWait();
            var since = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref _done[at]) == 0)
            {
                if (_failed)
                    return false;
                if (mayTakeOver && Volatile.Read(ref _taken[at]) == 0 && Stopwatch.GetTimestamp() - since > 2 * Volatile.Read(ref _blockTicks)
                    && IsReady(at) && Interlocked.Exchange(ref _taken[at], 1) == 0)
                    return Run(at, mayTakeOver: false);
                spin.SpinOnce(sleep1Threshold: -1);
            }
            return true;
        }
    }

    private static int[] Permutation(int n, ref Rng rng)
    {
        var perm = new int[n];
        for (var k = 0; k < n; k++)
            perm[k] = k;
        rng.Shuffle(perm.AsSpan());
        return perm;
    }

    /// <summary>Cuts rows (users or items) taken in <paramref name="order"/> into groups of about equal rating counts.</summary>
    private static int[] Groups(int[] order, CsrMatrix rows, int groups, int total)
    {
        var group = new int[order.Length];
        long before = 0;
        foreach (var r in order)
        {
            group[r] = total == 0 ? 0 : (int)Math.Min(groups - 1, before * groups / total);
            before += rows.RowLength(r);
        }
        return group;
    }
}
