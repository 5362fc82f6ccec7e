using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Internal.Kernels;

namespace RecLab.Tests.Recommenders.Factorization;

public sealed class SgdScheduleTests
{
    private static SgdSchedule Grid(int blocks, int users = 40, int items = 30) =>
        SgdSchedule.Build(SgdKernelTests.RandomRatings(users, items, 8, 21), SgdOrder.UserBlocks, blocks, 5);

    [Theory]
    [InlineData(2, 40, 30)] // each thread keeps its user groups
    [InlineData(2, 30, 40)] // each thread keeps its item groups
    [InlineData(4, 30, 40)] // one item group each
    [InlineData(3, 40, 30)] // 4 blocks on 3 threads: any free thread takes the next block
    public void Blocks_sharing_users_or_items_never_overlap_and_keep_the_one_thread_order(int threads, int users, int items)
    {
        // Each pass notes when it started and ended on a shared clock. Two blocks that touch a common user or item row
        // must not run at the same time, and must run in the order one thread gives them; the others may overlap.
        const int blocks = 4;
        using var schedule = Grid(blocks, users, items);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            var sequential = Record(schedule, epoch, 1);
            var parallel = Record(schedule, epoch, threads);
            Assert.Equal(blocks * blocks, parallel.Count);
            Assert.Equal(sequential.Select(b => b.Key).Order(), parallel.Select(b => b.Key).Order());
            var rank = sequential.Select((b, k) => (b.Key, k)).ToDictionary(x => x.Key, x => x.k);
            foreach (var a in parallel)
            {
                foreach (var b in parallel)
                {
                    if (a.Key == b.Key || !(a.Users.Overlaps(b.Users) || a.Items.Overlaps(b.Items)))
                        continue;
                    var (first, second) = rank[a.Key] < rank[b.Key] ? (a, b) : (b, a);
                    Assert.True(first.End < second.Start, $"epoch {epoch}: blocks {rank[first.Key]} and {rank[second.Key]} share rows but ran {first.Start}-{first.End} and {second.Start}-{second.End}");
                }
            }
        }
    }

    [Fact]
    public void A_paused_thread_s_ready_blocks_are_run_by_the_other_in_the_one_thread_order()
    {
        // Two threads keeping item groups (parity of the item group); the helper is paused as it starts the epoch, as
        // the operating system may pause it. In an epoch whose first two strata differ in parity, the caller's first
        // block of stratum 1 follows a block of the helper's in stratum 0, which is ready: the caller must run it
        // rather than wait for the helper to wake.
        const int blocks = 4;
        using var schedule = Grid(blocks, users: 30, items: 40);
        var epoch = Enumerable.Range(0, 100).First(e => schedule.Strata(e) is var s && (s[0] - s[1]) % 2 != 0);
        var sequential = Record(schedule, epoch, 1);
        schedule.WorkerStarting = worker =>
        {
            if (worker > 0)
                Thread.Sleep(300);
        };
        var caller = Environment.CurrentManagedThreadId;
        var parallel = Record(schedule, epoch, 2);

        Assert.Equal(sequential.Select(b => b.Key).Order(), parallel.Select(b => b.Key).Order());
        var byCaller = parallel.Count(b => b.Thread == caller);
        Assert.True(byCaller > blocks * blocks / 2, $"the caller ran {byCaller} of {blocks * blocks} blocks, only its own");
        var rank = sequential.Select((b, k) => (b.Key, k)).ToDictionary(x => x.Key, x => x.k);
        foreach (var a in parallel)
            foreach (var b in parallel)
                if (rank[a.Key] < rank[b.Key] && (a.Users.Overlaps(b.Users) || a.Items.Overlaps(b.Items)))
                    Assert.True(a.End < b.Start, $"blocks {rank[a.Key]} and {rank[b.Key]} share rows but ran {a.Start}-{a.End} and {b.Start}-{b.End}");
    }

    private sealed record BlockRun(string Key, HashSet<int> Users, HashSet<int> Items, int Start, int End, int Thread);

    private static List<BlockRun> Record(SgdSchedule schedule, int epoch, int threads)
    {
        var runs = new List<BlockRun>();
        var clock = 0;
        SgdPass pass = (users, items, _) =>
        {
            var start = Interlocked.Increment(ref clock);
            var (u, i) = (users.ToArray(), items.ToArray());
            Thread.Sleep(1);
            var end = Interlocked.Increment(ref clock);
            lock (runs)
                runs.Add(new BlockRun($"{string.Join(',', u)}/{string.Join(',', i)}", [.. u], [.. i], start, end, Environment.CurrentManagedThreadId));
            return users.Length;
        };
        var count = schedule.RunEpoch(epoch, new FitContext { MaxThreads = threads }, pass);
        Assert.Equal(schedule.Count, count);
        return [.. runs.OrderBy(r => r.Start)];
    }

    [Fact]
    public void A_failing_block_on_two_threads_surfaces_its_exception_without_hanging()
    {
        using var schedule = Grid(4);
        var calls = 0;
        SgdPass pass = (users, _, _) =>
        {
            if (Interlocked.Increment(ref calls) == 6)
                throw new InvalidOperationException("block six");
            return users.Length;
        };
        var e = Assert.Throws<InvalidOperationException>(() => schedule.RunEpoch(0, new FitContext { MaxThreads = 2 }, pass));
        Assert.Equal("block six", e.Message);
        // Blocks that needed the failed one never ran.
        Assert.True(calls < 16, $"{calls} blocks ran");
    }

    [Fact]
    public void A_cancelled_fit_stops_between_blocks()
    {
        using var schedule = Grid(4);
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        SgdPass pass = (users, _, _) =>
        {
            if (Interlocked.Increment(ref calls) == 3)
                cancel.Cancel();
            return users.Length;
        };
        Assert.ThrowsAny<OperationCanceledException>(() =>
            schedule.RunEpoch(0, new FitContext { MaxThreads = 2, CancellationToken = cancel.Token }, pass));
        Assert.True(calls < 16, $"{calls} blocks ran");
    }
}
